package org.courtyard.api.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.courtyard.api.Texts;

/**
 * Keyset pagination: a cursor is the opaque form of the last id a page returned; the next page
 * starts after it. Stable under concurrent inserts, unlike offsets.
 */
public final class Cursor {

  private static final Texts TEXTS = Texts.of(Cursor.class);

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  private Cursor() {}

  public static String encode(long lastId) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("id:" + lastId).getBytes(StandardCharsets.US_ASCII));
  }

  /** The id after which the page starts; 0 for a missing cursor. */
  public static long decode(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return 0;
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      if (raw.startsWith("id:")) {
        long id = Long.parseLong(raw.substring(3));
        if (id >= 0) {
          return id;
        }
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw TEXTS.problem(400, "invalid-cursor", "cursor.invalid");
  }

  /** {@code limit} checked against 1..{@value #MAX_LIMIT}; null means {@value #DEFAULT_LIMIT}. */
  public static int limit(Integer limit) {
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw TEXTS.problem(400, "invalid-limit", "cursor.limit", MAX_LIMIT);
    }
    return limit;
  }
}
