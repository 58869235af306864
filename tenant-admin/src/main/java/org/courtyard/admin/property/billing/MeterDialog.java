package org.courtyard.admin.property.billing;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.ui.Errors;
import org.courtyard.admin.ui.Texts;

/**
 * Adds a meter to a room: its type, the serial on it (unique in the company) and when it went in.
 */
final class MeterDialog extends Dialog {

  /** Told the meter as created. */
  @FunctionalInterface
  interface Created extends Consumer<Meter>, Serializable {}

  private final TextField room = new TextField();
  private final Select<String> type = new Select<>();
  private final TextField serial = new TextField();
  private final DatePicker installed = new DatePicker();

  MeterDialog(Created created) {
    setHeaderTitle(getTranslation("billing.meters.new"));
    room.setId("meter-room");
    room.setLabel(getTranslation("billing.room"));
    room.setHelperText(getTranslation("billing.room.help"));
    room.setAllowedCharPattern("[0-9]");
    room.setRequiredIndicatorVisible(true);
    type.setId("meter-type");
    type.setLabel(getTranslation("billing.meter.type"));
    type.setItems(MetersView.TYPES);
    type.setItemLabelGenerator(t -> Texts.state("billing.fee.meter.", t));
    type.setValue("water");
    serial.setId("meter-serial");
    serial.setLabel(getTranslation("billing.meter.serial"));
    serial.setRequiredIndicatorVisible(true);
    serial.setMaxLength(64);
    installed.setId("meter-installed");
    installed.setLabel(getTranslation("billing.meter.installed"));
    installed.setValue(LocalDate.now());
    installed.setRequiredIndicatorVisible(true);
    add(new FormLayout(room, type, serial, installed));
    Button save =
        new Button(
            getTranslation("billing.fees.save"),
            e -> {
              Meter meter = save();
              if (meter != null) {
                close();
                created.accept(meter);
              }
            });
    save.setId("meter-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button cancel = new Button(getTranslation("billing.fees.cancel"), e -> close());
    getFooter().add(cancel, save);
    setCloseOnEsc(true);
  }

  private Meter save() {
    String r = room.getValue().strip();
    room.setInvalid(!r.matches("[1-9]\\d{0,17}"));
    room.setErrorMessage(room.isInvalid() ? getTranslation("billing.room.invalid") : null);
    serial.setInvalid(serial.getValue().isBlank());
    serial.setErrorMessage(
        serial.isInvalid() ? getTranslation("billing.meter.serial.required") : null);
    if (room.isInvalid() || serial.isInvalid() || installed.getValue() == null) {
      installed.setInvalid(installed.getValue() == null);
      return null;
    }
    try {
      Meter m =
          new BillingClient(PropertySession.api())
              .createMeter(
                  Long.parseLong(r),
                  type.getValue(),
                  serial.getValue().strip(),
                  installed.getValue());
      Errors.success(getTranslation("billing.meters.created", m.serial()));
      return m;
    } catch (ApiProblem p) {
      Map<String, HasValidation> fields = new LinkedHashMap<>();
      fields.put("roomId", room);
      fields.put("type", type);
      fields.put("serial", serial);
      fields.put("installedAt", installed);
      if ("duplicate".equals(p.shortType())) {
        serial.setErrorMessage(p.detail());
        serial.setInvalid(true);
      } else {
        FieldProblems.mark(p, fields);
      }
      Errors.show(p);
    } catch (ApiUnreachable e) {
      Errors.show(e);
    }
    return null;
  }
}
