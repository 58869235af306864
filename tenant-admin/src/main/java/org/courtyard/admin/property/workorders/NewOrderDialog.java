package org.courtyard.admin.property.workorders;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.api.TenantApi;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.property.estate.Estate;
import org.courtyard.admin.property.estate.EstateClient;
import org.courtyard.admin.property.estate.EstateTree;
import org.courtyard.admin.property.estate.Room;
import org.courtyard.admin.property.residents.RoomPicker;
import org.courtyard.admin.ui.Errors;

/**
 * Records a work order as customer service takes it: category, priority, where (a room, chosen
 * estate → building → unit → room, or a public place of an estate, optionally of one building), how
 * it came in (phone, counter, visit, inspection), who to call back and what is wrong. The
 * Idempotency-Key is made when the dialog opens, so a double click or a retry records one order.
 */
final class NewOrderDialog extends Dialog {

  static final String ROOM = "room";
  static final String PLACE = "place";

  /** Told the order as recorded. */
  @FunctionalInterface
  interface Created extends Consumer<Order>, Serializable {}

  private final WorkOrdersClient client;
  private final Created created;
  private final String key = TenantApi.newIdempotencyKey();
  private final Select<Category> category = new Select<>();
  private final Select<String> priority = new Select<>();
  private final RadioButtonGroup<String> where = new RadioButtonGroup<>();
  private final RoomPicker room;
  private final Select<Estate> estate = new Select<>();
  private final Select<EstateTree.BuildingNode> building = new Select<>();
  private final TextField place = new TextField();
  private final HorizontalLayout placeRow;
  private final Select<String> channel = new Select<>();
  private final TextField contactName = new TextField();
  private final TextField contactPhone = new TextField();
  private final TextArea description = new TextArea();

