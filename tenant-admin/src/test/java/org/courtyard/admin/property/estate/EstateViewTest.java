package org.courtyard.admin.property.estate;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.courtyard.admin.contract.FakeEstateArea;
import org.courtyard.admin.property.NotAllowedView;
import org.courtyard.admin.property.PropertyTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EstateViewTest extends PropertyTestBase {

  private static FakeEstateArea area;
  private static long sunny;

  @BeforeAll
  static void seed() {
    area = fake.area(FakeEstateArea.class);
    sunny = area.estate("SUN", "Sunny Garden"); // 1: in the cashier's scope
    area.estate("MOON", "Moon Court"); // 2: in the cashier's scope
    area.estate("STAR", "Star Park"); // 3: not
    area.building(area.estate("LAKE", "Lake View"), "L1", "Lake 1");
    long b1 = area.building(sunny, "B1", "Building 1");
    area.building(sunny, "B2", "Building 2");
    long u1 = area.unit(b1, "U1");
    long u2 = area.unit(b1, "U2");
    area.room(u1, "101", 1, "89.5", "residential");
    area.room(u1, "102", 1, "75", "residential");
    area.room(u2, "201", 2, "120.25", "commercial");
  }

  @SuppressWarnings("unchecked")
  private static <T> Grid<T> grid(String id) {
    return _get(Grid.class, s -> s.withId(id));
  }

  private static EstateView open(String user) {
    signIn(user);
    UI.getCurrent().navigate(EstateView.class);
    return _get(EstateView.class);
  }

  private static List<Estate> listedEstates() {
    return GridKt._fetch(EstateViewTest.<Estate>grid("estates"), 0, 100);
  }

  private static Estate estate(String code) {
    return listedEstates().stream().filter(e -> e.code().equals(code)).findFirst().orElseThrow();
  }

  private static void choose(String code) {
    EstateViewTest.<Estate>grid("estates").select(estate(code));
  }

  private static List<String> roomNumbers() {
    return GridKt._fetch(EstateViewTest.<Room>grid("rooms"), 0, 100).stream()
        .map(Room::number)
        .toList();
  }

  private static TextField text(String id) {
    return _get(TextField.class, s -> s.withId(id));
  }

  private static void type(String id, String value) {
    HasValueUtilsKt._setValue(text(id), value);
  }

  private static void click(String id) {
    ButtonKt._click(_get(Button.class, s -> s.withId(id)));
  }

  private static boolean shown(String id) {
    return !_find(Button.class, s -> s.withId(id)).isEmpty()
        && _get(Button.class, s -> s.withId(id)).isVisible();
  }

  /** The texts of the open notifications (Errors.show puts its words in a Span). */
  private static List<String> notifications() {
    return NotificationsKt.getNotifications().stream().map(EstateViewTest::text).toList();
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

  // ------------------------------------------------------------------------------ tree

  @Test
  void theChosenEstatesTreeShowsBuildingsAndUnitsWithRoomCountsAndAUnitsRooms() {
    EstateView view = open("admin");
    assertThat(listedEstates()).extracting(Estate::code).contains("SUN", "MOON", "STAR");
    assertThat(
            _get(com.vaadin.flow.component.html.Paragraph.class, s -> s.withId("estate-hint"))
                .isVisible())
        .isTrue();

    choose("SUN");

    assertThat(view.treeLines())
        .startsWith(
            "Sunny Garden (SUN) 3",
            "  Building 1 (B1) 3",
            "    U1 2",
            "    U2 1",
            "  Building 2 (B2) 0");
    view.selectPlace("B1", "U1");
    assertThat(roomNumbers()).containsExactly("101", "102");
    assertThat(GridKt._getFormattedRow(EstateViewTest.<Room>grid("rooms"), 0))
        .containsExactly("101", "1", "89.50", "Residential", "Vacant");

    view.selectPlace("B1");
    assertThat(roomNumbers()).containsExactly("101", "102", "201");
    @SuppressWarnings("unchecked")
    Select<String> byType = _get(Select.class, s -> s.withId("rooms-type"));
    HasValueUtilsKt._setValue(byType, "commercial");
    assertThat(roomNumbers()).containsExactly("201");
  }

  @Test
  void aReadOnlyUserSeesOnlyTheEstatesInScopeAndNoWayToChangeThem() {
    open("cashier");

    assertThat(listedEstates()).extracting(Estate::code).containsExactly("SUN", "MOON");
    choose("SUN");
    for (String action :
        List.of(
            "estate-new",
            "estate-edit",
            "building-new",
            "building-edit",
            "unit-new",
            "unit-edit",
            "rooms-import",
            "room-new",
            "room-edit")) {
      assertThat(shown(action)).as(action).isFalse();
    }
  }

  @Test
  void withoutEstatePermissionsTheScreenIsNeitherOfferedNorOpened() {
    signIn("admin");
    assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getPath).contains("estate");
    click("property-sign-out");
    signIn("guard");
    assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getPath).doesNotContain("estate");
    UI.getCurrent().navigate("estate");
    assertThat(currentView()).isInstanceOf(NotAllowedView.class);
  }

  // ----------------------------------------------------------------------- create and edit

  @Test
  void anInvalidEstateShowsTheApisErrorsByTheirFieldsAndACorrectedOneIsChosen() {
    EstateView view = open("admin");

    click("estate-new");
    type("estate-code", "new estate!");
    type("estate-address", "x".repeat(201));
    click("estate-dialog-save");

    assertThat(text("estate-code").isInvalid()).isTrue();
    assertThat(text("estate-code").getErrorMessage()).startsWith("may only contain letters");
    assertThat(text("estate-name").isInvalid()).isTrue();
    assertThat(text("estate-name").getErrorMessage()).isEqualTo("is required");
    assertThat(text("estate-address").getErrorMessage()).startsWith("must be at most 200");

    type("estate-code", "SUN");
    type("estate-name", "Another Sunny");
    type("estate-address", "");
    click("estate-dialog-save");
    assertThat(text("estate-code").isInvalid()).isTrue();
    assertThat(text("estate-code").getErrorMessage()).contains("already exists");
    assertThat(text("estate-name").isInvalid()).isFalse();

    type("estate-code", "RIVER");
    click("estate-dialog-save");

    assertThat(_find(FormDialog.class)).noneMatch(FormDialog::isOpened);
    assertThat(listedEstates()).extracting(Estate::code).contains("RIVER");
    assertThat(view.chosenEstate().code()).isEqualTo("RIVER");
    assertThat(view.treeLines()).containsExactly("Another Sunny (RIVER) 0");
    assertThat(notifications()).contains("Estate Another Sunny saved.");
  }

  @Test
  void aChineseConsoleShowsTheApisOwnChineseWords() {
    open("admin");
    UI.getCurrent().getSession().setLocale(Locale.CHINESE);
    UI.getCurrent().setLocale(Locale.CHINESE);

    click("estate-new");
    type("estate-code", "SUN");
    type("estate-name", "");
    click("estate-dialog-save");

    assertThat(text("estate-name").getErrorMessage()).isEqualTo("必填");

    type("estate-name", "Another Sunny");
    click("estate-dialog-save");

    assertThat(text("estate-code").isInvalid()).isTrue();
    assertThat(text("estate-code").getErrorMessage()).isEqualTo("编码为“SUN”的小区已存在。");
  }

  @Test
  void anEstateChangedMeanwhileIsNotOverwrittenAndTheUserIsTold() {
    open("admin");
    choose("MOON");
    click("estate-edit");
    type("estate-name", "Moon Court West");
    area.touchEstate(estate("MOON").id());

    click("estate-dialog-save");

    assertThat(_get(FormDialog.class).isOpened()).isTrue();
    assertThat(notifications())
        .anyMatch(
            n -> n.startsWith("Changed by someone else meanwhile: Estate " + estate("MOON").id()));
  }

  @Test
  void buildingsUnitsAndRoomsAreCreatedAndEditedInTheTree() {
    EstateView view = open("admin");
    choose("STAR");

    click("building-new");
    type("building-code", "T1");
    type("building-name", "Tower 1");
    HasValueUtilsKt._setValue(_get(IntegerField.class, s -> s.withId("building-floors")), 300);
    click("building-dialog-save");
    assertThat(_get(IntegerField.class, s -> s.withId("building-floors")).getErrorMessage())
        .startsWith("must be between 1 and 200");
    HasValueUtilsKt._setValue(_get(IntegerField.class, s -> s.withId("building-floors")), 30);
    click("building-dialog-save");
    assertThat(view.treeLines()).containsExactly("Star Park (STAR) 0", "  Tower 1 (T1) 0");

    view.selectPlace("T1");
    click("unit-new");
    type("unit-code", "A");
    type("unit-name", "A");
    click("unit-dialog-save");
    view.selectPlace("T1", "A");
    click("room-new");
    type("room-number", "1801");
    HasValueUtilsKt._setValue(_get(IntegerField.class, s -> s.withId("room-floor")), 18);
    HasValueUtilsKt._setValue(
        _get(BigDecimalField.class, s -> s.withId("room-area")), new BigDecimal("85.555"));
    click("room-dialog-save");
    assertThat(_get(BigDecimalField.class, s -> s.withId("room-area")).getErrorMessage())
        .startsWith("must have at most 2 decimal places");
    HasValueUtilsKt._setValue(
        _get(BigDecimalField.class, s -> s.withId("room-area")), new BigDecimal("85.5"));
    click("room-dialog-save");

    assertThat(view.treeLines())
        .containsExactly("Star Park (STAR) 1", "  Tower 1 (T1) 1", "    A 1");
    assertThat(roomNumbers()).containsExactly("1801");

    Grid<Room> rooms = grid("rooms");
    rooms.select(GridKt._get(rooms, 0));
    click("room-edit");
    @SuppressWarnings("unchecked")
    Select<String> status = _get(Select.class, s -> s.withId("room-status"));
    HasValueUtilsKt._setValue(status, "rented");
    click("room-dialog-save");
    assertThat(area.roomNamed("1801").get("status")).isEqualTo("rented");
    assertThat(GridKt._getFormattedRow(rooms, 0)).contains("Rented");
  }

  // ------------------------------------------------------------------------------ import

  @Test
  void aRefusedFileIsShownAsATableByLineAndColumnAndNothingIsImported() {
    EstateView view = open("admin");
    choose("SUN");
    view.selectPlace("B2");
    int before = area.roomCount();

    click("rooms-import");
    String csv =
        "unit,number,floor,area,type\n"
            + "C1,301,3,abc,castle\n"
            + "C1,302,3,80,residential\n"
            + ",303,x,80,residential\n";
    UploadKt._upload(
        _get(Upload.class), "rooms.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

    RoomImportDialog dialog = _get(RoomImportDialog.class);
    assertThat(dialog.resultText())
        .isEqualTo(
            "Nothing was imported: the file has 4 problems. Correct them and drop the file"
                + " again.");
    assertThat(dialog.shownErrors())
        .extracting(e -> e.line() + ":" + e.column())
        .containsExactly("2:area", "2:type", "4:unit", "4:floor");
    assertThat(GridKt._getFormattedRow(grid("import-errors"), 0).get(2))
        .startsWith("must be a number such as 89.5");
    assertThat(area.roomCount()).isEqualTo(before);
  }

  @Test
  void aGoodFileImportsItsRoomsAndTheCountsFollow() {
    EstateView view = open("admin");
    choose("MOON");
    click("building-new");
    type("building-code", "M1");
    type("building-name", "M1");
    click("building-dialog-save");
    view.selectPlace("M1");

    click("rooms-import");
    String csv =
        "\uFEFFunit,number,floor,area,type,status\nA,101,1,70,residential,rented\n"
            + "A,102,1,70.5,residential,\nB,201,2,99,parking,\n";
    UploadKt._upload(
        _get(Upload.class), "rooms.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

    assertThat(_get(RoomImportDialog.class).resultText())
        .isEqualTo("3 rooms imported, 2 new units.");
    assertThat(_get(RoomImportDialog.class).shownErrors()).isEmpty();
    assertThat(view.treeLines())
        .containsExactly("Moon Court (MOON) 3", "  M1 3", "    A 2", "    B 1");
    click("import-close");
    assertThat(roomNumbers()).containsExactly("101", "102", "201");
  }

  @Test
  void theSampleFileOfferedInTheDialogImportsAsItIs() {
    EstateView view = open("admin");
    choose("LAKE");
    view.selectPlace("L1");
    click("rooms-import");
    assertThat(
            _get(com.vaadin.flow.component.html.Anchor.class, s -> s.withId("import-sample"))
                .getHref())
        .isNotBlank();

    UploadKt._upload(
        _get(Upload.class),
        "rooms.csv",
        "text/csv",
        RoomImportDialog.SAMPLE.getBytes(StandardCharsets.UTF_8));

    assertThat(_get(RoomImportDialog.class).resultText())
        .isEqualTo("2 rooms imported, 1 new units.");
    assertThat(view.treeLines())
        .containsExactly("Lake View (LAKE) 2", "  Lake 1 (L1) 2", "    1 2");
  }

  // ---------------------------------------------------------------------------- language

  @Test
  void inChineseTheScreenSpeaksChinese() {
    UI.getCurrent().getSession().setLocale(Locale.CHINESE);
    UI.getCurrent().setLocale(Locale.CHINESE);
    EstateView view = open("admin");
    assertThat(_get(H2.class, s -> s.withText("小区与房屋"))).isNotNull();
    choose("SUN");
    view.selectPlace("B1", "U1");
    assertThat(GridKt._getFormattedRow(EstateViewTest.<Room>grid("rooms"), 0))
        .containsExactly("101", "1", "89.50", "住宅", "空置");
    assertThat(_get(Button.class, s -> s.withId("rooms-import")).getText()).isEqualTo("导入房间（CSV）");
  }
}
