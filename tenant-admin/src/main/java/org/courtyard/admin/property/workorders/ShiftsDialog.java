package org.courtyard.admin.property.workorders;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.ui.Errors;

/**
 * A technician's shifts (排班) for today and the next six days in the company's zone, one line per
 * day with its shifts as {@code 08:00-17:00}, several separated by commas, an empty line a day off;
 * a shift whose end is not after its start ends the next day. Saving replaces that week's shifts;
 * the API's refusal of a day (a wrong time, two shifts overlapping) is shown at that day.
 */
final class ShiftsDialog extends Dialog {

  private static final Pattern SHIFT =
      Pattern.compile("\\s*(\\d{1,2}:\\d{2})\\s*[-–~]\\s*(\\d{1,2}:\\d{2})\\s*");

  private final WorkOrdersClient client;
  private final Technician technician;
  private final TechnicianDialog.Saved saved;
  private final Map<LocalDate, TextField> days = new LinkedHashMap<>();
  private Duty duty;

  ShiftsDialog(
      WorkOrdersClient client,
      Technician technician,
      boolean manage,
      TechnicianDialog.Saved saved) {
    this.client = client;
    this.technician = technician;
    this.saved = saved;
    setId("wo-shifts-dialog");
    setHeaderTitle(
        getTranslation("workorders.technicians.shiftsOf", TechniciansView.name(technician)));
    try {
      duty = client.duty(technician.userId());
    } catch (ApiProblem | ApiUnreachable e) {
      add(new Span(Refused.show(e)));
      getFooter().add(new Button(getTranslation("action.close"), x -> close()));
      return;
    }
    Span zone = new Span(getTranslation("workorders.technicians.zone", duty.timeZone()));
    zone.setId("wo-shifts-zone");
    add(zone);
    LocalDate from = LocalDate.parse(duty.from());
    LocalDate to = LocalDate.parse(duty.to());
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      String day = d.toString();
      TextField f = new TextField();
      f.setId("wo-shifts-" + day);
      f.setLabel(day + " " + d.getDayOfWeek().getDisplayName(TextStyle.SHORT, getLocale()));
      f.setPlaceholder(getTranslation("workorders.technicians.dayOff"));
      f.setValue(
          duty.shifts().stream()
              .filter(s -> day.equals(s.day()))
              .map(s -> s.from() + "-" + s.to())
              .collect(Collectors.joining(", ")));
      f.setReadOnly(!manage);
      f.setWidthFull();
      days.put(d, f);
      add(f);
    }
    Button close = new Button(getTranslation("action.cancel"), e -> close());
    getFooter().add(close);
    if (manage) {
      Button save = new Button(getTranslation("workorders.technicians.save"), e -> save());
      save.setId("wo-shifts-save");
      save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      getFooter().add(save);
    }
    setWidth("min(30em, 95vw)");
  }

  /** The week's shifts as typed; null (days marked) when a line cannot be read. */
  List<Duty.Shift> shifts() {
    List<Duty.Shift> out = new ArrayList<>();
    boolean ok = true;
    for (Map.Entry<LocalDate, TextField> e : days.entrySet()) {
      TextField f = e.getValue();
      f.setInvalid(false);
      String value = f.getValue() == null ? "" : f.getValue().strip();
      if (value.isEmpty()) {
        continue;
      }
      for (String part : value.split("[,，;]")) {
        Matcher m = SHIFT.matcher(part);
        if (!m.matches()) {
          f.setErrorMessage(getTranslation("workorders.technicians.shiftFormat"));
          f.setInvalid(true);
          ok = false;
          break;
        }
        out.add(new Duty.Shift(e.getKey().toString(), pad(m.group(1)), pad(m.group(2))));
      }
    }
    return ok ? out : null;
  }

  private static String pad(String hm) {
    return hm.length() == 4 ? "0" + hm : hm;
  }

  private void save() {
    List<Duty.Shift> shifts = shifts();
    if (shifts == null) {
      return;
    }
    try {
      client.setDuty(
          technician.userId(), LocalDate.parse(duty.from()), LocalDate.parse(duty.to()), shifts);
      Errors.success(
          getTranslation("workorders.technicians.shiftsSaved", TechniciansView.name(technician)));
      close();
      saved.after();
    } catch (ApiProblem p) {
      Refused.show(p);
      if (p.extensions().get("errors") instanceof List<?> errors) {
        for (Object o : errors) {
          if (o instanceof Map<?, ?> err && err.get("field") != null) {
            // shifts[i]...: mark the day of the i-th shift sent
            Matcher m = Pattern.compile("shifts\\[(\\d+)]").matcher(err.get("field").toString());
            if (m.find() && Integer.parseInt(m.group(1)) < shifts.size()) {
              TextField f =
                  days.get(LocalDate.parse(shifts.get(Integer.parseInt(m.group(1))).day()));
              f.setErrorMessage(String.valueOf(err.get("message")));
              f.setInvalid(true);
            }
          }
        }
      }
    } catch (ApiUnreachable e) {
      Errors.show(e);
    }
  }
}
