package org.courtyard.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.courtyard.api.ProblemException;
import org.courtyard.api.rest.Cursor;
import org.junit.jupiter.api.Test;

class ReminderCursorTest {

  @Test
  void anEncodedCursorReadsBackTheSame() {
    ReminderCursor c = new ReminderCursor(new BigDecimal("1234.50"), 42);
    assertThat(ReminderCursor.decode(c.encode())).isEqualTo(c);
    assertThat(ReminderCursor.decode(null)).isNull();
    assertThat(ReminderCursor.decode("")).isNull();
  }

  @Test
  void anythingElseIsAnInvalidCursor() {
    for (String bad :
        new String[] {
          "nonsense",
          Cursor.encode(42),
          raw("rm:1.5"),
          raw("rm:abc:42"),
          raw("rm:1.555:42"),
          raw("rm:1.50:-1"),
          raw("rm:1.50:99999999999999999999")
        }) {
      assertThatThrownBy(() -> ReminderCursor.decode(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              ProblemException.class, p -> assertThat(p.type()).isEqualTo("invalid-cursor"));
    }
  }

  private static String raw(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.US_ASCII));
  }
}
