package org.courtyard.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.courtyard.security.internal.RuleProblems.fieldErrors;
import static org.courtyard.security.internal.RuleProblems.thrown;

import org.courtyard.api.Languages;
import org.courtyard.api.ProblemException;
import org.courtyard.security.internal.dto.AlarmAction;
import org.junit.jupiter.api.Test;

class AlarmRulesTest {

  @Test
  void aGuardMustSayWhoActs() {
    assertThat(AlarmRules.check(new AlarmAction("Guard Li", null)).by()).isEqualTo("Guard Li");
    assertThat(fieldErrors(() -> AlarmRules.check(new AlarmAction(" ", "n".repeat(501)))))
        .containsExactly("by who acts: 1-100 characters", "note at most 500 characters");
  }

  @Test
  void aRaisedAlarmMayBeAcknowledgedOrResolved() {
    AlarmRules.checkMove(1, "raised", "acknowledged");
    AlarmRules.checkMove(1, "raised", "resolved");
    AlarmRules.checkMove(1, "acknowledged", "resolved");
  }

  @Test
  void aMoveBackOrOutOfResolvedIsAConflictThatSaysWhereTheAlarmIs() {
    ProblemException e = thrown(() -> AlarmRules.checkMove(7, "acknowledged", "acknowledged"));
    assertThat(e.status()).isEqualTo(409);
    assertThat(e.type()).isEqualTo("alarm-acknowledged");
    assertThat(e.detail()).isEqualTo("Alarm 7 is acknowledged; it cannot be acknowledged.");
    assertThat(e.title(Languages.CHINESE)).isEqualTo("告警已确认");
    assertThat(e.detail(Languages.CHINESE)).isEqualTo("告警 7 已确认，不能再确认。");
    assertThat(thrown(() -> AlarmRules.checkMove(7, "resolved", "resolved")).type())
        .isEqualTo("alarm-resolved");
    ProblemException resolved = thrown(() -> AlarmRules.checkMove(7, "resolved", "acknowledged"));
    assertThat(resolved.type()).isEqualTo("alarm-resolved");
    assertThat(resolved.detail()).isEqualTo("Alarm 7 is resolved; it cannot be acknowledged.");
    assertThat(resolved.detail(Languages.CHINESE)).isEqualTo("告警 7 已解除，不能再确认。");
  }
}
