package org.courtyard.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.courtyard.security.internal.RuleProblems.fieldErrors;

import org.courtyard.security.internal.dto.RemoteOpen;
import org.junit.jupiter.api.Test;

class AccessRulesTest {

  @Test
  void aRemoteOpeningWithoutADoorOpensTheFirst() {
    assertThat(AccessRules.checkRemoteOpen(new RemoteOpen(null, "Guard Li", null))).isEqualTo("1");
    assertThat(AccessRules.checkRemoteOpen(new RemoteOpen(" 12 ", "Guard Li", "delivery")))
        .isEqualTo("12");
  }

  @Test
  void everyWrongFieldIsReportedAtOnce() {
    assertThat(
            fieldErrors(
                () -> AccessRules.checkRemoteOpen(new RemoteOpen("0", "\u3000 ", "r".repeat(151)))))
        .containsExactly(
            "door the controller's door number, 1-99",
            "by who opens: 1-100 characters",
            "reason at most 150 characters");
    assertThat(fieldErrors(() -> AccessRules.checkRemoteOpen(new RemoteOpen("100", "x", null))))
        .containsExactly("door the controller's door number, 1-99");
    assertThat(
            fieldErrors(
                () -> AccessRules.checkRemoteOpen(new RemoteOpen("2", "b".repeat(101), null))))
        .containsExactly("by who opens: 1-100 characters");
  }

  @Test
  void theLogSaysWhoOpenedAndWhyWhenTheySaid() {
    assertThat(AccessRules.remoteReason("Guard Li", " ")).isEqualTo("opened remotely by Guard Li");
    assertThat(AccessRules.remoteReason("Guard Li", "courier"))
        .isEqualTo("opened remotely by Guard Li: courier");
  }
}
