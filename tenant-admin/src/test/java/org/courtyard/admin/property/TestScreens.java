package org.courtyard.admin.property;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;

/** Screens that exist only in the tests, to see the layout discover and guard annotated routes. */
final class TestScreens {

  private TestScreens() {}

  @Route(value = "test-bills", layout = PropertyLayout.class)
  @PropertyScreen(
      order = 300,
      titleKey = "today.module.billing",
      icon = "MONEY",
      permission = "billing.bill.read")
  public static final class Bills extends VerticalLayout {
    public Bills() {
      add(new H2("bills"));
    }
  }

  @Route(value = "test-alarms", layout = PropertyLayout.class)
  @PropertyScreen(
      order = 500,
      titleKey = "today.module.security",
      icon = "ALARM",
      permission = "security.alarm.read")
  public static final class Alarms extends VerticalLayout {
    public Alarms() {
      add(new H2("alarms"));
    }
  }

  @Route(value = "test-estates", layout = PropertyLayout.class)
  @PropertyScreen(order = 100, titleKey = "today.module.estate", permission = "estate.estate.read")
  public static final class Estates extends VerticalLayout {
    public Estates() {
      add(new H2("estates"));
    }
  }

  /** A page reached from another screen: guarded, not in the menu. */
  @Route(value = "test-alarm", layout = PropertyLayout.class)
  @PropertyScreen(
      order = 501,
      titleKey = "today.module.security",
      permission = "security.alarm.read",
      menu = false)
  public static final class Alarm extends VerticalLayout {}
}
