package org.courtyard.security.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Texts;

/**
 * Where a page of a list ordered by a time and then by id ends: the access log and alarms (newest
 * first) and patrol rounds (earliest first). Unlike the id cursors of other lists this one carries
 * both keys, as billing's reminder cursor does, so the next page starts right after the last row
 * shown whatever was written since; it is just as opaque to clients. The time is kept in whole
 * microseconds, PostgreSQL's precision, so it compares exactly with the stored value. The cursor
 * names its list: one list's cursor is refused by another.
 */
record TimeCursor(Instant at, long id) {

  /** The lists that page by time. */
  enum Listing {
    ACCESS_EVENTS("ae"),
    ALARMS("al"),
    ROUNDS("pr");

    private final String prefix;

    Listing(String prefix) {
      this.prefix = prefix + ":";
    }
  }

  /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z, in microseconds since the epoch. */
  private static final long MIN_MICROS = -62_135_596_800_000_000L;

  private static final long MAX_MICROS = 253_402_300_799_999_999L;

  /** No cursor this API returns is longer. */
  private static final int MAX_LENGTH = 80;

  private static final Texts TEXTS = Texts.of(TimeCursor.class);

  String encode(Listing list) {
    // ChronoUnit.MICROS.between would count in nanoseconds first: that overflows past 2262
    long micros =
        Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
    String raw = list.prefix + micros + ":" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * @return null for a missing cursor
   * @throws ProblemException 400 {@code invalid-cursor} for anything this API did not return for
   *     {@code list}
   */
  static TimeCursor decode(Listing list, String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      if (cursor.length() <= MAX_LENGTH) {
        String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        if (raw.startsWith(list.prefix)) {
          String[] parts = raw.substring(list.prefix.length()).split(":", -1);
          if (parts.length == 2
              && parts[0].matches("-?\\d{1,18}")
              && parts[1].matches("\\d{1,19}")) {
            long micros = Long.parseLong(parts[0]);
            long id = Long.parseLong(parts[1]);
            if (micros >= MIN_MICROS && micros <= MAX_MICROS && id > 0) {
              Instant at =
                  Instant.ofEpochSecond(
                      Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
              return new TimeCursor(at, id);
            }
          }
        }
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw TEXTS.problem(400, "invalid-cursor", "cursor.invalid");
  }
}
