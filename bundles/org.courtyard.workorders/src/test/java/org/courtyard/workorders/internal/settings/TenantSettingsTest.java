package org.courtyard.workorders.internal.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.ProblemException;
import org.courtyard.api.rest.DataScope;
import org.courtyard.workorders.internal.TestSchema;
import org.courtyard.workorders.internal.settings.CalendarView.CalendarDay;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Settings and calendar written to and read back from a real tenant schema. */
class TenantSettingsTest {

  private static TestSchema db;
  private static TenantSettings settings;

  @BeforeAll
  static void schema() throws Exception {
    db = TestSchema.fresh();
    settings = new TenantSettings(db.jdbc());
  }

  @AfterAll
  static void drop() throws Exception {
    db.close();
  }

  @Test
  void settingsAreReplacedUnderTheirVersion() {
    SettingsView read = settings.settings();
    assertThat(read).isEqualTo(new SettingsView("Asia/Shanghai", 80, 3, 7, null, read.version()));

    SettingsView written =
        settings.updateSettings(
            new SettingsView("Asia/Hong_Kong", 75, 5, 10, "09:00-12:00", read.version()),
            DataScope.ALL);
    assertThat(written)
        .isEqualTo(
            new SettingsView("Asia/Hong_Kong", 75, 5, 10, "09:00-12:00", read.version() + 1));
    assertThat(settings.settings()).isEqualTo(written);

    ProblemException stale =
        catchThrowableOfType(
            () ->
                settings.updateSettings(
                    new SettingsView("UTC", 80, 3, 7, null, read.version()), DataScope.ALL),
            ProblemException.class);
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.type()).isEqualTo("stale-version");
    assertThat(stale.extensions()).containsEntry("currentVersion", read.version() + 1);
    assertThat(settings.settings()).isEqualTo(written);
  }

  @Test
  void onlyACallerGrantedTheWholeCompanyChangesThem() {
    DataScope oneEstate = DataScope.of(List.of(1L), List.of());
    ProblemException settingsRefused =
        catchThrowableOfType(
            () ->
                settings.updateSettings(
                    new SettingsView("UTC", 80, 3, 7, null, settings.settings().version()),
                    oneEstate),
            ProblemException.class);
    assertThat(settingsRefused.status()).isEqualTo(403);
    CalendarView cal = settings.calendar();
    ProblemException calendarRefused =
        catchThrowableOfType(() -> settings.updateCalendar(cal, oneEstate), ProblemException.class);
    assertThat(calendarRefused.status()).isEqualTo(403);
  }

  @Test
  void theCalendarIsReplacedWholeUnderItsVersion() {
    CalendarView read = settings.calendar();
    assertThat(read.weekdays())
        .containsEntry("1", "08:30-17:30")
        .containsEntry("6", "09:00-12:00")
        .containsEntry("7", "")
        .hasSize(7);

    Map<String, String> week = new LinkedHashMap<>(read.weekdays());
    week.put("6", "");
    week.put("1", "08:30-12:00,13:30-17:30");
    CalendarView written =
        settings.updateCalendar(
            new CalendarView(
                week,
                List.of(
                    new CalendarDay("2026-10-01", "holiday", null, "国庆节"),
                    new CalendarDay("2026-10-10", "workday", "09:00-17:00", "调休")),
                read.version()),
            DataScope.ALL);
    assertThat(written.version()).isEqualTo(read.version() + 1);
    assertThat(written.weekdays())
        .containsEntry("6", "")
        .containsEntry("1", "08:30-12:00,13:30-17:30");
    assertThat(written.days()).hasSize(2);
    assertThat(settings.calendar()).isEqualTo(written);

    // a second replacement drops the days it does not list
    CalendarView fewer =
        settings.updateCalendar(
            new CalendarView(week, List.of(), written.version()), DataScope.ALL);
    assertThat(fewer.days()).isEmpty();

    ProblemException stale =
        catchThrowableOfType(
            () -> settings.updateCalendar(written, DataScope.ALL), ProblemException.class);
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.type()).isEqualTo("stale-version");
  }
}
