package org.courtyard.residents.internal;

import java.util.Locale;
import org.courtyard.api.Plates;
import org.courtyard.residents.internal.validation.PhoneNumbers;

/**
 * What {@code GET /persons?q=} looks for: one text box for the front desk, matched against the name
 * (case-insensitive, anywhere in it), the phone number (its last digits, so that "5678" or a whole
 * number written any way finds the person) and the plates of the person's current vehicles
 * (normalised, anywhere in the plate). A person matching any of them is found.
 *
 * @param namePattern LIKE pattern for the lower-case name, with {@link #ESCAPE} as escape character
 * @param phoneSuffix digits the stored phone must end with; {@code null} when the text is no phone
 *     number or too short to be a useful one
 * @param platePattern LIKE pattern for a normalised plate; {@code null} when nothing of the text
 *     can occur in a plate
 */
public record PersonSearch(String namePattern, String phoneSuffix, String platePattern) {

  /**
   * The LIKE escape character: not a backslash, whose meaning in SQL strings depends on settings.
   */
  static final char ESCAPE = '!';

  /** Longer search text than this is no name, number or plate; it is cut, not refused. */
  static final int MAX_QUERY = 100;

  /** The search for {@code q}, or {@code null} when {@code q} is blank: then everyone matches. */
  static PersonSearch of(String q) {
    if (q == null || q.isBlank()) {
      return null;
    }
    String text = q.strip();
    if (text.codePointCount(0, text.length()) > MAX_QUERY) {
      text = text.substring(0, text.offsetByCodePoints(0, MAX_QUERY));
    }
    String name = contains(text.toLowerCase(Locale.ROOT));
    String phone = PhoneNumbers.searchSuffix(text);
    String plate = Plates.normalize(text);
    return new PersonSearch(name, phone, plate.isEmpty() ? null : contains(plate));
  }

  /** A LIKE pattern matching {@code text} anywhere, with LIKE's own characters escaped. */
  static String contains(String text) {
    StringBuilder p = new StringBuilder(text.length() + 2).append('%');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' || c == '_' || c == ESCAPE) {
        p.append(ESCAPE);
      }
      p.append(c);
    }
    return p.append('%').toString();
  }
}
