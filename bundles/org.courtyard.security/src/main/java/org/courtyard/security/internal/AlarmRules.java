package org.courtyard.security.internal;

import java.util.Set;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TextRules;
import org.courtyard.security.internal.dto.AlarmAction;

/**
 * An alarm's life: raised, then acknowledged by a guard, then resolved by a guard or by the device
 * that raised it. At most one alarm per device, kind and source is open (not resolved) at a time;
 * the table's partial unique index {@code alarm_open_uq} holds that.
 */
final class AlarmRules {

  static final String RAISED = "raised";
  static final String ACKNOWLEDGED = "acknowledged";
  static final String RESOLVED = "resolved";
  static final Set<String> STATUSES = Set.of(RAISED, ACKNOWLEDGED, RESOLVED);

  static final int BY_MAX = 100;
  static final int NOTE_MAX = 500;

  private AlarmRules() {}

  /**
   * @throws ProblemException 422 {@code validation-failed} naming every field that is wrong
   */
  static AlarmAction check(AlarmAction a) {
    FieldErrors errors = new FieldErrors();
    if (TextRules.trimToNull(a.by()) == null || a.by().length() > BY_MAX) {
      errors.add("by", "who acts: 1-100 characters");
    }
    if (a.note() != null && a.note().length() > NOTE_MAX) {
      errors.add("note", "at most 500 characters");
    }
    errors.throwIfAny();
    return a;
  }

  /**
   * An alarm may be acknowledged while raised, and resolved while raised or acknowledged.
   *
   * @throws ProblemException 409 {@code alarm-<status>} that says where the alarm is
   */
  static void checkMove(long id, String status, String to) {
    boolean allowed = to.equals(ACKNOWLEDGED) ? status.equals(RAISED) : !status.equals(RESOLVED);
    if (!allowed) {
      throw ProblemException.conflict(
          "alarm-" + status,
          "Alarm is " + status,
          "Alarm " + id + " is " + status + "; it cannot be " + to + ".");
    }
  }
}
