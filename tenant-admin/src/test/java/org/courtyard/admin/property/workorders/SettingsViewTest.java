package org.courtyard.admin.property.workorders;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.property.NotAllowedView;
import org.junit.jupiter.api.Test;

class SettingsViewTest extends WorkOrdersTestBase {

  private static void open() {
    UI.getCurrent().navigate(SettingsView.class);
  }

  private static TextField text(String id) {
    return _get(TextField.class, s -> s.withId(id));
  }

  private static IntegerField number(String id) {
    return _get(IntegerField.class, s -> s.withId(id));
  }

  @Test
  void theSettingsAreShownAndSavedWithTheVersionRead() {
    signIn("admin");
    open();
    assertThat(text("wo-settings-zone").getValue()).isEqualTo("Asia/Shanghai");
    assertThat(number("wo-settings-warn").getValue()).isEqualTo(80);
    assertThat(number("wo-settings-confirm").getValue()).isEqualTo(3);
    assertThat(number("wo-settings-reopen").getValue()).isEqualTo(7);

    HasValueUtilsKt._setValue(number("wo-settings-warn"), 70);
    HasValueUtilsKt._setValue(text("wo-settings-makeup"), "09:00-12:00");
    click("wo-settings-save");

    Map<String, Object> saved = wo.settingsJson();
    assertThat(saved).containsEntry("warnPercent", 70).containsEntry("makeupHours", "09:00-12:00");
    assertThat(saved).containsEntry("version", 1);
    // saved again with the version answered, not the one first read
    HasValueUtilsKt._setValue(number("wo-settings-reopen"), 10);
    click("wo-settings-save");
    assertThat(wo.settingsJson()).containsEntry("reopenDays", 10).containsEntry("version", 2);
  }

  @Test
  void aChangeMadeMeanwhileIsRefusedInChinese() {
    signIn("admin");
    chinese();
    open();
    wo.touchRules();
    HasValueUtilsKt._setValue(number("wo-settings-warn"), 60);
    click("wo-settings-save");

    assertThat(notificationTexts()).anyMatch(t -> t.contains("设置已被他人修改，请刷新后重试。"));
    assertThat(wo.settingsJson()).containsEntry("warnPercent", 80);
  }

  @Test
  void invalidValuesAreMarkedOnTheirFields() {
    signIn("admin");
    open();
    HasValueUtilsKt._setValue(text("wo-settings-zone"), "Mars/Base");
    click("wo-settings-save");

    assertThat(text("wo-settings-zone").isInvalid()).isTrue();
    assertThat(text("wo-settings-zone").getErrorMessage()).isEqualTo("not a time zone");
    assertThat(wo.settingsJson()).containsEntry("timeZone", "Asia/Shanghai");
  }

  @Test
  void theWeekAndItsHolidaysAreSavedWhole() {
    signIn("admin");
    open();
    assertThat(text("wo-calendar-day-1").getValue()).isEqualTo("08:30-12:00,13:30-17:30");
    assertThat(text("wo-calendar-day-6").getValue()).isEmpty();

    HasValueUtilsKt._setValue(text("wo-calendar-day-6"), "09:00-12:00");
    HasValueUtilsKt._setValue(
        _get(DatePicker.class, s -> s.withId("wo-calendar-date")), LocalDate.of(2027, 1, 1));
    HasValueUtilsKt._setValue(text("wo-calendar-name"), "New Year");
    click("wo-calendar-add");
    HasValueUtilsKt._setValue(
        _get(DatePicker.class, s -> s.withId("wo-calendar-date")), LocalDate.of(2027, 2, 7));
    choose("wo-calendar-kind", "Make-up working day");
    click("wo-calendar-add");
    @SuppressWarnings("unchecked")
    Grid<Rules.Day> days = _get(Grid.class, s -> s.withId("wo-calendar-days"));
    assertThat(GridKt._size(days)).isEqualTo(2);
    click("wo-calendar-save");

    Map<String, Object> saved = wo.calendarJson();
    assertThat(saved).containsEntry("version", 1);
    @SuppressWarnings("unchecked")
    Map<String, String> week = (Map<String, String>) saved.get("weekdays");
    assertThat(week).containsEntry("6", "09:00-12:00").containsEntry("7", "");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> saveDays = (List<Map<String, Object>>) saved.get("days");
    assertThat(saveDays)
        .extracting(d -> d.get("day") + " " + d.get("kind") + " " + d.get("name"))
        .containsExactly("2027-01-01 holiday New Year", "2027-02-07 workday null");
  }

  @Test
  void badHoursAreMarkedOnTheirDayAndAStaleCalendarIsRefused() {
    signIn("admin");
    open();
    HasValueUtilsKt._setValue(text("wo-calendar-day-2"), "17:00-09:00");
    click("wo-calendar-save");
    assertThat(text("wo-calendar-day-2").isInvalid()).isTrue();
    assertThat(wo.calendarJson()).containsEntry("version", 0);

    HasValueUtilsKt._setValue(text("wo-calendar-day-2"), "08:30-17:30");
    wo.touchRules();
    click("wo-calendar-save");
    assertThat(notificationTexts()).anyMatch(t -> t.startsWith("Changed meanwhile"));
    assertThat(wo.calendarJson()).containsEntry("version", 1);
  }

  @Test
  void aDispatcherCannotOpenTheSettings() {
    signIn("dispatcher");
    open();
    assertThat(currentView()).isInstanceOf(NotAllowedView.class);
  }
}
