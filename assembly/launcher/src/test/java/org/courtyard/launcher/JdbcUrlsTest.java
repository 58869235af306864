package org.courtyard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

  @Test
  void masksPasswordQueryParameters() {
    assertThat(JdbcUrls.redact("jdbc:postgresql://db:5432/cy?user=cy&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://db:5432/cy?user=cy&password=***&ssl=true");
    assertThat(JdbcUrls.redact("jdbc:postgresql://db/cy?PASSWORD=s3cret&sslpassword=k3y"))
        .isEqualTo("jdbc:postgresql://db/cy?PASSWORD=***&sslpassword=***");
  }

  @Test
  void masksAPasswordInTheUserInfo() {
    assertThat(JdbcUrls.redact("jdbc:postgresql://cy:s3cret@db:5432/cy"))
        .isEqualTo("jdbc:postgresql://cy:***@db:5432/cy");
  }

  @Test
  void leavesUrlsWithoutSecretsUnchanged() {
    assertThat(JdbcUrls.redact("jdbc:postgresql://127.0.0.1:5432/test"))
        .isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
    assertThat(JdbcUrls.redact("jdbc:postgresql://cy@db/cy?currentSchema=x&passwordless"))
        .isEqualTo("jdbc:postgresql://cy@db/cy?currentSchema=x&passwordless");
    assertThat(JdbcUrls.redact("jdbc:postgresql://[::1]:5432/cy"))
        .isEqualTo("jdbc:postgresql://[::1]:5432/cy");
  }
}
