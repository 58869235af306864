package org.courtyard.billing.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Texts;

/**
 * Where a page of payment reminders ends. Reminders are ordered by outstanding amount (largest
 * first) and then room id, so unlike the id cursors of other lists this one carries both; it is
 * just as opaque to clients.
 */
record ReminderCursor(BigDecimal outstanding, long roomId) {

  private static final Texts TEXTS = Texts.of(ReminderCursor.class);

  private static final String PREFIX = "rm:";

  String encode() {
    String raw = PREFIX + outstanding.toPlainString() + ":" + roomId;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * @return null for a missing cursor
   * @throws ProblemException 400 {@code invalid-cursor} for anything this API did not return
   */
  static ReminderCursor decode(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      if (raw.startsWith(PREFIX) && raw.length() < 80) {
        String[] parts = raw.substring(PREFIX.length()).split(":", -1);
        if (parts.length == 2 && parts[0].matches("-?\\d{1,14}(\\.\\d{1,2})?")) {
          long room = Long.parseLong(parts[1]);
          if (room > 0) {
            return new ReminderCursor(new BigDecimal(parts[0]), room);
          }
        }
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw TEXTS.problem(400, "invalid-cursor", "cursor.invalid");
  }
}
