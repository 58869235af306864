package org.courtyard.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.courtyard.security.internal.RuleProblems.fieldErrors;
import static org.courtyard.security.internal.RuleProblems.thrown;

import java.time.Instant;
import java.util.List;
import org.courtyard.api.Languages;
import org.courtyard.api.ProblemException;
import org.courtyard.security.internal.dto.CredentialInput;
import org.courtyard.security.internal.dto.CredentialView;
import org.junit.jupiter.api.Test;

class CredentialRulesTest {

  private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");

  @Test
  void validityStartsNowUnlessGiven() {
    CredentialRules.Validity v =
        CredentialRules.check(
            new CredentialInput("card", "A1B2", "Wang", null, List.of("gate-1"), null, null), NOW);
    assertThat(v).isEqualTo(new CredentialRules.Validity(NOW, null));
    v =
        CredentialRules.check(
            new CredentialInput(
                "pin",
                "4711",
                "Wang",
                3L,
                List.of("gate-1:2"),
                "2026-12-06T00:00:00Z",
                "2026-12-07T00:00:00Z"),
            NOW);
    assertThat(v.from()).isEqualTo(Instant.parse("2026-12-06T00:00:00Z"));
    assertThat(v.to()).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
  }

  @Test
  void everyWrongFieldIsReportedAtOnce() {
    assertThat(
            fieldErrors(
                () ->
                    CredentialRules.check(
                        new CredentialInput(
                            "face", "with space", " ", 0L, List.of("Gate 1"), "soon", null),
                        NOW)))
        .containsExactly(
            "kind one of " + CredentialRules.KINDS,
            "credential 1-64 printable characters, as the door controller reports it",
            "holder 1-100 characters",
            "personId a resident's person id",
            "doors 'Gate 1' is not '<device>' or '<device>:<door>'",
            "validFrom an ISO-8601 instant such as 2026-12-01T00:00:00Z");
    assertThat(
            fieldErrors(
                () ->
                    CredentialRules.check(
                        new CredentialInput(
                            "qr", "q", "Wang", null, List.of(), null, "2026-12-05T08:00:00Z"),
                        NOW)))
        .containsExactly(
            "doors 1-100 doors: '<device>' or '<device>:<door>'", "validTo after validFrom");
  }

  @Test
  void aClerkReadsTheFieldErrorsInChinese() {
    ProblemException e =
        thrown(
            () ->
                CredentialRules.check(
                    new CredentialInput(
                        "card", "A1B2", "Wang", null, List.of("Gate 1"), null, null),
                    NOW));
    assertThat(e.detail(Languages.CHINESE))
        .isEqualTo("doors：“Gate 1”不是 '<device>' 或 '<device>:<door>' 格式。");
    assertThat(e.detail()).isEqualTo("doors 'Gate 1' is not '<device>' or '<device>:<door>'.");
  }

  @Test
  void aDoorAsksAboutOneDoorOfAController() {
    CredentialRules.checkQuestion("card", "A1B2", "gate-1:2");
    assertThat(thrown(() -> CredentialRules.checkQuestion("card", "A1B2", "gate-1")).type())
        .isEqualTo("invalid-parameter");
    assertThat(thrown(() -> CredentialRules.checkQuestion("face", "A1B2", "gate-1:2")).status())
        .isEqualTo(400);
  }

  @Test
  void aCredentialOpensItsDoorsInsideItsValidity() {
    CredentialView v = view("active", List.of("gate-1", "lobby:2"), NOW, NOW.plusSeconds(3600));
    assertThat(CredentialRules.refusal(v, "gate-1:3", NOW)).isNull();
    assertThat(CredentialRules.refusal(v, "lobby:2", NOW.plusSeconds(10))).isNull();
    assertThat(CredentialRules.refusal(v, "lobby:1", NOW)).isEqualTo("not valid for this door");
    assertThat(CredentialRules.refusal(v, "gate-1:1", NOW.minusSeconds(1)))
        .isEqualTo("not valid yet");
    assertThat(CredentialRules.refusal(v, "gate-1:1", NOW.plusSeconds(3600))).isEqualTo("expired");
    assertThat(
            CredentialRules.refusal(view("revoked", List.of("gate-1"), NOW, null), "gate-1:1", NOW))
        .isEqualTo("revoked");
  }

  @Test
  void aRevocationsReasonIsOptionalOneLineAndAtMost200Characters() {
    assertThat(CredentialRules.checkReason(null)).isNull();
    assertThat(CredentialRules.checkReason("  ")).isNull();
    assertThat(CredentialRules.checkReason(" card lost ")).isEqualTo("card lost");
    assertThat(CredentialRules.checkReason("中".repeat(200))).hasSize(200);
    assertThat(fieldErrors(() -> CredentialRules.checkReason("x".repeat(201))))
        .singleElement()
        .asString()
        .startsWith("reason ");
    assertThat(fieldErrors(() -> CredentialRules.checkReason("lost\nfound")))
        .singleElement()
        .asString()
        .startsWith("reason ");
  }

  @Test
  void whoRevokedIsCutToItsColumn() {
    assertThat(CredentialRules.actor("pm_li")).isEqualTo("pm_li");
    assertThat(CredentialRules.actor("k".repeat(150))).hasSize(100);
  }

  @Test
  void theListFiltersAKindAndADoorOrControllerAndRefuseAnythingElse() {
    assertThat(CredentialRules.kindFilter(null)).isNull();
    assertThat(CredentialRules.kindFilter(" ")).isNull();
    assertThat(CredentialRules.kindFilter("pin")).isEqualTo("pin");
    assertThat(thrown(() -> CredentialRules.kindFilter("face")).type())
        .isEqualTo("invalid-parameter");
    assertThat(CredentialRules.doorFilter("")).isNull();
    assertThat(CredentialRules.doorFilter("gate-1")).isEqualTo("gate-1");
    assertThat(CredentialRules.doorFilter("gate-1:2")).isEqualTo("gate-1:2");
    assertThat(thrown(() -> CredentialRules.doorFilter("Gate 1")).status()).isEqualTo(400);
    assertThat(thrown(() -> CredentialRules.doorFilter("gate-1:")).type())
        .isEqualTo("invalid-parameter");
  }

  private static CredentialView view(String status, List<String> doors, Instant from, Instant to) {
    return new CredentialView(
        1, "card", "A1B2", "Wang", null, doors, from, to, status, from, null, null, null,
        List.of());
  }
}
