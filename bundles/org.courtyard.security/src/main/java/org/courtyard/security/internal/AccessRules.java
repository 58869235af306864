package org.courtyard.security.internal;

import org.courtyard.api.FieldErrors;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.security.internal.dto.RemoteOpen;

/**
 * What a door opened from the guard room must say, checked before the controller is sent anything,
 * and how its line in the access log reads. Every problem of a request is reported in one 422.
 */
final class AccessRules {

  static final int BY_MAX = 100;
  static final int REASON_MAX = 150;

  /** The door a request that names none opens: a controller's first. */
  static final String FIRST_DOOR = "1";

  private static final Texts TEXTS = Texts.of(AccessRules.class);

  private AccessRules() {}

  /**
   * The door to open: the controller's door number, {@value #FIRST_DOOR} when the request names
   * none.
   *
   * @throws org.courtyard.api.ProblemException 422 {@code validation-failed} naming every field
   *     that is wrong
   */
  static String checkRemoteOpen(RemoteOpen in) {
    FieldErrors errors = new FieldErrors();
    String door = in.door() == null ? FIRST_DOOR : in.door().strip();
    if (!door.matches("[1-9][0-9]?")) {
      errors.add("door", TEXTS.text("access.door"));
    }
    if (TextRules.trimToNull(in.by()) == null || in.by().length() > BY_MAX) {
      errors.add("by", TEXTS.text("access.by"));
    }
    if (in.reason() != null && in.reason().length() > REASON_MAX) {
      errors.add("reason", TEXTS.text("access.reason"));
    }
    errors.throwIfAny();
    return door;
  }

  /** The reason a remote opening leaves in the log: who opened, and why when they said. */
  static String remoteReason(String by, String why) {
    return "opened remotely by " + by + (why == null || why.isBlank() ? "" : ": " + why);
  }
}
