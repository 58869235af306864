package org.courtyard.admin.property.parking;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.courtyard.admin.contract.FakeEstateArea;
import org.courtyard.admin.contract.FakeParkingArea;
import org.courtyard.admin.property.NotAllowedView;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.property.PropertyTestBase;
import org.courtyard.admin.property.estate.FormDialog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ParkingViewsTest extends PropertyTestBase {

  private static long east;
  private static long garage;
  private static long flat;

  @BeforeAll
  static void seed() {
    FakeEstateArea estate = fake.area(FakeEstateArea.class);
    east = estate.estate("E1", "东园");
    long unit = estate.unit(estate.building(east, "B1", "一号楼"), "U1");
    flat = estate.room(unit, "1801", 18, "89.50", "residential");
    FakeParkingArea parking = fake.area(FakeParkingArea.class);
    garage = parking.lot(east, "P1", "North garage");
    parking.spaces(garage, "B1-", 1, 8, "rented");
    parking.spaces(garage, "V-", 1, 2, "visitor");
  }

  @SuppressWarnings("unchecked")
  private static Grid<Space> spacesGrid() {
    return _get(Grid.class, s -> s.withId("parking-spaces"));
  }

  private static List<Space> spaces() {
    return GridKt._fetch(spacesGrid(), 0, 100);
  }

  private static void click(String id) {
    ButtonKt._click(_get(Button.class, s -> s.withId(id)));
  }

  /**
   * A button in a space's row ({@code parking-lease-…}, {@code parking-owner-…}), if it has one.
   */
  private static java.util.Optional<Button> rowButton(String idPrefix, String number) {
    int row = spaces().stream().map(Space::number).toList().indexOf(number);
    return _find(
            GridKt._getCellComponent(spacesGrid(), row, "actions"),
            Button.class,
            s -> s.withId(idPrefix + number))
        .stream()
        .findFirst();
  }

  private static Button cellButton(Grid<?> grid, int row, String id) {
    return _get(GridKt._getCellComponent(grid, row, "actions"), Button.class, s -> s.withId(id));
  }

  private static java.util.Optional<Button> leaseButton(String number) {
    return rowButton("parking-lease-", number);
  }

  private static void lease(String number) {
    ButtonKt._click(leaseButton(number).orElseThrow());
  }

  private static TextField text(String id) {
    return _get(TextField.class, s -> s.withId(id));
  }

  private static IntegerField number(String id) {
    return _get(IntegerField.class, s -> s.withId(id));
  }

  @Test
  void theFirstLotShowsItsSpacesAndOnlyLeasableOnesOfferALease() {
    signIn("admin");
    UI.getCurrent().navigate(ParkingView.class);
    assertThat(spaces()).extracting(Space::number).startsWith("B1-001").contains("V-001");
    int visitor = spaces().stream().map(Space::number).toList().indexOf("V-001");
    assertThat(GridKt._getFormatted(spacesGrid(), visitor, "kind")).isEqualTo("Visitor");
    assertThat(GridKt._getFormatted(spacesGrid(), 0, "level")).isEqualTo("B1");
    assertThat(leaseButton("B1-001")).isPresent();
    assertThat(leaseButton("V-001")).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aManagerAddsACamerasLaneAsAGateAndAnUnknownCameraOrATakenLaneIsShownAtItsField() {
    fake.area(org.courtyard.admin.contract.FakeDevicesArea.class)
        .device("cam-north", "plate-camera", "North camera", east, "online", null);
    signIn("admin");
    UI.getCurrent().navigate(ParkingView.class);
    click("parking-gates");
    Grid<Gate> gates = _get(Grid.class, s -> s.withId("gates-grid"));
    int before = GridKt._size(gates);

    click("gates-add");
    HasValueUtilsKt._setValue(text("gate-name"), "北门入口");
    HasValueUtilsKt._setValue(text("gate-device"), "cam-nowhere");
    click("gate-dialog-save");
    assertThat(text("gate-device").isInvalid()).isTrue();
    HasValueUtilsKt._setValue(text("gate-device"), "cam-north");
    click("gate-dialog-save");
    assertThat(_find(FormDialog.class)).noneMatch(FormDialog::isOpened);
    assertThat(GridKt._size(gates)).isEqualTo(before + 1);
    int row = GridKt._size(gates) - 1;
    assertThat(GridKt._getFormatted(gates, row, "name")).isEqualTo("北门入口");
    assertThat(GridKt._getFormatted(gates, row, "direction")).isEqualTo("Entrance");

    click("gates-add");
    HasValueUtilsKt._setValue(text("gate-name"), "again");
    HasValueUtilsKt._setValue(text("gate-device"), "cam-north");
    click("gate-dialog-save");
    assertThat(text("gate-lane").isInvalid()).as("lane 1 is a gate already").isTrue();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aCashierRecordsAMerchantsCouponAndACodeGivenToAnotherPlateIsShownAtTheCode() {
    fake.area(FakeParkingArea.class).visitorGrant(garage, "粤B-V0001", 120, 7);
    signIn("admin");
    UI.getCurrent().navigate(DiscountsView.class);
    Grid<Discount> grid = _get(Grid.class, s -> s.withId("discounts-grid"));
    List<Discount> shown = GridKt._fetch(grid, 0, 100);
    int visitor = shown.stream().map(Discount::plate).toList().indexOf("粤BV0001");
    assertThat(visitor).isNotNegative();
    assertThat(GridKt._getFormatted(grid, visitor, "kind")).isEqualTo("Visitor grant");
    assertThat(GridKt._getFormatted(grid, visitor, "used")).isEqualTo("Not used yet");

    click("discounts-coupon");
    HasValueUtilsKt._setValue(text("coupon-plate"), "粤B 88888");
    HasValueUtilsKt._setValue(number("coupon-minutes"), 90);
    HasValueUtilsKt._setValue(text("coupon-merchant"), "一楼咖啡");
    HasValueUtilsKt._setValue(text("coupon-code"), "CAFE-001");
    click("coupon-dialog-save");
    assertThat(_find(FormDialog.class)).noneMatch(FormDialog::isOpened);
    assertThat(GridKt._getFormatted(grid, 0, "plate")).isEqualTo("粤B88888");
    assertThat(GridKt._getFormatted(grid, 0, "source")).isEqualTo("一楼咖啡 (code CAFE-001)");
    assertThat(GridKt._getFormatted(grid, 0, "minutes")).isEqualTo("90 min");

    click("discounts-coupon");
    HasValueUtilsKt._setValue(text("coupon-plate"), "粤B 99999");
    HasValueUtilsKt._setValue(text("coupon-merchant"), "一楼咖啡");
    HasValueUtilsKt._setValue(text("coupon-code"), "CAFE-001");
    click("coupon-dialog-save");
    assertThat(text("coupon-code").isInvalid()).as("the code served another plate").isTrue();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aManagerImportsSpacesFromACsvFileAndABadFileListsItsProblemsByLine() {
    long yard = fake.area(FakeParkingArea.class).lot(east, "P9", "Import yard");
    signIn("admin");
    UI.getCurrent().navigate(ParkingView.class);
    Select<Lot> lots = _get(Select.class, s -> s.withId("parking-lot"));
    HasValueUtilsKt._setValue(
        lots,
        lots.getListDataView().getItems().filter(l -> l.id() == yard).findFirst().orElseThrow());
    click("parking-import");
    com.vaadin.flow.component.upload.Upload upload =
        _get(com.vaadin.flow.component.upload.Upload.class);
    com.github.mvysny.kaributesting.v10.UploadKt._upload(
        upload,
        "spaces.csv",
        "text/csv",
        "number,kind,level\nY-1,rented,0\nX-1,garage,-1\n"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    SpaceImportDialog dialog = _get(SpaceImportDialog.class);
    assertThat(dialog.shownErrors())
        .extracting(e -> e.line() + ":" + e.column())
        .containsExactly("2:level", "3:kind");
    assertThat(dialog.resultText()).startsWith("Nothing was imported: the file has 2 problems.");

    com.github.mvysny.kaributesting.v10.UploadKt._upload(
        upload,
        "spaces.csv",
        "text/csv",
        SpaceImportDialog.SAMPLE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(dialog.resultText()).isEqualTo("3 spaces imported.");
    assertThat(dialog.shownErrors()).isEmpty();
    click("import-close");
    assertThat(spaces()).extracting(Space::number).containsExactly("B1-001", "B1-002", "V-01");
  }

  @Test
  void theMapTabDrawsEverySpaceOfTheLotWithALegendThatCountsThem() {
    signIn("admin");
    UI.getCurrent().navigate(ParkingView.class);
    com.vaadin.flow.component.tabs.Tabs tabs =
        _get(com.vaadin.flow.component.tabs.Tabs.class, s -> s.withId("parking-view"));
    tabs.setSelectedTab(
        _get(com.vaadin.flow.component.tabs.Tab.class, s -> s.withId("parking-view-map")));

    assertThat(_find(Grid.class, s -> s.withId("parking-spaces")))
        .as("the list is hidden")
        .isEmpty();
    String svg =
        _get(com.vaadin.flow.component.html.Div.class, s -> s.withId("parking-map-picture"))
            .getElement()
            .getProperty("innerHTML");
    assertThat(svg).startsWith("<svg").contains("data-number=\"B1-001\"");
    // the seeded ten, and whatever other tests of this class added to the lot
    int tiles = svg.split("<g class=\"space ", -1).length - 1;
    assertThat(tiles).isGreaterThanOrEqualTo(10);
    assertThat(svg).contains("aria-label=\"Map of lot P1, " + tiles + " spaces\"");
    // the visitor spaces are drawn dashed; each tile says what it is
    assertThat(svg).contains("<title>V-001 · Visitor · ").contains("stroke-dasharray");
    assertThat(svg).contains(">B1</text>");
    int counted = 0;
    for (SpaceMap.Status status : SpaceMap.Status.values()) {
      String chip =
          _get(
                  com.vaadin.flow.component.html.Span.class,
                  s -> s.withId("parking-map-" + status.key()))
              .getElement()
              .getTextRecursively();
      counted += Integer.parseInt(chip.replaceAll("\\D", ""));
    }
    assertThat(counted).isEqualTo(tiles);
    assertThat(
            _find(
                com.vaadin.flow.component.html.Span.class,
                s -> s.withId("parking-map-sensed-taken")))
        .as("no sensor watches these spaces")
        .isEmpty();

    tabs.setSelectedTab(
        _get(com.vaadin.flow.component.tabs.Tab.class, s -> s.withId("parking-view-list")));
    assertThat(spacesGrid().isVisible()).isTrue();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aManagerAddsALotAndARangeOfSpacesAndADuplicateNumberIsShownAtTheField() {
    signIn("admin");
    UI.getCurrent().navigate(ParkingView.class);
    click("parking-new-lot");
    HasValueUtilsKt._setValue(_get(Select.class, s -> s.withId("lot-estate")), east);
    HasValueUtilsKt._setValue(text("lot-code"), "P9");
    HasValueUtilsKt._setValue(text("lot-name"), "South yard");
    click("lot-dialog-save");
    assertThat(_find(FormDialog.class)).noneMatch(FormDialog::isOpened);
    Lot chosen = (Lot) _get(Select.class, s -> s.withId("parking-lot")).getValue();
    assertThat(chosen.code()).isEqualTo("P9");
    assertThat(spaces()).isEmpty();

    click("parking-add-spaces");
    HasValueUtilsKt._setValue(text("spaces-prefix"), "S-");
    HasValueUtilsKt._setValue(number("spaces-from"), 1);
    HasValueUtilsKt._setValue(number("spaces-to"), 12);
    click("spaces-dialog-save");
    assertThat(spaces()).hasSize(12);
    assertThat(spaces().get(11).number()).isEqualTo("S-012");

    click("parking-add-spaces");
    HasValueUtilsKt._setValue(text("spaces-prefix"), "S-");
    HasValueUtilsKt._setValue(number("spaces-from"), 10);
    HasValueUtilsKt._setValue(number("spaces-to"), 20);
    click("spaces-dialog-save");
    assertThat(number("spaces-from").isInvalid()).isTrue();
    assertThat(number("spaces-from").getErrorMessage()).contains("S-010");
    assertThat(spaces()).hasSize(12);
  }

  @Test
  void aSecondLeaseOfTheSameMonthsStaysOpenNamingTheHoldersDays() {
    signIn("cashier.parking");
    UI.getCurrent().navigate(ParkingView.class);
    lease("B1-003");
    HasValueUtilsKt._setValue(
        _get(DatePicker.class, s -> s.withId("lease-start")), LocalDate.parse("2027-01-01"));
    HasValueUtilsKt._setValue(number("lease-terms"), 3);
    HasValueUtilsKt._setValue(text("lease-holder"), "韩梅梅");
    click("lease-dialog-save");
    assertThat(_find(FormDialog.class)).noneMatch(FormDialog::isOpened);

    lease("B1-003");
    HasValueUtilsKt._setValue(
        _get(DatePicker.class, s -> s.withId("lease-start")), LocalDate.parse("2027-02-01"));
    HasValueUtilsKt._setValue(text("lease-holder"), "李雷");
    click("lease-dialog-save");
    DatePicker start = _get(DatePicker.class, s -> s.withId("lease-start"));
    assertThat(start.isInvalid()).isTrue();
    assertThat(start.getErrorMessage()).contains("2027-01-01 – 2027-03-31");
    assertThat(_find(FormDialog.class)).anyMatch(FormDialog::isOpened);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aLeasesRentIsBilledToTheRoomFoundByItsNumberAndNeedsBoth() {
    signIn("admin");
    UI.getCurrent().navigate(ParkingView.class);
    lease("B1-007");
    HasValueUtilsKt._setValue(text("lease-holder"), "Rent Payer");
    HasValueUtilsKt._setValue(
        _get(
            com.vaadin.flow.component.textfield.BigDecimalField.class, s -> s.withId("lease-rent")),
        new java.math.BigDecimal("300"));
    click("lease-dialog-save");
    // a rent without its room stays open, the room field saying so
    org.courtyard.admin.property.billing.RoomByNumber room =
        _get(org.courtyard.admin.property.billing.RoomByNumber.class, s -> s.withId("lease-room"));
    assertThat(room.isInvalid()).isTrue();
    assertThat(_find(FormDialog.class)).anyMatch(FormDialog::isOpened);
    HasValueUtilsKt._setValue(
        room,
        new org.courtyard.admin.property.estate.EstateClient(PropertySession.api()).room(flat));
    click("lease-dialog-save");
    assertThat(_find(FormDialog.class)).noneMatch(FormDialog::isOpened);

    UI.getCurrent().navigate(LeasesView.class);
    Grid<Booking> grid = _get(Grid.class, s -> s.withId("leases-grid"));
    List<Booking> rows = GridKt._fetch(grid, 0, 100);
    int row = rows.stream().map(Booking::holderName).toList().indexOf("Rent Payer");
    assertThat(rows.get(row).roomId()).isEqualTo(flat);
    assertThat(GridKt._getFormatted(grid, row, "rent"))
        .isEqualTo("300.00 on room " + flat + "'s bills");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aVisitorSpaceIsReservedForAPlateAndTheGuardNotesTheArrival() {
    signIn("admin");
    UI.getCurrent().navigate(ParkingView.class);
    assertThat(rowButton("parking-reserve-", "B1-001")).isEmpty();
    ButtonKt._click(rowButton("parking-reserve-", "V-002").orElseThrow());
    HasValueUtilsKt._setValue(text("reserve-holder"), "Visitor Zhang");
    HasValueUtilsKt._setValue(text("reserve-plate"), "粤b 12345");
    click("reserve-dialog-save");
    assertThat(_find(FormDialog.class)).noneMatch(FormDialog::isOpened);

    UI.getCurrent().navigate(ReservationsView.class);
    Grid<Booking> grid = _get(Grid.class, s -> s.withId("reservations-grid"));
    List<Booking> rows = GridKt._fetch(grid, 0, 100);
    int row = rows.stream().map(Booking::holderName).toList().indexOf("Visitor Zhang");
    Booking made = rows.get(row);
    assertThat(made.plate()).isEqualTo("粤B12345");
    assertThat(GridKt._getFormatted(grid, row, "state")).startsWith("Awaited until");
    ButtonKt._click(cellButton(grid, row, "reservation-arrive-" + made.id()));
    row = GridKt._fetch(grid, 0, 100).stream().map(Booking::id).toList().indexOf(made.id());
    assertThat(GridKt._getFormatted(grid, row, "state")).startsWith("Arrived");
    assertThat(
            _find(
                GridKt._getCellComponent(grid, row, "actions"),
                Button.class,
                s -> s.withId("reservation-arrive-" + made.id())))
        .isEmpty();
    ButtonKt._click(cellButton(grid, row, "reservation-cancel-" + made.id()));
    HasValueUtilsKt._setValue(text("reservation-cancel-reason"), "left early");
    click("reservation-cancel-dialog-save");
    assertThat(GridKt._fetch(grid, 0, 100)).extracting(Booking::id).doesNotContain(made.id());
  }

  @Test
  @SuppressWarnings("unchecked")
  void leasesAreListedWithTheirDaysAndCancelledWithAReason() {
    signIn("admin");
    UI.getCurrent().navigate(ParkingView.class);
    lease("B1-005");
    HasValueUtilsKt._setValue(
        _get(DatePicker.class, s -> s.withId("lease-start")), LocalDate.now().withDayOfMonth(1));
    HasValueUtilsKt._setValue(_get(Select.class, s -> s.withId("lease-term")), "yearly");
    HasValueUtilsKt._setValue(text("lease-holder"), "Wang Fang");
    click("lease-dialog-save");

    UI.getCurrent().navigate(LeasesView.class);
    Grid<Booking> grid = _get(Grid.class, s -> s.withId("leases-grid"));
    List<Booking> rows = GridKt._fetch(grid, 0, 100);
    int row = rows.stream().map(Booking::holderName).toList().indexOf("Wang Fang");
    assertThat(row).isNotNegative();
    LocalDate first = LocalDate.now().withDayOfMonth(1);
    assertThat(GridKt._getFormatted(grid, row, "days"))
        .isEqualTo(first + " – " + first.plusYears(1).minusDays(1));
    assertThat(GridKt._getFormatted(grid, row, "term")).isEqualTo("1 × year");

    ButtonKt._click((Button) GridKt._getCellComponent(grid, row, "actions"));
    click("lease-cancel-dialog-save");
    assertThat(text("lease-cancel-reason").isInvalid()).isTrue();
    HasValueUtilsKt._setValue(text("lease-cancel-reason"), "moved away");
    click("lease-cancel-dialog-save");
    assertThat(GridKt._fetch(grid, 0, 100))
        .extracting(Booking::holderName)
        .doesNotContain("Wang Fang");
    HasValueUtilsKt._setValue(
        _get(com.vaadin.flow.component.checkbox.Checkbox.class, s -> s.withId("leases-current")),
        false);
    Booking cancelled =
        GridKt._fetch(grid, 0, 100).stream()
            .filter(b -> b.holderName().equals("Wang Fang"))
            .findFirst()
            .orElseThrow();
    assertThat(cancelled.cancelReason()).isEqualTo("moved away");
  }

  @Test
  void staffWithoutParkingPermissionsAreNotAllowed() {
    fake.staff(COMPANY, "tech.p", PASSWORD).grant("technician");
    signIn("tech.p");
    UI.getCurrent().navigate(ParkingView.class);
    assertThat(_get(NotAllowedView.class).reason()).contains("parking.lot.read");
  }

  @Test
  void inChineseTheSpacesSpeakChinese() {
    UI.getCurrent().getSession().setLocale(Locale.CHINESE);
    UI.getCurrent().setLocale(Locale.CHINESE);
    signIn("admin");
    UI.getCurrent().navigate(ParkingView.class);
    assertThat(_get(H2.class, s -> s.withText("停车管理"))).isNotNull();
    assertThat(GridKt._getFormatted(spacesGrid(), 0, "kind")).isEqualTo("出租车位");
  }

  @BeforeAll
  static void staff() {
    fake.staff(COMPANY, "cashier.parking", PASSWORD).grant("cashier");
  }

  @Test
  void aManagerSetsTheLotsTariffAndChangesItAtItsVersion() {
    signIn("admin");
    UI.getCurrent().navigate(ParkingView.class);
    click("parking-tariff");
    // a lot without a tariff starts from the common one
    assertThat(number("tariff-free").getValue()).isEqualTo(15);
    HasValueUtilsKt._setValue(
        _get(
            com.vaadin.flow.component.textfield.BigDecimalField.class, s -> s.withId("tariff-cap")),
        new java.math.BigDecimal("40"));
    HasValueUtilsKt._setValue(text("tariff-night-from"), "22:00");
    click("tariff-dialog-save");
    assertThat(text("tariff-night-from").isInvalid()).isTrue();
    HasValueUtilsKt._setValue(text("tariff-night-from"), "");
    click("tariff-dialog-save");
    assertThat(_find(FormDialog.class)).noneMatch(FormDialog::isOpened);

    click("parking-tariff");
    assertThat(
            _get(
                    com.vaadin.flow.component.textfield.BigDecimalField.class,
                    s -> s.withId("tariff-cap"))
                .getValue())
        .isEqualByComparingTo("40");
    assertThat(number("tariff-grace").getValue()).isEqualTo(15);
    assertThat(number("tariff-visitor").getValue()).isEqualTo(120);
    HasValueUtilsKt._setValue(number("tariff-free"), 30);
    HasValueUtilsKt._setValue(number("tariff-grace"), 10);
    HasValueUtilsKt._setValue(number("tariff-visitor"), 1500);
    click("tariff-dialog-save");
    assertThat(number("tariff-visitor").isInvalid()).isTrue();
    HasValueUtilsKt._setValue(number("tariff-visitor"), 90);
    click("tariff-dialog-save");
    assertThat(_find(FormDialog.class)).noneMatch(FormDialog::isOpened);
    assertThat(fake.area(FakeParkingArea.class).tariffOf(garage))
        .containsEntry("freeMinutes", 30)
        .containsEntry("graceMinutes", 10)
        .containsEntry("visitorMinutes", 90);
  }

  @Test
  void aManagerRecordsASoldSpacesNewOwnerAndAnEarlierDayIsShownAtTheField() {
    fake.area(FakeParkingArea.class).spaces(garage, "OW-", 1, 1, "owned");
    signIn("admin");
    UI.getCurrent().navigate(ParkingView.class);
    assertThat(rowButton("parking-owner-", "B1-001")).isEmpty();
    ButtonKt._click(rowButton("parking-owner-", "OW-001").orElseThrow());
    HasValueUtilsKt._setValue(text("owner-holder"), "韩梅梅");
    HasValueUtilsKt._setValue(
        _get(DatePicker.class, s -> s.withId("owner-since")), LocalDate.parse("2020-05-01"));
    click("owner-dialog-save");
    assertThat(_find(FormDialog.class)).noneMatch(FormDialog::isOpened);
    int row = spaces().stream().map(Space::number).toList().indexOf("OW-001");
    assertThat(GridKt._getFormatted(spacesGrid(), row, "owner")).isEqualTo("韩梅梅");

    ButtonKt._click(rowButton("parking-owner-", "OW-001").orElseThrow());
    HasValueUtilsKt._setValue(text("owner-holder"), "李雷");
    HasValueUtilsKt._setValue(
        _get(DatePicker.class, s -> s.withId("owner-since")), LocalDate.parse("2019-01-01"));
    click("owner-dialog-save");
    DatePicker since = _get(DatePicker.class, s -> s.withId("owner-since"));
    assertThat(since.isInvalid()).isTrue();
    assertThat(since.getErrorMessage()).contains("2020-05-01");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aCashierSellsAMonthlyCardTheSameDaysTwiceAreShownAtTheFieldAndACardIsCancelled() {
    signIn("cashier.parking");
    UI.getCurrent().navigate(CardsView.class);
    click("cards-sell");
    HasValueUtilsKt._setValue(text("card-plate"), "粤b·123 45");
    HasValueUtilsKt._setValue(text("card-holder"), "韩梅梅");
    HasValueUtilsKt._setValue(
        _get(DatePicker.class, s -> s.withId("card-first")), LocalDate.now().withDayOfMonth(1));
    HasValueUtilsKt._setValue(
        _get(DatePicker.class, s -> s.withId("card-last")),
        LocalDate.now().withDayOfMonth(1).plusMonths(1).minusDays(1));
    click("card-dialog-save");
    assertThat(_find(FormDialog.class)).noneMatch(FormDialog::isOpened);
    Grid<Card> grid = _get(Grid.class, s -> s.withId("cards-grid"));
    List<Card> rows = GridKt._fetch(grid, 0, 100);
    int row = rows.stream().map(Card::plate).toList().indexOf("粤B12345");
    assertThat(row).isNotNegative();
    assertThat(GridKt._getFormatted(grid, row, "state")).isEqualTo("Valid today");

    click("cards-sell");
    HasValueUtilsKt._setValue(text("card-plate"), "粤B12345");
    HasValueUtilsKt._setValue(text("card-holder"), "李雷");
    click("card-dialog-save");
    DatePicker first = _get(DatePicker.class, s -> s.withId("card-first"));
    assertThat(first.isInvalid()).isTrue();
    assertThat(first.getErrorMessage()).contains(LocalDate.now().withDayOfMonth(1).toString());
    _get(FormDialog.class, s -> s.withId("card-dialog")).close();

    HasValueUtilsKt._setValue(text("cards-plate"), "粤b 12345");
    assertThat(GridKt._fetch(grid, 0, 100)).extracting(Card::plate).containsOnly("粤B12345");
    ButtonKt._click((Button) GridKt._getCellComponent(grid, 0, "actions"));
    HasValueUtilsKt._setValue(text("card-cancel-reason"), "sold the car");
    click("card-cancel-dialog-save");
    assertThat(GridKt._getFormatted(grid, 0, "state")).isEqualTo("Cancelled: sold the car");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aManagerBlackListsAPlateAndTheSamePlateCannotBeWhiteListedThere() {
    signIn("admin");
    UI.getCurrent().navigate(ListsView.class);
    click("lists-add");
    HasValueUtilsKt._setValue(text("list-plate"), "苏E55555");
    HasValueUtilsKt._setValue(text("list-reason"), "damaged the gate");
    click("list-dialog-save");
    assertThat(_find(FormDialog.class)).noneMatch(FormDialog::isOpened);
    Grid<ListEntry> grid = _get(Grid.class, s -> s.withId("lists-grid"));
    assertThat(GridKt._fetch(grid, 0, 100)).extracting(ListEntry::plate).contains("苏E55555");

    click("lists-add");
    HasValueUtilsKt._setValue(_get(Select.class, s -> s.withId("list-which")), "white");
    HasValueUtilsKt._setValue(text("list-plate"), "苏e 55555");
    HasValueUtilsKt._setValue(text("list-reason"), "staff");
    click("list-dialog-save");
    assertThat(text("list-plate").isInvalid()).isTrue();
    _get(FormDialog.class, s -> s.withId("list-dialog")).close();
    assertThat(GridKt._fetch(grid, 0, 100))
        .filteredOn(e -> e.plate().equals("苏E55555"))
        .extracting(ListEntry::list)
        .containsExactly("black");
  }

  @Test
  void aCashierReadsTheListsButPutsNoPlateOnThem() {
    signIn("cashier.parking");
    UI.getCurrent().navigate(ListsView.class);
    assertThat(_find(Button.class, s -> s.withId("lists-add"))).isEmpty();
    assertThat(_find(Grid.class, s -> s.withId("lists-grid"))).hasSize(1);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aGuardSeesTheGatesReadsAndOpensForADoubtfulOneWithANote() {
    FakeParkingArea parking = fake.area(FakeParkingArea.class);
    parking.passage(garage, "North in", "entry", "粤B11111", 97, "open", "card", null);
    long doubtful =
        parking.passage(
            garage, "North in", "entry", "粤B2222?", 41, "guard", "low-confidence", null);
    fake.staff(COMPANY, "guard.parking", PASSWORD).grant("guard");
    signIn("guard.parking");
    UI.getCurrent().navigate(GateView.class);
    Grid<Passage> grid = _get(Grid.class, s -> s.withId("gate-grid"));
    List<Passage> rows = GridKt._fetch(grid, 0, 100);
    int row = rows.stream().map(Passage::id).toList().indexOf(doubtful);
    assertThat(row).isNotNegative();
    assertThat(GridKt._getFormatted(grid, row, "decision")).isEqualTo("Waiting: doubtful read");
    int card = rows.stream().map(Passage::plate).toList().indexOf("粤B11111");
    assertThat(GridKt._getFormatted(grid, card, "decision")).isEqualTo("Opened: monthly card");
    assertThat(
            _get(com.vaadin.flow.component.html.Span.class, s -> s.withId("gate-occupancy"))
                .getText())
        .contains(rows.stream().filter(Passage::waiting).count() + " waiting");

    ButtonKt._click(
        _find(
                GridKt._getCellComponent(grid, row, "actions"),
                Button.class,
                s -> s.withId("gate-open-" + doubtful))
            .get(0));
    HasValueUtilsKt._setValue(text("gate-decide-note"), "plate read by the guard");
    click("gate-decide-dialog-save");
    Passage decided =
        GridKt._fetch(grid, 0, 100).stream()
            .filter(p -> p.id() == doubtful)
            .findFirst()
            .orElseThrow();
    assertThat(decided.decision()).isEqualTo("open");
    assertThat(decided.note()).isEqualTo("plate read by the guard");
    int after = GridKt._fetch(grid, 0, 100).stream().map(Passage::id).toList().indexOf(doubtful);
    // decided: no more open or refuse, only letting the car out should it not be there
    assertThat(_find(GridKt._getCellComponent(grid, after, "actions"), Button.class))
        .extracting(Button::getId)
        .containsExactly(java.util.Optional.of("gate-out-" + doubtful));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aCashierTakesTheFeeAnExitIsHeldForButDecidesNothingElseThere() {
    FakeParkingArea parking = fake.area(FakeParkingArea.class);
    long waiting =
        parking.passage(
            garage, "North out", "exit", "粤B33333", 95, "guard", "payment-due", "13.00");
    long doubtful =
        parking.passage(
            garage, "North in", "entry", "粤B3333?", 40, "guard", "low-confidence", null);
    signIn("cashier.parking");
    UI.getCurrent().navigate(GateView.class);
    Grid<Passage> grid = _get(Grid.class, s -> s.withId("gate-grid"));
    List<Passage> rows = GridKt._fetch(grid, 0, 100);
    int row = rows.stream().map(Passage::id).toList().indexOf(waiting);
    assertThat(row).isNotNegative();
    assertThat(GridKt._getFormatted(grid, row, "decision"))
        .isEqualTo("Waiting: fee to pay, 13.00 yuan to pay");
    // the fee only: opening or refusing is the guard's
    assertThat(_find(GridKt._getCellComponent(grid, row, "actions"), Button.class))
        .extracting(Button::getId)
        .containsExactly(java.util.Optional.of("gate-pay-" + waiting));
    int other = rows.stream().map(Passage::id).toList().indexOf(doubtful);
    assertThat(_find(GridKt._getCellComponent(grid, other, "actions"), Button.class)).isEmpty();

    ButtonKt._click(
        _find(
                GridKt._getCellComponent(grid, row, "actions"),
                Button.class,
                s -> s.withId("gate-pay-" + waiting))
            .get(0));
    HasValueUtilsKt._setValue(
        _get(com.vaadin.flow.component.select.Select.class, s -> s.withId("gate-pay-method")),
        "wechat");
    click("gate-pay-dialog-save");
    Passage paid =
        GridKt._fetch(grid, 0, 100).stream()
            .filter(p -> p.id() == waiting)
            .findFirst()
            .orElseThrow();
    assertThat(paid.decision()).isEqualTo("open");
    assertThat(paid.reason()).isEqualTo("paid");
    int after = GridKt._fetch(grid, 0, 100).stream().map(Passage::id).toList().indexOf(waiting);
    assertThat(GridKt._getFormatted(grid, after, "decision")).startsWith("Opened: paid");
    assertThat(_find(GridKt._getCellComponent(grid, after, "actions"), Button.class)).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aGuardLetsOutACarTheLotStillCountsAndSeesAnOpenThatSentNoCommand() {
    FakeParkingArea parking = fake.area(FakeParkingArea.class);
    long stuck =
        parking.passage(garage, "North in", "entry", "粤B44444", 97, "open", "temporary", null);
    fake.staff(COMPANY, "guard.out", PASSWORD).grant("guard");
    signIn("guard.out");
    UI.getCurrent().navigate(GateView.class);
    Grid<Passage> grid = _get(Grid.class, s -> s.withId("gate-grid"));
    int row = GridKt._fetch(grid, 0, 100).stream().map(Passage::id).toList().indexOf(stuck);
    ButtonKt._click(
        _find(
                GridKt._getCellComponent(grid, row, "actions"),
                Button.class,
                s -> s.withId("gate-out-" + stuck))
            .get(0));
    HasValueUtilsKt._setValue(text("gate-out-note"), "exit read without a plate");
    click("gate-out-dialog-save");
    Passage out =
        GridKt._fetch(grid, 0, 100).stream().filter(p -> p.id() == stuck).findFirst().orElseThrow();
    assertThat(out.inside()).isFalse();
    assertThat(out.note()).isEqualTo("exit read without a plate");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aManagerSeesALotsHoursTakingsAndStaysAsChartsAndTheCardsEndingSoon() {
    FakeParkingArea parking = fake.area(FakeParkingArea.class);
    long yard = parking.lot(east, "RPT", "Report yard");
    parking.passage(yard, "Yard in", "entry", "粤B90001", 95, "open", "temporary", null);
    signIn("admin");
    UI.getCurrent().navigate(ReportsView.class);
    com.vaadin.flow.component.select.Select<Lot> lot =
        _get(com.vaadin.flow.component.select.Select.class, s -> s.withId("reports-lot"));
    Lot p9 = lot.getListDataView().getItems().filter(l -> l.id() == yard).findFirst().orElseThrow();
    HasValueUtilsKt._setValue(lot, p9);
    String occupancy =
        _get(com.vaadin.flow.component.html.Div.class, s -> s.withId("parking-report-occupancy"))
            .getElement()
            .getProperty("innerHTML");
    assertThat(occupancy).startsWith("<svg").contains("class=\"bar\"").contains(">23<");
    // one vehicle inside since it came in: a bar of height above zero at its hour
    assertThat(occupancy).containsPattern("<rect class=\"bar\"[^>]*height=\"[1-9]");
    assertThat(
            _get(com.vaadin.flow.component.html.Span.class, s -> s.withId("reports-revenue-totals"))
                .getText())
        .startsWith("0.00 yuan from 0 payments");
    assertThat(
            _get(com.vaadin.flow.component.html.Div.class, s -> s.withId("parking-report-dwell"))
                .getElement()
                .getProperty("innerHTML"))
        .contains("&lt;15m")
        .contains("≥1d");
    assertThat(
            _find(
                com.vaadin.flow.component.html.Anchor.class, s -> s.withId("reports-csv-revenue")))
        .hasSize(1);
    Grid<Reports.ExpiringCard> expiring = _get(Grid.class, s -> s.withId("reports-expiring"));
    assertThat(GridKt._size(expiring)).isZero();
  }

  @Test
  void bucketsAreShortEnoughToSitUnderTheirBars() {
    assertThat(ReportsView.bucket(new Reports.Bucket(0, 15, 0, 0, 0, 0))).isEqualTo("<15m");
    assertThat(ReportsView.bucket(new Reports.Bucket(60, 180, 0, 0, 0, 0))).isEqualTo("1h-3h");
    assertThat(ReportsView.bucket(new Reports.Bucket(1440, null, 0, 0, 0, 0))).isEqualTo("≥1d");
  }
}
