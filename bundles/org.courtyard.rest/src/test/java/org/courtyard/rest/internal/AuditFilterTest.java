package org.courtyard.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditFilterTest {

  @Test
  void secretsAreMaskedAndTheRestKept() {
    String body =
        "{\"username\":\"li.lei\",\"password\":\"Courtyard-test-9417\",\n"
            + " \"refreshToken\":\"cyr_a.b.c\", \"pin\":\"1234\", \"code\":\"B-01\","
            + " \"newPassword\":\"with \\\"quote\\\" inside\"}";
    String m = AuditFilter.masked(body);
    assertThat(m)
        .contains("\"username\":\"li.lei\"", "\"code\":\"B-01\"")
        .contains("\"password\":\"***\"", "\"refreshToken\":\"***\"", "\"pin\":\"***\"")
        .contains("\"newPassword\":\"***\"")
        .doesNotContain("Courtyard-test", "cyr_", "1234", "quote", "\n");
  }

  @Test
  void aHugeSecretNeitherOverflowsNorSurvives() {
    String huge = "x".repeat(1_000_000);
    String m = AuditFilter.masked("{\"password\":\"" + huge + "\",\"name\":\"" + huge + "\"}");
    assertThat(m).startsWith("{\"password\":\"***\",\"name\":\"xxx").hasSize(501);
  }
}
