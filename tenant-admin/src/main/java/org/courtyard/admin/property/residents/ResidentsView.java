package org.courtyard.admin.property.residents;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.property.CursorDataProvider;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.property.estate.EstateClient;
import org.courtyard.admin.property.estate.FormDialog;
import org.courtyard.admin.property.estate.Room;

/**
 * The residents screen (住户): one search box matched by the API against name, phone (its last
 * digits) and plate, and a room chosen estate → building → unit → room for the room's current
 * occupants; the persons found as a paged list whose names open the person's page. New persons are
 * added in a dialog that shows the API's field errors by their field.
 */
@Route(value = "residents", layout = PropertyLayout.class)
@PropertyScreen(
    order = 200,
    titleKey = "residents.title",
    icon = "USERS",
    permission = "residents.person.read")
public final class ResidentsView extends VerticalLayout implements HasDynamicTitle {

  private final TextField search = new TextField();
  private final Grid<Person> persons = new Grid<>();
  private final Button clearRoom = new Button();
  private final Button add = new Button();
  private RoomPicker room;
  private CursorDataProvider<Person> data;
  private ResidentsClient client;

  public ResidentsView() {
    setId("residents");
    add(new H2(getTranslation("residents.title")));

    search.setId("residents-q");
    search.setLabel(getTranslation("residents.search"));
    search.setPlaceholder(getTranslation("residents.search.placeholder"));
    search.setClearButtonVisible(true);
    search.setValueChangeMode(ValueChangeMode.LAZY);
    search.setWidth("22em");
    search.addValueChangeListener(e -> find());

    persons.setId("persons");
    persons.addThemeVariants(GridVariant.LUMO_COMPACT);
    persons
        .addComponentColumn(
            p -> {
              RouterLink link = new RouterLink(p.fullName(), PersonView.class, p.id());
              link.setId("person-" + p.id());
              return link;
            })
        .setHeader(getTranslation("residents.name"))
        .setFlexGrow(2);
    persons.addColumn(Person::phone).setHeader(getTranslation("residents.phone")).setFlexGrow(1);
    persons
        .addColumn(p -> idLabel(p.idType(), p.idNumber()))
        .setHeader(getTranslation("residents.id"))
        .setFlexGrow(1);
    persons.addColumn(Person::email).setHeader(getTranslation("residents.email")).setFlexGrow(1);
    persons.setWidthFull();
    persons.setHeight("28em");
    persons.getElement().setAttribute("aria-label", getTranslation("residents.found"));

    clearRoom.setText(getTranslation("residents.room.clear"));
    clearRoom.setId("residents-room-clear");
    add.setText(getTranslation("residents.person.new"));
    add.setId("person-new");
    add.addClickListener(e -> personDialog().open());
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (!PropertySession.signedIn() || client != null) {
      return;
    }
    client = new ResidentsClient(PropertySession.api());
    HorizontalLayout bar = new HorizontalLayout(search);
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    bar.setWrap(true);
    if (PropertySession.can("estate.room.read") && PropertySession.can("estate.estate.read")) {
      room = new RoomPicker("residents-room", new EstateClient(PropertySession.api()));
      room.onChosen(r -> find());
      clearRoom.addClickListener(e -> room.clear());
      bar.add(room, clearRoom);
      room.load();
    }
    add.setVisible(PropertySession.can("residents.person.create"));
    add(bar, add, persons);
    data = client.persons();
    data.bind(persons);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("residents.title");
  }

  /** Asks the API again with the search text and the chosen room. */
  private void find() {
    if (data == null) {
      return;
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("q", search.getValue());
    Room r = room == null ? null : room.value();
    f.put("roomId", r == null ? null : r.id());
    data.setFilter(f);
  }

  private String idLabel(String type, String number) {
    if (number == null || number.isBlank()) {
      return "";
    }
    return (type == null ? "" : getTranslation("residents.idType." + type) + " ") + number;
  }

  private FormDialog personDialog() {
    FormDialog d =
        new FormDialog(
            "person-dialog",
            getTranslation("residents.person.new"),
            getTranslation("residents.save"));
    TextField name = d.field("fullName", field("person-name", "residents.name"));
    name.setRequired(true);
    TextField phone = d.field("phone", field("person-phone", "residents.phone"));
    phone.setRequired(true);
    Select<String> idType = new Select<>();
    idType.setId("person-id-type");
    idType.setLabel(getTranslation("residents.idType"));
    idType.setItems(List.of("resident_id", "passport", "other"));
    idType.setItemLabelGenerator(t -> getTranslation("residents.idType." + t));
    idType.setValue("resident_id");
    d.field("idType", idType);
    TextField idNumber = d.field("idNumber", field("person-id-number", "residents.idNumber"));
    TextField email = d.field("email", field("person-email", "residents.email"));
    TextArea note = new TextArea(getTranslation("residents.note"));
    note.setId("person-note");
    d.field("note", note);
    PersonDetail[] created = new PersonDetail[1];
    d.onSend(
        () ->
            created[0] =
                client.createPerson(
                    name.getValue(),
                    phone.getValue(),
                    idNumber.getValue().isBlank() ? null : idType.getValue(),
                    idNumber.getValue(),
                    email.getValue(),
                    note.getValue()));
    d.onDone(() -> UI.getCurrent().navigate(PersonView.class, created[0].id()));
    return d;
  }

  private TextField field(String id, String key) {
    TextField f = new TextField(getTranslation(key));
    f.setId(id);
    return f;
  }

  // ------------------------------------------------------------------------------ for tests

  /** The persons the list shows now (first 100). */
  List<Person> listed() {
    return persons.getLazyDataView().getItems().limit(100).toList();
  }

  RoomPicker roomPicker() {
    return room;
  }
}
