package org.courtyard.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.courtyard.api.Languages;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Text;
import org.courtyard.api.Texts;
import org.courtyard.billing.internal.dto.BillLineView;
import org.courtyard.billing.internal.dto.BillView;
import org.courtyard.billing.internal.dto.PersonStatementView;
import org.courtyard.billing.internal.dto.StatementView;
import org.junit.jupiter.api.Test;

class PersonStatementHtmlTest {

  private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

  @Test
  void roomsRolesTotalsAndBillsAreShownAndDataIsEscaped() {
    BigDecimal total = new BigDecimal("120.00");
    BillView bill =
        new BillView(
            1,
            12,
            "GV/B1/U1/1801",
            2,
            "2026-10",
            "periodic",
            total,
            BigDecimal.ZERO.setScale(2),
            total,
            "CNY",
            "open",
            LocalDate.of(2026, 11, 15),
            UUID.randomUUID(),
            NOW,
            List.of(
                new BillLineView(
                    5,
                    "CAR",
                    "<b>Vehicle</b> fee",
                    new BigDecimal("2.000"),
                    new BigDecimal("60.0000"),
                    1,
                    31,
                    31,
                    total,
                    total)));
    StatementView room =
        new StatementView(
            12,
            "GV/B1/U1/101",
            "CNY",
            List.of(bill),
            List.of(),
            List.of(),
            total,
            BigDecimal.ZERO.setScale(2),
            total,
            BigDecimal.ZERO.setScale(2),
            total.negate(),
            NOW);
    PersonStatementView s =
        new PersonStatementView(
            9,
            "Li <Lei>",
            "CNY",
            List.of(
                new PersonStatementView.Room(
                    12,
                    "GV/B1/U1/101",
                    List.of(
                        new PersonStatementView.Role(
                            "owner", new BigDecimal("50.00"), LocalDate.of(2024, 1, 1))),
                    room)),
            total,
            BigDecimal.ZERO.setScale(2),
            total,
            BigDecimal.ZERO.setScale(2),
            total.negate(),
            NOW);

    String html = PersonStatementHtml.render(s, ZoneId.of("Asia/Shanghai"));

    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("Li &lt;Lei&gt;")
        .doesNotContain("<Lei>")
        .contains("GV/B1/U1/101")
        .contains("owner 50.00%")
        .contains("&lt;b&gt;Vehicle&lt;/b&gt; fee 120.00")
        .contains("-120.00")
        .contains("2026-11-28 10:00")
        .endsWith("</body></html>\n");
  }

  @Test
  void theModuleRequiredProblemNamesTheItemsAndTheModule() {
    ProblemException p =
        BillingInstances.moduleRequired(
            TenantSlug.of("acme"),
            List.of("CAR"),
            Texts.of(BillingInstances.class).text("module-required.create-later"));

    assertThat(p.status()).isEqualTo(409);
    assertThat(p.type()).isEqualTo("module-required");
    assertThat(p.detail())
        .startsWith("Fee item CAR needs the residents module")
        .contains("tenant 'acme'")
        .endsWith(": create the item once residents is enabled.");
    assertThat(p.extensions()).containsEntry("module", "residents");
    assertThat(p.title(Languages.CHINESE)).isEqualTo("需要先启用模块");
    assertThat(p.detail(Languages.CHINESE))
        .startsWith("收费项目 CAR 需要住户模块")
        .contains("物业公司“acme”")
        .endsWith("：请在启用住户模块后再新建该收费项目。");

    assertThat(
            BillingInstances.moduleRequired(
                    TenantSlug.of("acme"), List.of("CAR", "BIKE"), Text.plain("x"))
                .detail())
        .startsWith("Fee items CAR, BIKE need the residents module");
  }
}
