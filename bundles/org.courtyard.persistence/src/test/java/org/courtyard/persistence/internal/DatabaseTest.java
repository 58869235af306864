package org.courtyard.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseTest {

  @Test
  void describedUrlsNeverShowCredentials() {
    assertThat(Database.redact("jdbc:postgresql://127.0.0.1:5432/courtyard?user=a&password=secret"))
        .isEqualTo("jdbc:postgresql://127.0.0.1:5432/courtyard");
    assertThat(Database.redact("jdbc:postgresql://bob:pw@db.example:5432/x"))
        .isEqualTo("jdbc:postgresql://db.example:5432/x");
  }
}
