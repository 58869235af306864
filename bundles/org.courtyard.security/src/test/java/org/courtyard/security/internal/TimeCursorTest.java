package org.courtyard.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.courtyard.api.ProblemException;
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.Page;
import org.courtyard.security.internal.TimeCursor.Listing;
import org.junit.jupiter.api.Test;

class TimeCursorTest {

  @Test
  void anEncodedCursorReadsBackTheSameToTheMicrosecond() {
    for (TimeCursor c :
        List.of(
            new TimeCursor(Instant.parse("2026-12-05T08:15:30.123456Z"), 42),
            new TimeCursor(Instant.parse("1969-07-20T20:17:40.000001Z"), 1),
            new TimeCursor(Instant.parse("9999-12-31T23:59:59.999999Z"), Long.MAX_VALUE),
            new TimeCursor(Instant.parse("0001-01-01T00:00:00Z"), 7))) {
      for (Listing list : Listing.values()) {
        assertThat(TimeCursor.decode(list, c.encode(list))).as(c + " " + list).isEqualTo(c);
      }
    }
    assertThat(TimeCursor.decode(Listing.ALARMS, null)).isNull();
    assertThat(TimeCursor.decode(Listing.ALARMS, "")).isNull();
  }

  @Test
  void oneListsCursorIsRefusedByAnother() {
    String alarms =
        new TimeCursor(Instant.parse("2026-12-05T08:15:30Z"), 42).encode(Listing.ALARMS);
    assertInvalid(Listing.ACCESS_EVENTS, alarms);
    assertInvalid(Listing.ROUNDS, alarms);
    // nor does an id cursor of another list pass
    assertInvalid(Listing.ALARMS, Cursor.encode(42));
  }

  @Test
  void anythingElseIsAnInvalidCursor() {
    String good = new TimeCursor(Instant.parse("2026-12-05T08:15:30Z"), 42).encode(Listing.ALARMS);
    for (String bad :
        List.of(
            "nonsense!",
            "abc",
            good.substring(0, good.length() - 3),
            good + "AAAA",
            good.replace(good.charAt(0), good.charAt(0) == 'Y' ? 'Z' : 'Y'),
            "x".repeat(2000),
            raw("al:"),
            raw("al:1764922530000000"),
            raw("al:1764922530000000:"),
            raw("al::42"),
            raw("al:1764922530000000:0"),
            raw("al:1764922530000000:-1"),
            raw("al:1764922530000000:42:1"),
            raw("al:1.5:42"),
            raw("al:abc:42"),
            raw("al:1764922530000000:99999999999999999999"),
            raw("al:999999999999999999:42"),
            raw("al:-999999999999999999:42"),
            raw("al:+1764922530000000:42"),
            raw("al:1764922530000000: 42"),
            raw("AL:1764922530000000:42"))) {
      assertInvalid(Listing.ALARMS, bad);
    }
  }

  @Test
  void aPageSaysWhereTheNextStartsOnlyWhenOneFollows() {
    Page<Integer> last = Page.of(List.of(1, 2, 3), 3, i -> "after-" + i);
    assertThat(last.items).containsExactly(1, 2, 3);
    assertThat(last.nextCursor).isNull();
    Page<Integer> more = Page.of(List.of(1, 2, 3, 4), 3, i -> "after-" + i);
    assertThat(more.items).containsExactly(1, 2, 3);
    assertThat(more.nextCursor).isEqualTo("after-3");
  }

  @Test
  void aHolderFilterMatchesItsCharactersLiterally() {
    assertThat(Credentials.likeLiteral("li na")).isEqualTo("li na");
    assertThat(Credentials.likeLiteral("50%_a\\b")).isEqualTo("50\\%\\_a\\\\b");
  }

  private static void assertInvalid(Listing list, String cursor) {
    assertThatThrownBy(() -> TimeCursor.decode(list, cursor))
        .as(cursor)
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> {
              assertThat(p.type()).isEqualTo("invalid-cursor");
              assertThat(p.status()).isEqualTo(400);
            });
  }

  private static String raw(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.US_ASCII));
  }
}
