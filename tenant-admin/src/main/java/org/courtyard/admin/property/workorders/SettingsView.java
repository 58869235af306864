package org.courtyard.admin.property.workorders;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.ui.Errors;
import org.courtyard.admin.ui.Texts;

/**
 * The company's work-order rules (工单设置): the time zone deadlines count in, the share of the allowed
 * time after which an order is flagged, the days until a done order is confirmed automatically and
 * during which it can be reopened; and the working calendar the deadlines count in — the hours of
 * each weekday, public holidays and make-up working days (调休). Each part is saved with the version
 * it was read at, so a change made meanwhile is refused (409 {@code stale-version}, its detail
 * shown), not overwritten; a 422's field errors go on the fields.
 */
@Route(value = "workorders/settings", layout = PropertyLayout.class)
@PropertyScreen(
    order = 830,
    titleKey = "workorders.settings.title",
    icon = "COG",
    permission = WorkOrdersView.MANAGE)
public final class SettingsView extends VerticalLayout implements HasDynamicTitle {

  static final List<String> KINDS = List.of("holiday", "workday");

  private final TextField zone = new TextField();
  private final IntegerField warnPercent = new IntegerField();
  private final IntegerField confirmDays = new IntegerField();
  private final IntegerField reopenDays = new IntegerField();
  private final TextField makeupHours = new TextField();
  private final Map<String, TextField> weekdays = new LinkedHashMap<>();
  private final Grid<Rules.Day> days = new Grid<>();
  private final DatePicker day = new DatePicker();
  private final Select<String> kind = new Select<>();
  private final TextField dayHours = new TextField();
  private final TextField dayName = new TextField();
  private final List<Rules.Day> dayRows = new ArrayList<>();
  private Rules.Settings settings;
  private Rules.Calendar calendar;

