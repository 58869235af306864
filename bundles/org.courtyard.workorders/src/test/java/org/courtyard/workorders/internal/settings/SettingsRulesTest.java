package org.courtyard.workorders.internal.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.ProblemException;
import org.courtyard.workorders.internal.settings.CalendarView.CalendarDay;
import org.junit.jupiter.api.Test;

/** A settings or calendar edit is refused field by field, or stored in its normal form. */
class SettingsRulesTest {

  /** The fields a 422 names, in order. */
  @SuppressWarnings("unchecked")
  private static List<String> fields(Runnable edit) {
    ProblemException p = catchThrowableOfType(edit::run, ProblemException.class);
    assertThat(p).as("refused").isNotNull();
    assertThat(p.status()).isEqualTo(422);
    assertThat(p.type()).isEqualTo("validation-failed");
    return ((List<Map<String, Object>>) p.extensions().get("errors"))
        .stream().map(e -> (String) e.get("field")).toList();
  }

  private static Map<String, String> week(String weekday, String weekend) {
    Map<String, String> w = new LinkedHashMap<>();
    for (int d = 1; d <= 7; d++) {
      w.put(String.valueOf(d), d <= 5 ? weekday : weekend);
    }
    return w;
  }

  @Test
  void settingsAreStoredInTheirNormalForm() {
    SettingsRules.Settings s =
        SettingsRules.check(
            new SettingsView(" Asia/Shanghai ", 80, 0, 365, "08:30-12:00, 13:30-17:30", 4));
    assertThat(s)
        .isEqualTo(
            new SettingsRules.Settings("Asia/Shanghai", 80, 0, 365, "08:30-12:00,13:30-17:30"));
    assertThat(SettingsRules.check(new SettingsView("UTC", 1, 90, 0, "  ", 0)).makeupHours())
        .isNull();
  }

  @Test
  void everyWrongSettingIsNamed() {
    assertThat(
            fields(
                () ->
                    SettingsRules.check(
                        new SettingsView("Mars/Olympus", 0, 91, -1, "17:00-08:00", null))))
        .containsExactly(
            "timeZone", "warnPercent", "autoConfirmDays", "reopenDays", "makeupHours", "version");
    assertThat(fields(() -> SettingsRules.check(new SettingsView(null, 101, null, 366, null, 1))))
        .containsExactly("timeZone", "warnPercent", "autoConfirmDays", "reopenDays");
    // overlapping periods, and a period past midnight
    assertThat(
            fields(
                () ->
                    SettingsRules.check(
                        new SettingsView("UTC", 80, 3, 7, "08:00-12:00,11:00-13:00", 1))))
        .containsExactly("makeupHours");
    assertThat(
            fields(() -> SettingsRules.check(new SettingsView("UTC", 80, 3, 7, "22:00-24:30", 1))))
        .containsExactly("makeupHours");
  }

  @Test
  void aCalendarIsSortedAndNormalised() {
    SettingsRules.Calendar c =
        SettingsRules.check(
            new CalendarView(
                week("08:30-12:00, 13:30-17:30", ""),
                List.of(
                    new CalendarDay("2026-10-11", "workday", null, "国庆调休"),
                    new CalendarDay("2026-10-01", "holiday", " ", " 国庆节 "),
                    new CalendarDay("2026-09-27", "workday", "09:00-17:00", null)),
                3));
    assertThat(c.weekdays()).containsEntry(1, "08:30-12:00,13:30-17:30").containsEntry(7, "");
    assertThat(c.days())
        .containsExactly(
            new CalendarDay("2026-09-27", "workday", "09:00-17:00", null),
            new CalendarDay("2026-10-01", "holiday", null, "国庆节"),
            new CalendarDay("2026-10-11", "workday", null, "国庆调休"));
  }

  @Test
  void everyWrongCalendarFieldIsNamed() {
    Map<String, String> w = week("08:30-17:30", "");
    w.put("6", "12:00-09:00");
    assertThat(
            fields(
                () ->
                    SettingsRules.check(
                        new CalendarView(
                            w,
                            List.of(
                                new CalendarDay("2026-10-01", "holiday", "09:00-12:00", null),
                                new CalendarDay("2026-13-01", "feast", null, null),
                                new CalendarDay("2026-10-01", "workday", "9-5", "x".repeat(101))),
                            null))))
        .containsExactly(
            "weekdays.6",
            "days[0].hours",
            "days[1].day",
            "days[1].kind",
            "days[2].day",
            "days[2].hours",
            "days[2].name",
            "version");
  }

  @Test
  void aWeekWithoutWorkOrWithoutAllSevenDaysIsRefused() {
    assertThat(fields(() -> SettingsRules.check(new CalendarView(week("", ""), List.of(), 0))))
        .containsExactly("weekdays");
    Map<String, String> six = week("08:30-17:30", "");
    six.remove("7");
    assertThat(fields(() -> SettingsRules.check(new CalendarView(six, null, 0))))
        .containsExactly("weekdays");
    Map<String, String> eight = week("08:30-17:30", "");
    eight.put("8", "");
    assertThat(fields(() -> SettingsRules.check(new CalendarView(eight, null, 0))))
        .containsExactly("weekdays.8");
  }
}
