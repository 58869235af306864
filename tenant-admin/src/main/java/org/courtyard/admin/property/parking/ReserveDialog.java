package org.courtyard.admin.property.parking;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.courtyard.admin.api.TenantApi;
import org.courtyard.admin.property.estate.FormDialog;
import org.courtyard.admin.ui.Errors;

/**
 * Reserves a visitor space for a slot (the next whole hour, for two hours, unless changed), for a
 * visitor and, optionally, their plate (the entrance camera then lets them in) and the minutes the
 * space waits for them. One key per dialog, so a second click or a retry reserves once.
 */
final class ReserveDialog {

  private ReserveDialog() {}

  static void open(ParkingClient client, Space s) {
    UI ui = UI.getCurrent();
    String key = TenantApi.newIdempotencyKey();
    FormDialog d =
        new FormDialog(
            "reserve-dialog",
            ui.getTranslation("parking.reserve.title", s.number()),
            ui.getTranslation("parking.reserve"));
    LocalDateTime start =
        LocalDateTime.now(ReservationsView.ZONE).truncatedTo(ChronoUnit.HOURS).plusHours(1);
    DateTimePicker from = new DateTimePicker(ui.getTranslation("parking.reserve.from"));
    from.setId("reserve-from");
    from.setValue(start);
    d.field("from", from);
    DateTimePicker to = new DateTimePicker(ui.getTranslation("parking.reserve.to"));
    to.setId("reserve-to");
    to.setValue(start.plusHours(2));
    d.field("to", to);
    TextField holder = d.field("holderName", text(ui, "reserve-holder", "parking.reserve.holder"));
    TextField phone = d.field("holderPhone", text(ui, "reserve-phone", "parking.lease.phone"));
    TextField plate = d.field("plate", text(ui, "reserve-plate", "parking.reserve.plate"));
    plate.setHelperText(ui.getTranslation("parking.reserve.plate.help"));
    IntegerField wait = new IntegerField(ui.getTranslation("parking.reserve.wait"));
    wait.setId("reserve-wait");
    wait.setValue(30);
    wait.setStepButtonsVisible(true);
    d.field("noShowMinutes", wait);
    d.conflictAt("space-taken", "from")
        .onSend(
            () -> {
              Booking b =
                  client.reserve(
                      new Booking.ReservationInput(
                          s.id(),
                          ReservationsView.instant(from.getValue()),
                          ReservationsView.instant(to.getValue()),
                          holder.getValue(),
                          phone.getValue(),
                          null,
                          plate.getValue(),
                          wait.getValue()),
                      key);
              Errors.success(
                  ui.getTranslation(
                      "parking.reserved", s.number(), b.holderName(), ReservationsView.slot(b)));
            });
    d.open();
    holder.focus();
  }

  /** A text field of the parking dialogs, labelled by {@code labelKey}. */
  static TextField text(UI ui, String id, String labelKey) {
    TextField f = new TextField(ui.getTranslation(labelKey));
    f.setId(id);
    return f;
  }
}
