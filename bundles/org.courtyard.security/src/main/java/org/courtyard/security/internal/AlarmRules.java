package org.courtyard.security.internal;

import java.util.Set;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Text;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
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

  private static final Texts TEXTS = Texts.of(AlarmRules.class);

  private AlarmRules() {}

  /**
   * @throws ProblemException 422 {@code validation-failed} naming every field that is wrong
   */
  static AlarmAction check(AlarmAction a) {
    FieldErrors errors = new FieldErrors();
    if (TextRules.trimToNull(a.by()) == null || a.by().length() > BY_MAX) {
      errors.add("by", TEXTS.text("alarm.by"));
    }
    if (a.note() != null && a.note().length() > NOTE_MAX) {
      errors.add("note", TEXTS.text("alarm.note"));
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
      throw TEXTS.problem(409, "alarm-" + status, "alarm.cannot-move", id, is(status), to(to));
    }
  }

  /** Where an alarm is, said as English has always said it: its status. */
  private static Text is(String status) {
    return switch (status) {
      case RAISED -> TEXTS.text("alarm.is.raised");
      case ACKNOWLEDGED -> TEXTS.text("alarm.is.acknowledged");
      case RESOLVED -> TEXTS.text("alarm.is.resolved");
      default -> Text.plain(status);
    };
  }

  /** What was asked of an alarm: acknowledged or resolved. */
  private static Text to(String to) {
    return to.equals(ACKNOWLEDGED)
        ? TEXTS.text("alarm.to.acknowledged")
        : TEXTS.text("alarm.to.resolved");
  }
}
