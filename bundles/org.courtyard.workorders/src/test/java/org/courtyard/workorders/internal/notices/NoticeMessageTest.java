package org.courtyard.workorders.internal.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.courtyard.api.TenantSlug;
import org.courtyard.messaging.Address;
import org.courtyard.messaging.Message;
import org.courtyard.workorders.internal.dto.OrderView;
import org.courtyard.workorders.internal.lifecycle.Action;
import org.junit.jupiter.api.Test;

/**
 * What a step's message says: in the language the recipient chose, or in Chinese and then English
 * while they chose none; always the order's number, the step, the description and the note.
 */
class NoticeMessageTest {

  private static final TenantSlug TENANT = TenantSlug.of("acme");
  private static final Address TO = Address.email("tech@example.com");

  private static OrderView order() {
    return new OrderView(
        42,
        "WO261207-42",
        "repair",
        1,
        "urgent",
        "dispatched",
        "厨房漏水 kitchen leak",
        101L,
        11L,
        2L,
        1,
        null,
        "staff",
        null,
        9L,
        null,
        null,
        "phone",
        null,
        null,
        7L,
        null,
        null,
        null,
        null,
        0,
        null,
        null,
        false,
        null,
        null,
        Instant.EPOCH,
        Instant.EPOCH,
        1,
        List.of());
  }

  @Test
  void someoneWhoChoseEnglishIsWrittenToInEnglishOnly() {
    Message m =
        Notices.message(
            TENANT, order(), Action.DISPATCH, "go today", TO, "assignee", Locale.ENGLISH);
    assertThat(m.language()).isEqualTo(Locale.ENGLISH);
    assertThat(m.subject()).startsWith("Work order WO261207-42");
    assertThat(m.text()).contains("Work order WO261207-42", "kitchen leak", "go today");
    assertThat(m.text()).doesNotContain("工单 WO261207-42").doesNotContain("---");
  }

  @Test
  void someoneWhoChoseChineseIsWrittenToInChineseOnly() {
    Message m =
        Notices.message(
            TENANT, order(), Action.DISPATCH, null, TO, "assignee", Locale.SIMPLIFIED_CHINESE);
    assertThat(m.subject()).startsWith("工单 WO261207-42");
    assertThat(m.text()).contains("工单 WO261207-42").doesNotContain("Work order");
  }

  @Test
  void someoneWhoChoseNothingGetsBothChineseFirst() {
    Message m = Notices.message(TENANT, order(), Action.DISPATCH, null, TO, "assignee", null);
    assertThat(m.language()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    assertThat(m.subject()).startsWith("工单 WO261207-42");
    assertThat(m.text().indexOf("工单 WO261207-42"))
        .isLessThan(m.text().indexOf("Work order WO261207-42"));
  }

  @Test
  void aChannelsAnswerIsLoggedWithTheAddressesItQuotesMasked() {
    String logged =
        Notices.masked("250 2.0.0 queued for <tech.mail@example.com>, cc +8613900000077");
    assertThat(logged).doesNotContain("tech.mail@").doesNotContain("13900000077");
    assertThat(logged).contains("te***@example.com").contains("0077").startsWith("250 2.0.0");
  }
}
