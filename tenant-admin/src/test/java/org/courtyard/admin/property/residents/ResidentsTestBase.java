package org.courtyard.admin.property.residents;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.stream.Stream;
import org.courtyard.admin.contract.FakeEstateArea;
import org.courtyard.admin.contract.FakeResidentsArea;
import org.courtyard.admin.property.PropertyTestBase;
import org.junit.jupiter.api.BeforeAll;

/**
 * The residents screens' tests: one company with estates 1 and 2 in the cashier's scope and 3 not,
 * and people placed in them.
 */
abstract class ResidentsTestBase extends PropertyTestBase {

  static FakeEstateArea estate;
  static FakeResidentsArea residents;
  static long sunny;
  static long room101;
  static long room102;
  static long room103;
  static long starRoom;
  static long chen;
  static long wang;
  static long li;
  static long zhao;
  static long chenOwns101;

  @BeforeAll
  static void seed() {
    estate = fake.area(FakeEstateArea.class);
    residents = fake.area(FakeResidentsArea.class);
    sunny = estate.estate("SUN", "Sunny Garden");
    estate.estate("MOON", "Moon Court");
    long star = estate.estate("STAR", "Star Park");
    long b1 = estate.building(sunny, "B1", "Building 1");
    long u1 = estate.unit(b1, "U1");
    room101 = estate.room(u1, "101", 1, "89.5", "residential");
    room102 = estate.room(u1, "102", 1, "75", "residential");
    room103 = estate.room(u1, "103", 1, "75", "residential");
    long starUnit = estate.unit(estate.building(star, "S1", "Star 1"), "A");
    starRoom = estate.room(starUnit, "901", 9, "120", "residential");

    chen = residents.person("陈静", "13812345678");
    chenOwns101 = residents.occupancy(chen, room101, "owner", "50", "2023-01-01", null);
    residents.occupancy(chen, room102, "tenant", null, "2020-01-01", "2022-12-31");
    residents.vehicle(chen, "粤B12345", "white", false);
    residents.vehicle(chen, "粤A00001", "black", true);
    wang = residents.person("王伟", "13900001111");
    residents.occupancy(wang, starRoom, "tenant", null, "2024-05-01", null);
    li = residents.person("李娜", "13700002222");
    zhao = residents.person("赵强", "13600003333");
    residents.occupancy(zhao, room103, "owner", "80", "2022-01-01", null);
  }

  static TextField text(String id) {
    return _get(TextField.class, s -> s.withId(id));
  }

  static void type(String id, String value) {
    HasValueUtilsKt._setValue(text(id), value);
  }

  static void click(String id) {
    ButtonKt._click(_get(Button.class, s -> s.withId(id)));
  }

  /** Chooses the item of a Select whose label is {@code label}. */
  @SuppressWarnings("unchecked")
  static <T> void choose(String selectId, String label) {
    Select<T> select = _get(Select.class, s -> s.withId(selectId));
    T item =
        select
            .getListDataView()
            .getItems()
            .filter(i -> select.getItemLabelGenerator().apply(i).equals(label))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + label + " in " + selectId));
    HasValueUtilsKt._setValue(select, item);
  }

  /** Chooses estate, building, unit and room in the room picker {@code id}. */
  static void chooseRoom(String id, String estateLabel, String building, String unit, String room) {
    choose(id + "-estate", estateLabel);
    choose(id + "-building", building);
    choose(id + "-unit", unit);
    choose(id + "-room", room);
  }

  /** The texts of the open notifications (Errors.show puts its words in a Span). */
  static List<String> notifications() {
    return NotificationsKt.getNotifications().stream().map(ResidentsTestBase::text).toList();
  }

  private static String text(Notification n) {
    String own = n.getElement().getProperty("text");
    if (own != null && !own.isEmpty()) {
      return own;
    }
    return n.getChildren()
        .flatMap(c -> c.getChildren().count() > 0 ? c.getChildren() : Stream.of(c))
        .filter(c -> c instanceof Span)
        .map(c -> ((Span) c).getText())
        .reduce("", (a, b) -> a.isEmpty() ? b : a + " " + b);
  }
}
