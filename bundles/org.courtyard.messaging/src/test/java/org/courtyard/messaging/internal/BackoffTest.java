package org.courtyard.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void pausesTripleUpToTheLongest() {
    Backoff middle = new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(300), () -> 0.5);

    assertThat(middle.after(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(middle.after(2)).isEqualTo(Duration.ofSeconds(15));
    assertThat(middle.after(3)).isEqualTo(Duration.ofSeconds(45));
    assertThat(middle.after(5)).isEqualTo(Duration.ofSeconds(300));
    assertThat(middle.after(40)).isEqualTo(Duration.ofSeconds(300));
  }

  @Test
  void eachPauseIsSpreadByAFifth() {
    assertThat(new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(10), () -> 0).after(1))
        .isEqualTo(Duration.ofSeconds(8));
    assertThat(new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(10), () -> 0.999).after(1))
        .isBetween(Duration.ofMillis(11_980), Duration.ofSeconds(12));
  }
}
