package org.courtyard.admin.property.estate;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.function.SerializableFunction;
import java.io.Serializable;
import java.util.List;

/**
 * The forms of the estate screen: an estate, a building, a unit, a room, each new or edited. A form
 * sends what was typed and lets the API judge it ({@link FormDialog} shows the field errors); on
 * success it hands the saved record to the screen, which shows it.
 */
final class PlaceForms implements Serializable {

  private static final long serialVersionUID = 1L;

  private final EstateClient client;
  private final Component host;

  /** {@code host} speaks the user's language for the forms. */
  PlaceForms(EstateClient client, Component host) {
    this.client = client;
    this.host = host;
  }

  FormDialog estate(Estate existing, SerializableConsumer<Estate> saved) {
    FormDialog d = dialog("estate-dialog", existing == null ? "estate.new" : "estate.edit");
    TextField code = d.field("code", text("estate-code", "estate.code", existing, Estate::code));
    TextField name = d.field("name", text("estate-name", "estate.name", existing, Estate::name));
    TextField address =
        d.field("address", text("estate-address", "estate.address", existing, Estate::address));
    code.setRequired(true);
    name.setRequired(true);
    d.duplicateAt("code");
    Estate[] done = new Estate[1];
    d.onSend(
        () ->
            done[0] =
                existing == null
                    ? client.createEstate(code.getValue(), name.getValue(), address.getValue())
                    : client.updateEstate(
                        existing, code.getValue(), name.getValue(), address.getValue()));
    d.onDone(() -> saved.accept(done[0]));
    return d;
  }

  FormDialog building(Estate in, Building existing, SerializableConsumer<Building> saved) {
    FormDialog d =
        dialog(
            "building-dialog", existing == null ? "estate.building.new" : "estate.building.edit");
    TextField code =
        d.field("code", text("building-code", "estate.code", existing, Building::code));
    TextField name =
        d.field("name", text("building-name", "estate.name", existing, Building::name));
    IntegerField floors = new IntegerField(tr("estate.building.floors"));
    floors.setId("building-floors");
    floors.setStepButtonsVisible(true);
    if (existing != null) {
      floors.setValue(existing.floors());
    }
    d.field("floors", floors);
    d.field("estateId", readOnly("building-estate", "estate.kind.estate", in.name()));
    d.duplicateAt("code");
    Building[] done = new Building[1];
    d.onSend(
        () ->
            done[0] =
                existing == null
                    ? client.createBuilding(
                        in.id(), code.getValue(), name.getValue(), floors.getValue())
                    : client.updateBuilding(
                        existing, code.getValue(), name.getValue(), floors.getValue()));
    d.onDone(() -> saved.accept(done[0]));
    return d;
  }

  FormDialog unit(PlaceNode building, Unit existing, SerializableConsumer<Unit> saved) {
    FormDialog d = dialog("unit-dialog", existing == null ? "estate.unit.new" : "estate.unit.edit");
    TextField code = d.field("code", text("unit-code", "estate.code", existing, Unit::code));
    TextField name = d.field("name", text("unit-name", "estate.name", existing, Unit::name));
    d.field("buildingId", readOnly("unit-building", "estate.kind.building", building.label()));
    d.duplicateAt("code");
    long buildingId = building.building().id();
    Unit[] done = new Unit[1];
    d.onSend(
        () ->
            done[0] =
                existing == null
                    ? client.createUnit(buildingId, code.getValue(), name.getValue())
                    : client.updateUnit(existing, code.getValue(), name.getValue()));
    d.onDone(() -> saved.accept(done[0]));
    return d;
  }

  /** A new room of {@code unit} (existing null), or an edit of {@code existing}. */
  FormDialog room(PlaceNode unit, Room existing, SerializableConsumer<Room> saved) {
    FormDialog d = dialog("room-dialog", existing == null ? "estate.room.new" : "estate.room.edit");
    TextField number =
        d.field("number", text("room-number", "estate.room.number", existing, Room::number));
    number.setRequired(true);
    IntegerField floor = new IntegerField(tr("estate.room.floor"));
    floor.setId("room-floor");
    floor.setStepButtonsVisible(true);
    BigDecimalField area = new BigDecimalField(tr("estate.room.area"));
    area.setId("room-area");
    Select<String> type = choice("room-type", "estate.room.type", Room.TYPES, this::typeLabel);
    Select<String> status =
        choice("room-status", "estate.room.status", Room.STATUSES, this::statusLabel);
    if (existing != null) {
      floor.setValue(existing.floor());
      area.setValue(existing.area());
      type.setValue(existing.type());
      status.setValue(existing.status());
    } else {
      type.setValue("residential");
      status.setValue("vacant");
    }
    d.field("floor", floor);
    d.field("area", area);
    d.field("type", type);
    d.field("status", status);
    if (existing == null) {
      d.field("unitId", readOnly("room-unit", "estate.kind.unit", unit.label()));
    }
    d.duplicateAt("number");
    Room[] done = new Room[1];
    d.onSend(
        () ->
            done[0] =
                existing == null
                    ? client.createRoom(
                        unit.unit().id(),
                        number.getValue(),
                        floor.getValue(),
                        area.getValue(),
                        type.getValue(),
                        status.getValue())
                    : client.updateRoom(
                        existing,
                        number.getValue(),
                        floor.getValue(),
                        area.getValue(),
                        type.getValue(),
                        status.getValue()));
    d.onDone(() -> saved.accept(done[0]));
    return d;
  }

  /** A room type in the user's language. */
  static String typeLabel(Component in, String type) {
    return type == null ? "" : in.getTranslation("estate.room.type." + type);
  }

  /** A room status in the user's language. */
  static String statusLabel(Component in, String status) {
    return status == null ? "" : in.getTranslation("estate.room.status." + status);
  }

  private String typeLabel(String type) {
    return typeLabel(host, type);
  }

  private String statusLabel(String status) {
    return statusLabel(host, status);
  }

  // ------------------------------------------------------------------------------ fields

  private FormDialog dialog(String id, String titleKey) {
    return new FormDialog(id, tr(titleKey), tr("estate.save"));
  }

  private <T> TextField text(
      String id, String key, T existing, SerializableFunction<T, String> value) {
    TextField f = new TextField(tr(key));
    f.setId(id);
    if (existing != null && value.apply(existing) != null) {
      f.setValue(value.apply(existing));
    }
    return f;
  }

  /** Where the new record goes: shown, not edited, and where the API's error about it appears. */
  private TextField readOnly(String id, String key, String value) {
    TextField f = new TextField(tr(key));
    f.setId(id);
    f.setValue(value == null ? "" : value);
    f.setReadOnly(true);
    return f;
  }

  private Select<String> choice(
      String id, String key, List<String> values, SerializableFunction<String, String> label) {
    Select<String> s = new Select<>();
    s.setId(id);
    s.setLabel(tr(key));
    s.setItems(values);
    s.setItemLabelGenerator(label::apply);
    return s;
  }

  private String tr(String key, Object... parameters) {
    return host.getTranslation(key, parameters);
  }
}
