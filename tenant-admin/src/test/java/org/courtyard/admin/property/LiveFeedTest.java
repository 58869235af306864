package org.courtyard.admin.property;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LiveFeedTest {

  @BeforeEach
  void setUp() {
    MockVaadin.setup();
  }

  @AfterEach
  void tearDown() {
    MockVaadin.tearDown();
  }

  private static void roundtripsFor(Duration d) throws InterruptedException {
    long end = System.nanoTime() + d.toNanos();
    while (System.nanoTime() < end) {
      MockVaadin.clientRoundtrip();
      Thread.sleep(20);
    }
  }

  @Test
  void aChangedAnswerReachesTheScreenAndAnUnchangedOneDoesNot() throws Exception {
    Span screen = new Span("0");
    UI.getCurrent().add(screen);
    AtomicInteger source = new AtomicInteger();
    AtomicInteger shown = new AtomicInteger();
    Registration feed =
        LiveFeed.follow(
            screen,
            Duration.ofMillis(200),
            0,
            source::get,
            v -> {
              shown.incrementAndGet();
              screen.setText(String.valueOf(v));
            });

    roundtripsFor(Duration.ofMillis(700));
    assertThat(shown.get()).isZero();

    source.set(3);
    roundtripsFor(Duration.ofMillis(700));
    assertThat(screen.getText()).isEqualTo("3");
    assertThat(shown.get()).isEqualTo(1);

    feed.remove();
    source.set(4);
    roundtripsFor(Duration.ofMillis(600));
    assertThat(screen.getText()).isEqualTo("3");
  }

  @Test
  void aDetachedScreenIsNoLongerFed() throws Exception {
    Span screen = new Span("0");
    UI.getCurrent().add(screen);
    AtomicInteger source = new AtomicInteger();
    LiveFeed.follow(screen, Duration.ofMillis(200), 0, source::get, v -> screen.setText("" + v));
    UI.getCurrent().remove(screen);

    source.set(7);
    roundtripsFor(Duration.ofMillis(600));
    assertThat(screen.getText()).isEqualTo("0");

    UI.getCurrent().add(screen);
    roundtripsFor(Duration.ofMillis(700));
    assertThat(screen.getText()).isEqualTo("7");
  }
}
