package org.courtyard.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import com.github.mvysny.kaributesting.v10.LoginFormKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.notification.Notification;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.courtyard.admin.contract.FakeOperatorApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Browserless UI tests (Karibu-Testing): the real views in a mocked Vaadin session, talking HTTP to
 * a {@link FakeOperatorApi} that keeps the platform's contract.
 */
abstract class ConsoleTestBase {

  static final String PASSWORD = "s3cret-operator";
  private static final Routes ROUTES = new Routes().autoDiscoverViews("org.courtyard.admin.ui");

  static FakeOperatorApi fake;

  @BeforeAll
  static void startFake() {
    fake = FakeOperatorApi.start(PASSWORD);
    System.setProperty("COURTYARD_API_URL", fake.baseUrl());
  }

  @AfterAll
  static void stopFake() {
    fake.close();
    System.clearProperty("COURTYARD_API_URL");
  }

  @BeforeEach
  void setUpVaadin() {
    MockVaadin.setup(ROUTES);
  }

  @AfterEach
  void tearDownVaadin() {
    MockVaadin.tearDown();
  }

  /** Logs in through the login form, as the operator would. */
  static void login() {
    UI.getCurrent().navigate(LoginView.class);
    LoginFormKt._login(_get(LoginForm.class), "operator", PASSWORD);
  }

  /** Runs the UI's pending tasks until {@code condition} holds (background API calls). */
  static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      MockVaadin.clientRoundtrip();
      if (condition.getAsBoolean()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the UI did not reach the expected state in 10 s");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** The texts of the open notifications. */
  static List<String> notificationTexts() {
    return NotificationsKt.getNotifications().stream().map(ConsoleTestBase::text).toList();
  }

  private static String text(Notification n) {
    String own = n.getElement().getProperty("text");
    if (own != null && !own.isEmpty()) {
      return own;
    }
    return n.getChildren()
        .flatMap(c -> c.getChildren().count() > 0 ? c.getChildren() : java.util.stream.Stream.of(c))
        .filter(c -> c instanceof Span)
        .map(c -> ((Span) c).getText())
        .reduce("", (a, b) -> a.isEmpty() ? b : a + " " + b);
  }
}
