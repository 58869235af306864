package org.courtyard.module.template.internal;

import org.courtyard.api.FieldErrors;
import org.courtyard.api.TextRules;

/**
 * What a note's values must be, checked before anything touches the database and repeated as CHECK
 * constraints in {@code db/template/V1__note.sql}. Every problem of a request is collected in one
 * {@link FieldErrors}, so the client gets all of them in one 422 answer, each message in the
 * request's language (the rules of {@link TextRules} say theirs in English and Chinese; a rule of
 * the module's own reports a {@code Texts.text(...)} of its catalogue).
 */
final class NoteRules {

  static final int TITLE_MAX = 100;
  static final int BODY_MAX = 2000;
  static final int PRIORITY_MIN = 1;
  static final int PRIORITY_MAX = 5;

  /** A note's values as they are stored: stripped, blank text as null. */
  record Values(String title, String body, int priority) {}

  private NoteRules() {}

  /**
   * @throws org.courtyard.api.ProblemException 422 {@code validation-failed} naming every field
   *     that is wrong
   */
  static Values check(String title, String body, Integer priority, FieldErrors errors) {
    String t = TextRules.requiredLine(title, "title", TITLE_MAX, errors);
    // the body may span lines, so only its length is limited
    String b = TextRules.trimToNull(body);
    if (b != null && !TextRules.withinLength(b, "body", BODY_MAX, errors)) {
      b = null;
    }
    Integer p = TextRules.requiredInRange(priority, "priority", PRIORITY_MIN, PRIORITY_MAX, errors);
    errors.throwIfAny();
    return new Values(t, b, p);
  }
}
