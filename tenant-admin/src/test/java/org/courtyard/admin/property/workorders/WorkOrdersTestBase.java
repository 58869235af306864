package org.courtyard.admin.property.workorders;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.courtyard.admin.contract.FakeEstateArea;
import org.courtyard.admin.contract.FakeWorkOrdersArea;
import org.courtyard.admin.property.PropertyTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The work-order screens' tests: the seeded staff of {@link PropertyTestBase} (an administrator
 * holds every work-order permission, a guard none), a dispatcher over the whole company, a
 * dispatcher for estate 1 only, a technician, and a fresh {@link FakeWorkOrdersArea} (its default
 * categories, no orders) for each test.
 */
abstract class WorkOrdersTestBase extends PropertyTestBase {

  protected FakeWorkOrdersArea wo;
  protected static long technicianId;
  protected static long sunny;
  protected static long moon;
  protected static long building1;
  protected static long room101;

  @BeforeAll
  static void workOrderStaff() {
    fake.staff(COMPANY, "dispatcher", PASSWORD).grant("dispatcher");
    fake.staff(COMPANY, "dispatcher.east", PASSWORD).grantInEstates("dispatcher", 1L);
    technicianId = fake.staff(COMPANY, "tech", PASSWORD).grant("technician").id();
    FakeEstateArea estates = fake.area(FakeEstateArea.class);
    sunny = estates.estate("SUN", "Sunny Garden");
    moon = estates.estate("MOON", "Moon Court");
    building1 = estates.building(sunny, "B1", "Building 1");
    room101 = estates.room(estates.unit(building1, "U1"), "101", 1, "89.5", "residential");
  }

  @BeforeEach
  void freshWorkOrders() {
    wo = fake.area(FakeWorkOrdersArea.class);
    wo.clear();
    wo.room(room101, sunny, building1);
  }

  /** Chooses the item of a Select or ComboBox whose label is {@code label}. */
  @SuppressWarnings("unchecked")
  protected static void choose(String id, String label) {
    Component c = _get(Component.class, s -> s.withId(id));
    if (c instanceof com.vaadin.flow.component.select.Select<?> select) {
      ComboBoxKt.selectByLabel(select, label);
    } else {
      ComboBoxKt.selectByLabel((com.vaadin.flow.component.combobox.ComboBox<Object>) c, label);
    }
  }

  protected static void chinese() {
    UI.getCurrent().setLocale(Locale.CHINESE);
  }

  protected static void click(String id) {
    ButtonKt._click(_get(Button.class, s -> s.withId(id)));
  }

  /** The texts of the notifications open now (errors, successes). */
  protected static List<String> notificationTexts() {
    return NotificationsKt.getNotifications().stream().map(WorkOrdersTestBase::text).toList();
  }

  private static String text(Notification n) {
    String own = n.getElement().getProperty("text");
    if (own != null && !own.isEmpty()) {
      return own;
    }
    return n.getChildren()
        .flatMap(WorkOrdersTestBase::spans)
        .map(Span::getText)
        .reduce("", String::concat);
  }

  private static Stream<Span> spans(Component c) {
    if (c instanceof Span s) {
      return Stream.of(s);
    }
    return c.getChildren().flatMap(WorkOrdersTestBase::spans);
  }
}
