package org.courtyard.admin.property.parking;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableRunnable;
import org.courtyard.admin.property.estate.FormDialog;
import org.courtyard.admin.ui.Errors;
import org.courtyard.admin.ui.Texts;

/**
 * A lot's entrances and exits, and adding one: a lane of a plate-reading camera registered in the
 * devices module becomes the lot's entry or exit, after which its reads are decided by the lot's
 * rules. A lane that is a gate already is refused at the lane, a camera that is not one of the
 * company's devices in the lot's estate at the device.
 */
final class GatesDialog {

  private GatesDialog() {}

  static void open(ParkingClient client, Lot lot) {
    UI ui = UI.getCurrent();
    Dialog dialog = new Dialog();
    dialog.setId("gates-dialog");
    dialog.setHeaderTitle(ui.getTranslation("parking.gates.title", lot.name()));
    dialog.setWidth("46em");
    Grid<Gate> grid = new Grid<>(Gate.class, false);
    grid.setId("gates-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.addColumn(Gate::name).setKey("name").setHeader(ui.getTranslation("parking.gates.name"));
    grid.addColumn(g -> Texts.state("parking.gates.direction.", g.direction()))
        .setKey("direction")
        .setHeader(ui.getTranslation("parking.gates.direction"));
    grid.addColumn(Gate::deviceId)
        .setKey("device")
        .setHeader(ui.getTranslation("parking.gates.device"));
    grid.addColumn(Gate::lane).setKey("lane").setHeader(ui.getTranslation("parking.gates.lane"));
    grid.setAllRowsVisible(true);
    Paragraph none = new Paragraph(ui.getTranslation("parking.gates.none"));
    none.setId("gates-none");
    SerializableRunnable load =
        () -> {
          try {
            var gates = client.gates(lot.id());
            grid.setItems(gates);
            none.setVisible(gates.isEmpty());
          } catch (RuntimeException e) {
            Errors.show(e);
          }
        };
    load.run();
    Button add = new Button(ui.getTranslation("parking.gates.add"), e -> add(client, lot, load));
    add.setId("gates-add");
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button close = new Button(ui.getTranslation("parking.close"), e -> dialog.close());
    close.setId("gates-close");
    dialog.add(none, grid);
    dialog.getFooter().add(close, add);
    dialog.open();
  }

  private static void add(ParkingClient client, Lot lot, SerializableRunnable reload) {
    UI ui = UI.getCurrent();
    FormDialog d =
        new FormDialog(
            "gate-dialog",
            ui.getTranslation("parking.gates.add.title", lot.name()),
            ui.getTranslation("parking.save"));
    TextField name = d.field("name", ReserveDialog.text(ui, "gate-name", "parking.gates.name"));
    Select<String> direction = new Select<>();
    direction.setId("gate-direction");
    direction.setLabel(ui.getTranslation("parking.gates.direction"));
    direction.setItems("entry", "exit");
    direction.setItemLabelGenerator(v -> Texts.state("parking.gates.direction.", v));
    direction.setValue("entry");
    d.field("direction", direction);
    TextField device =
        d.field("deviceId", ReserveDialog.text(ui, "gate-device", "parking.gates.device"));
    device.setHelperText(ui.getTranslation("parking.gates.device.help"));
    TextField lane = d.field("lane", ReserveDialog.text(ui, "gate-lane", "parking.gates.lane"));
    lane.setValue("1");
    lane.setHelperText(ui.getTranslation("parking.gates.lane.help"));
    d.conflictAt("device-not-found", "deviceId")
        .duplicateAt("lane")
        .onSend(
            () -> {
              Gate g =
                  client.addGate(
                      new Gate.Input(
                          lot.id(),
                          device.getValue(),
                          lane.getValue(),
                          direction.getValue(),
                          name.getValue()));
              Errors.success(ui.getTranslation("parking.gates.added", g.name(), lot.name()));
            })
        .onDone(reload);
    d.open();
    name.focus();
  }
}