  public SettingsView() {
    setId("wo-settings");
    add(new H2(getTranslation("workorders.settings.title")));

    zone.setId("wo-settings-zone");
    zone.setLabel(getTranslation("workorders.settings.zone"));
    zone.setHelperText("Asia/Shanghai");
    warnPercent.setId("wo-settings-warn");
    warnPercent.setLabel(getTranslation("workorders.settings.warnPercent"));
    warnPercent.setMin(1);
    warnPercent.setMax(100);
    confirmDays.setId("wo-settings-confirm");
    confirmDays.setLabel(getTranslation("workorders.settings.confirmDays"));
    confirmDays.setMin(0);
    confirmDays.setMax(90);
    reopenDays.setId("wo-settings-reopen");
    reopenDays.setLabel(getTranslation("workorders.settings.reopenDays"));
    reopenDays.setMin(0);
    reopenDays.setMax(365);
    makeupHours.setId("wo-settings-makeup");
    makeupHours.setLabel(getTranslation("workorders.settings.makeupHours"));
    makeupHours.setHelperText(getTranslation("workorders.settings.hours.help"));
    Button saveSettings = new Button(getTranslation("workorders.save"), e -> saveSettings());
    saveSettings.setId("wo-settings-save");
    saveSettings.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(new FormLayout(zone, warnPercent, confirmDays, reopenDays, makeupHours), saveSettings);

    add(new H3(getTranslation("workorders.calendar.title")));
    FormLayout week = new FormLayout();
    for (int d = 1; d <= 7; d++) {
      TextField hours = new TextField();
      hours.setId("wo-calendar-day-" + d);
      hours.setLabel(getTranslation("workorders.calendar.weekday." + d));
      hours.setPlaceholder(getTranslation("workorders.calendar.off"));
      weekdays.put(String.valueOf(d), hours);
      week.add(hours);
    }
    add(week);

    add(new H3(getTranslation("workorders.calendar.days")));
    day.setId("wo-calendar-date");
    day.setLabel(getTranslation("workorders.calendar.date"));
    kind.setId("wo-calendar-kind");
    kind.setLabel(getTranslation("workorders.calendar.kind"));
    kind.setItems(KINDS);
    kind.setItemLabelGenerator(k -> getTranslation("workorders.calendar.kind." + k));
    kind.setValue("holiday");
    dayHours.setId("wo-calendar-hours");
    dayHours.setLabel(getTranslation("workorders.calendar.hours"));
    dayName.setId("wo-calendar-name");
    dayName.setLabel(getTranslation("workorders.calendar.name"));
    Button addDay = new Button(getTranslation("workorders.calendar.add"), e -> addDay());
    addDay.setId("wo-calendar-add");
    HorizontalLayout dayBar = new HorizontalLayout(day, kind, dayHours, dayName, addDay);
    dayBar.setWrap(true);
    dayBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add(dayBar);
    days.setId("wo-calendar-days");
    days.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    days.setAllRowsVisible(true);
    days.addColumn(Rules.Day::day)
        .setKey("day")
        .setHeader(getTranslation("workorders.calendar.date"))
        .setAutoWidth(true);
    days.addColumn(d -> Texts.state("workorders.calendar.kind.", d.kind()))
        .setKey("kind")
        .setHeader(getTranslation("workorders.calendar.kind"))
        .setAutoWidth(true);
    days.addColumn(d -> d.hours() == null ? "" : d.hours())
        .setKey("hours")
        .setHeader(getTranslation("workorders.calendar.hours"))
        .setAutoWidth(true);
    days.addColumn(d -> d.name() == null ? "" : d.name())
        .setKey("name")
        .setHeader(getTranslation("workorders.calendar.name"))
        .setFlexGrow(1);
    days.addComponentColumn(
            d -> {
              Button remove =
                  new Button(
                      getTranslation("workorders.calendar.remove"),
                      e -> {
                        dayRows.remove(d);
                        days.setItems(dayRows);
                      });
              remove.setId("wo-calendar-remove-" + d.day());
              remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
              return remove;
            })
        .setKey("remove")
        .setAutoWidth(true);
    add(days);
    Button saveCalendar =
        new Button(getTranslation("workorders.calendar.save"), e -> saveCalendar());
    saveCalendar.setId("wo-calendar-save");
    saveCalendar.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(saveCalendar);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (PropertySession.signedIn()) {
      load();
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("workorders.settings.title");
  }

  private static WorkOrdersClient client() {
    return new WorkOrdersClient(PropertySession.api());
  }

  void load() {
    WorkOrdersClient client = client();
    try {
      showSettings(client.settings());
    } catch (ApiProblem | ApiUnreachable e) {
      Refused.show(e);
    }
    try {
      showCalendar(client.calendar());
    } catch (ApiProblem | ApiUnreachable e) {
      Refused.show(e);
    }
  }

  private void showSettings(Rules.Settings s) {
    settings = s;
    zone.setValue(s.timeZone() == null ? "" : s.timeZone());
    warnPercent.setValue(s.warnPercent());
    confirmDays.setValue(s.autoConfirmDays());
    reopenDays.setValue(s.reopenDays());
    makeupHours.setValue(s.makeupHours() == null ? "" : s.makeupHours());
    List<HasValidation> fields = List.of(zone, warnPercent, confirmDays, reopenDays, makeupHours);
    fields.forEach(f -> f.setInvalid(false));
  }

  private void showCalendar(Rules.Calendar c) {
    calendar = c;
    weekdays.forEach(
        (d, field) -> {
          field.setValue(c.weekdays().getOrDefault(d, ""));
          field.setInvalid(false);
        });
    dayRows.clear();
    dayRows.addAll(c.days());
    dayRows.sort(Comparator.comparing(Rules.Day::day));
    days.setItems(dayRows);
  }

  private void saveSettings() {
    if (settings == null) {
      return;
    }
    String hours = makeupHours.getValue().strip();
    Rules.Settings input =
        new Rules.Settings(
            zone.getValue().strip(),
            warnPercent.getValue(),
            confirmDays.getValue(),
            reopenDays.getValue(),
            hours.isEmpty() ? null : hours,
            settings.version());
    try {
      showSettings(client().saveSettings(input));
      Errors.success(getTranslation("workorders.settings.saved"));
    } catch (ApiProblem p) {
      Refused.show(p);
      Map<String, HasValidation> fields = new LinkedHashMap<>();
      fields.put("timeZone", zone);
      fields.put("warnPercent", warnPercent);
      fields.put("autoConfirmDays", confirmDays);
      fields.put("reopenDays", reopenDays);
      fields.put("makeupHours", makeupHours);
      Refused.mark(p, fields);
    } catch (ApiUnreachable e) {
      Errors.show(e);
    }
  }

  private void addDay() {
    day.setInvalid(day.getValue() == null);
    day.setErrorMessage(
        day.isInvalid() ? getTranslation("workorders.calendar.date.required") : null);
    if (day.isInvalid()) {
      return;
    }
    String date = day.getValue().toString();
    dayRows.removeIf(d -> d.day().equals(date));
    String hours = dayHours.getValue().strip();
    String name = dayName.getValue().strip();
    dayRows.add(
        new Rules.Day(
            date,
            kind.getValue(),
            "workday".equals(kind.getValue()) && !hours.isEmpty() ? hours : null,
            name.isEmpty() ? null : name));
    dayRows.sort(Comparator.comparing(Rules.Day::day));
    days.setItems(dayRows);
    day.clear();
    dayHours.clear();
    dayName.clear();
  }

  private void saveCalendar() {
    if (calendar == null) {
      return;
    }
    Map<String, String> week = new LinkedHashMap<>();
    weekdays.forEach((d, field) -> week.put(d, field.getValue().strip()));
    Rules.Calendar input = new Rules.Calendar(week, List.copyOf(dayRows), calendar.version());
    try {
      showCalendar(client().saveCalendar(input));
      Errors.success(getTranslation("workorders.calendar.saved"));
    } catch (ApiProblem p) {
      Refused.show(p);
      Map<String, HasValidation> fields = new LinkedHashMap<>();
      weekdays.forEach((d, field) -> fields.put("weekdays." + d, field));
      Refused.mark(p, fields);
    } catch (ApiUnreachable e) {
      Errors.show(e);
    }
  }
}