  NewOrderDialog(
      WorkOrdersClient client, List<Category> categories, List<Estate> estates, Created created) {
    this.client = client;
    this.created = created;
    setId("wo-new-dialog");
    setHeaderTitle(getTranslation("workorders.new"));

    category.setId("wo-new-category");
    category.setLabel(getTranslation("workorders.category"));
    category.setItems(categories);
    category.setItemLabelGenerator(c -> c.name(getLocale()));
    category.setRequiredIndicatorVisible(true);
    priority.setId("wo-new-priority");
    priority.setLabel(getTranslation("workorders.priority"));
    priority.setItems(OrderWords.PRIORITIES);
    priority.setItemLabelGenerator(OrderWords::priority);
    priority.setValue("normal");

    where.setId("wo-new-where");
    where.setLabel(getTranslation("workorders.new.where"));
    where.setItems(ROOM, PLACE);
    where.setItemLabelGenerator(w -> getTranslation("workorders.new.where." + w));
    where.setValue(ROOM);
    room = new RoomPicker("wo-new-room", new EstateClient(PropertySession.api()));
    estate.setId("wo-new-estate");
    estate.setLabel(getTranslation("workorders.estate"));
    estate.setItems(estates);
    estate.setItemLabelGenerator(Estate::name);
    estate.addValueChangeListener(e -> estateChosen(e.getValue()));
    building.setId("wo-new-building");
    building.setLabel(getTranslation("workorders.new.building"));
    building.setItemLabelGenerator(
        b -> b == null ? getTranslation("workorders.new.building.any") : b.building().name());
    building.setEmptySelectionAllowed(true);
    building.setEmptySelectionCaption(getTranslation("workorders.new.building.any"));
    building.setEnabled(false);
    place.setId("wo-new-place");
    place.setLabel(getTranslation("workorders.place"));
    place.setPlaceholder(getTranslation("workorders.new.place.example"));
    place.setMaxLength(200);
    placeRow = new HorizontalLayout(estate, building, place);
    placeRow.setPadding(false);
    placeRow.setWrap(true);
    where.addValueChangeListener(e -> whereChosen());

    channel.setId("wo-new-channel");
    channel.setLabel(getTranslation("workorders.channel"));
    channel.setItems(OrderWords.CHANNELS);
    channel.setItemLabelGenerator(c -> getTranslation("workorders.channel." + c));
    channel.setValue("phone");
    contactName.setId("wo-new-contact-name");
    contactName.setLabel(getTranslation("workorders.contactName"));
    contactName.setMaxLength(100);
    contactPhone.setId("wo-new-contact-phone");
    contactPhone.setLabel(getTranslation("workorders.contactPhone"));
    contactPhone.setMaxLength(40);
    description.setId("wo-new-description");
    description.setLabel(getTranslation("workorders.description"));
    description.setRequiredIndicatorVisible(true);
    description.setMaxLength(2000);
    description.setWidthFull();

    FormLayout form = new FormLayout(category, priority, channel, contactName, contactPhone);
    add(form, where, room, placeRow, description);
    whereChosen();

    Button save = new Button(getTranslation("workorders.new.save"), e -> save());
    save.setId("wo-new-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button cancel = new Button(getTranslation("action.cancel"), e -> close());
    cancel.setId("wo-new-cancel");
    getFooter().add(cancel, save);
    setWidth("min(56em, 95vw)");
  }

  private void whereChosen() {
    boolean inRoom = ROOM.equals(where.getValue());
    room.setVisible(inRoom);
    placeRow.setVisible(!inRoom);
    if (inRoom) {
      room.load();
    }
  }

  private void estateChosen(Estate e) {
    building.clear();
    building.setItems(List.of());
    building.setEnabled(false);
    if (e == null) {
      return;
    }
    try {
      building.setItems(new EstateClient(PropertySession.api()).tree(e.id()).buildings());
      building.setEnabled(true);
    } catch (ApiProblem | ApiUnreachable x) {
      Refused.show(x);
    }
  }

  /** The body for {@code POST /orders}; null (fields marked) while something needed is missing. */
  Order.Input input() {
    boolean ok = true;
    category.setInvalid(category.getValue() == null);
    category.setErrorMessage(
        category.isInvalid() ? getTranslation("workorders.new.category.required") : null);
    ok &= !category.isInvalid();
    String text = description.getValue().strip();
    description.setInvalid(text.isEmpty());
    description.setErrorMessage(
        text.isEmpty() ? getTranslation("workorders.new.description.required") : null);
    ok &= !text.isEmpty();
    boolean inRoom = ROOM.equals(where.getValue());
    Room r = room.value();
    if (inRoom) {
      room.setInvalid(r == null);
      room.setErrorMessage(r == null ? getTranslation("workorders.new.room.required") : null);
      ok &= r != null;
    } else {
      estate.setInvalid(estate.getValue() == null);
      estate.setErrorMessage(
          estate.isInvalid() ? getTranslation("workorders.new.estate.required") : null);
      String p = place.getValue().strip();
      place.setInvalid(p.isEmpty());
      place.setErrorMessage(p.isEmpty() ? getTranslation("workorders.new.place.required") : null);
      ok &= estate.getValue() != null && !p.isEmpty();
    }
    if (!ok) {
      return null;
    }
    return new Order.Input(
        category.getValue().id(),
        priority.getValue(),
        text,
        inRoom ? r.id() : null,
        inRoom ? null : estate.getValue().id(),
        inRoom || building.getValue() == null ? null : building.getValue().building().id(),
        inRoom ? null : place.getValue().strip(),
        channel.getValue(),
        null,
        blankToNull(contactName.getValue()),
        blankToNull(contactPhone.getValue()));
  }

  private void save() {
    Order.Input input = input();
    if (input == null) {
      return;
    }
    try {
      Order o = client.create(input, key);
      Errors.success(getTranslation("workorders.new.saved", o.number()));
      close();
      created.accept(o);
    } catch (ApiProblem p) {
      Map<String, HasValidation> fields = new LinkedHashMap<>();
      fields.put("categoryId", category);
      fields.put("priority", priority);
      fields.put("description", description);
      fields.put("roomId", room);
      fields.put("estateId", estate);
      fields.put("buildingId", building);
      fields.put("place", place);
      fields.put("channel", channel);
      fields.put("contactName", contactName);
      fields.put("contactPhone", contactPhone);
      Refused.mark(p, fields);
      Refused.show(p);
    } catch (ApiUnreachable e) {
      Errors.show(e);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
