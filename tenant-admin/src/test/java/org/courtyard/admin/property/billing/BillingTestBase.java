package org.courtyard.admin.property.billing;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.courtyard.admin.contract.FakeBillingArea;
import org.courtyard.admin.contract.FakeEstateArea;
import org.courtyard.admin.property.PropertyTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The billing screens' tests: the seeded staff of {@link PropertyTestBase}, a billing officer who
 * may do everything in billing in estates 1 and 2 (room 301 lies in estate 3), a counter clerk who
 * may take payments only, a project manager who reads, and a fresh {@link FakeBillingArea} state
 * for each test. Estate has billing's rooms under the same ids (101 and 102 in Sunny Garden, 201 in
 * Lake View, 301 in Hill Court, each in unit U1), and a room 1801 billing knows nothing of, so the
 * counter's room picker finds them by number.
 */
abstract class BillingTestBase extends PropertyTestBase {

  protected FakeBillingArea billing;

  @BeforeAll
  static void clerk() {
    fake.staff(COMPANY, "clerk", PASSWORD).grant("counter_clerk");
    fake.staff(COMPANY, "manager", PASSWORD).grant("project_manager");
    fake.staff(COMPANY, "officer", PASSWORD).grantInEstates("billing_officer", 1L, 2L);
    FakeEstateArea estate = fake.area(FakeEstateArea.class);
    estate.placedRoom(1, "SG", 11, "B1", 111, "U1", 101, "101");
    estate.placedRoom(1, "SG", 11, "B1", 111, "U1", 102, "102");
    estate.placedRoom(1, "SG", 11, "B1", 111, "U1", 1801, "1801");
    estate.placedRoom(2, "LV", 21, "B2", 211, "U1", 201, "201");
    estate.placedRoom(3, "HC", 31, "B3", 311, "U1", 301, "301");
  }

  @BeforeEach
  void freshBilling() {
    billing = fake.area(FakeBillingArea.class);
    billing.clear();
  }

  protected static void chinese() {
    UI.getCurrent().setLocale(Locale.CHINESE);
  }

  /** The texts of the notifications open now (errors, successes). */
  protected static List<String> notificationTexts() {
    return NotificationsKt.getNotifications().stream().map(BillingTestBase::text).toList();
  }

  private static String text(Notification n) {
    String own = n.getElement().getProperty("text");
    if (own != null && !own.isEmpty()) {
      return own;
    }
    return n.getChildren()
        .flatMap(BillingTestBase::spans)
        .map(Span::getText)
        .reduce("", String::concat);
  }

  private static Stream<Span> spans(Component c) {
    if (c instanceof Span s) {
      return Stream.of(s);
    }
    return c.getChildren().flatMap(BillingTestBase::spans);
  }
}
