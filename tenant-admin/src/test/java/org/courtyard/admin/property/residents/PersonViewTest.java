package org.courtyard.admin.property.residents;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.courtyard.admin.property.estate.FormDialog;
import org.junit.jupiter.api.Test;

class PersonViewTest extends ResidentsTestBase {

  private static PersonView open(String user, long person) {
    signIn(user);
    UI.getCurrent().navigate(PersonView.class, person);
    return _get(PersonView.class);
  }

  @SuppressWarnings("unchecked")
  private static Grid<Occupancy> rooms() {
    return _get(Grid.class, s -> s.withId("person-rooms"));
  }

  private static Button moveOutButton(int row) {
    return (Button) GridKt._getCellComponent(rooms(), row, "moveOut");
  }

  @Test
  void aPersonsPageShowsTheDetailsRoomsWithSharesAndVehiclesAndOnRequestTheHistory() {
    PersonView page = open("admin", chen);

    assertThat(_get(H2.class, s -> s.withId("person-name")).getText()).isEqualTo("陈静");
    assertThat(page.detailsText()).contains("+8613812345678");
    assertThat(page.sharesText()).isEqualTo("Owns now: SUN/B1/U1/101 50%");
    assertThat(page.listedRooms()).extracting(Occupancy::roomId).containsExactly(room101);
    assertThat(GridKt._getFormattedRow(rooms(), 0))
        .startsWith("SUN/B1/U1/101", "Owner", "50%", "Jan 1, 2023", "");
    assertThat(page.listedVehicles()).extracting(Vehicle::plate).containsExactly("粤B12345");

    HasValueUtilsKt._setValue(_get(Checkbox.class, s -> s.withId("person-history")), true);

    assertThat(page.listedRooms()).extracting(Occupancy::roomId).containsExactly(room101, room102);
    assertThat(GridKt._getFormattedRow(rooms(), 1))
        .startsWith("SUN/B1/U1/102", "Tenant", "", "Jan 1, 2020", "Dec 31, 2022");
    assertThat(moveOutButton(1).isVisible()).as("an ended occupancy cannot move out").isFalse();
    assertThat(page.listedVehicles())
        .extracting(Vehicle::plate)
        .containsExactly("粤B12345", "粤A00001");
  }

  @Test
  void aMoveInIsCheckedByTheApiAndThenListedWithItsShare() {
    long person = residents.person("钱多", "13500004444");
    PersonView page = open("admin", person);
    assertThat(page.sharesText()).isEqualTo("Owns no room now.");

    click("person-move-in");
    click("move-in-dialog-save");
    @SuppressWarnings("unchecked")
    Select<Object> roomSelect = _get(Select.class, s -> s.withId("move-in-room-room"));
    assertThat(roomSelect.isInvalid()).isTrue();
    assertThat(roomSelect.getErrorMessage()).isEqualTo("is required");

    chooseRoom("move-in-room", "Sunny Garden (SUN)", "Building 1 (B1)", "U1", "103");
    HasValueUtilsKt._setValue(
        _get(BigDecimalField.class, s -> s.withId("move-in-share")), new BigDecimal("30"));
    click("move-in-dialog-save");
    BigDecimalField share = _get(BigDecimalField.class, s -> s.withId("move-in-share"));
    assertThat(share.isInvalid()).isTrue();
    assertThat(share.getErrorMessage()).contains("at most 20.00% is left");

    HasValueUtilsKt._setValue(share, new BigDecimal("20"));
    HasValueUtilsKt._setValue(
        _get(DatePicker.class, s -> s.withId("move-in-date")), LocalDate.of(2025, 3, 1));
    click("move-in-dialog-save");

    assertThat(_find(FormDialog.class)).noneMatch(FormDialog::isOpened);
    assertThat(notifications()).contains("钱多 moved in to B1 · U1 · 103.");
    assertThat(page.listedRooms()).extracting(Occupancy::roomId).containsExactly(room103);
    assertThat(page.sharesText()).isEqualTo("Owns now: SUN/B1/U1/103 20%");
    assertThat(residents.occupanciesOf(person))
        .singleElement()
        .extracting(o -> o.get("moveIn"))
        .isEqualTo("2025-03-01");
  }

  @Test
  void aMoveOutBeforeTheMoveInIsRefusedByTheDateAndAGoodOneEndsTheOccupancy() {
    long person = residents.person("孙丽", "13500005555");
    residents.occupancy(person, room102, "tenant", null, "2024-06-01", null);
    PersonView page = open("admin", person);

    moveOutButton(0).click();
    DatePicker date = _get(DatePicker.class, s -> s.withId("move-out-date"));
    HasValueUtilsKt._setValue(date, LocalDate.of(2024, 5, 1));
    click("move-out-dialog-save");
    assertThat(date.isInvalid()).isTrue();
    assertThat(date.getErrorMessage())
        .startsWith("must be on or after the move-in date 2024-06-01");

    HasValueUtilsKt._setValue(date, LocalDate.of(2025, 2, 28));
    click("move-out-dialog-save");

    assertThat(notifications()).contains("Moved out of SUN/B1/U1/102.");
    assertThat(page.listedRooms()).isEmpty();
    Map<String, Object> ended = residents.occupanciesOf(person).get(0);
    assertThat(ended.get("moveOut")).isEqualTo("2025-02-28");
  }

  @Test
  void staffWhoMayOnlyReadAreOfferedNeitherMoveInNorMoveOut() {
    open("cashier", chen);
    assertThat(_find(Button.class, s -> s.withId("person-move-in"))).isEmpty();
    assertThat(moveOutButton(0).isVisible()).isFalse();
  }

  @Test
  void aPersonOutsideTheUsersScopeIsNotFoundAndSaysSo() {
    open("cashier", wang);
    assertThat(notifications())
        .contains("Not found (or outside your scope): Person " + wang + " not found.");
    assertThat(_find(Button.class, s -> s.withId("person-move-in"))).isEmpty();
  }

  @Test
  void inChineseRolesAndDatesAreChinese() {
    UI.getCurrent().getSession().setLocale(Locale.CHINESE);
    UI.getCurrent().setLocale(Locale.CHINESE);
    PersonView page = open("admin", chen);
    assertThat(page.sharesText()).isEqualTo("现为业主：SUN/B1/U1/101 50%");
    assertThat(GridKt._getFormattedRow(rooms(), 0))
        .startsWith("SUN/B1/U1/101", "业主", "50%", "2023年1月1日");
    assertThat(_get(Button.class, s -> s.withId("person-move-in")).getText()).isEqualTo("迁入");
  }

  @Test
  void aRefusalIsHeadedInTheUsersLanguage() {
    UI.getCurrent().getSession().setLocale(Locale.CHINESE);
    UI.getCurrent().setLocale(Locale.CHINESE);
    open("cashier", wang);
    assertThat(notifications()).contains("未找到（或不在您的管辖范围内）: Person " + wang + " not found.");
  }
}
