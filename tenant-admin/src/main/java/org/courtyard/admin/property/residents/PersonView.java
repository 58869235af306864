package org.courtyard.admin.property.residents;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.CursorDataProvider;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.property.estate.EstateClient;
import org.courtyard.admin.property.estate.FormDialog;
import org.courtyard.admin.property.estate.Reach;
import org.courtyard.admin.property.estate.Refusals;
import org.courtyard.admin.ui.Errors;

/**
 * A person's page (住户详情), reached from the residents list: their details in full, the rooms they
 * own, rent or live in with the owners' shares, with a switch to the history (moved out, and
 * vehicles taken off the register), their vehicles, and the move-in and move-out actions, each
 * offered where the user's permission and scope allow it.
 */
@Route(value = "residents/person", layout = PropertyLayout.class)
@PropertyScreen(
    order = 201,
    titleKey = "residents.person.title",
    permission = "residents.person.read",
    menu = false)
public final class PersonView extends VerticalLayout
    implements HasUrlParameter<Long>, HasDynamicTitle {

  private final H2 title = new H2();
  private final Div details = new Div();
  private final Paragraph shares = new Paragraph();
  private final Checkbox history = new Checkbox();
  private final Grid<Occupancy> rooms = new Grid<>();
  private final Grid<Vehicle> vehicles = new Grid<>();
  private final Button moveIn = new Button();
  private final H3 vehiclesTitle = new H3();

  private ResidentsClient client;
  private EstateClient estates;
  private CursorDataProvider<Occupancy> roomData;
  private CursorDataProvider<Vehicle> vehicleData;
  private PersonDetail person;

  public PersonView() {
    setId("person");
    RouterLink back = new RouterLink(getTranslation("residents.back"), ResidentsView.class);
    back.setId("person-back");
    title.setId("person-name");
    details.setId("person-details");
    shares.setId("person-shares");
    history.setId("person-history");
    history.setLabel(getTranslation("residents.history"));
    history.addValueChangeListener(e -> refresh());
    moveIn.setId("person-move-in");
    moveIn.setText(getTranslation("residents.moveIn"));
    moveIn.addClickListener(e -> moveInDialog().open());

    rooms.setId("person-rooms");
    rooms.addThemeVariants(GridVariant.LUMO_COMPACT);
    rooms.addColumn(Occupancy::room).setHeader(getTranslation("residents.room")).setFlexGrow(3);
    rooms
        .addColumn(o -> getTranslation("residents.role." + o.role()))
        .setHeader(getTranslation("residents.role"))
        .setAutoWidth(true);
    rooms
        .addColumn(o -> percent(o.sharePercent()))
        .setHeader(getTranslation("residents.share"))
        .setAutoWidth(true);
    rooms
        .addColumn(o -> date(o.moveIn()))
        .setHeader(getTranslation("residents.moveIn.date"))
        .setAutoWidth(true);
    rooms
        .addColumn(o -> date(o.moveOut()))
        .setHeader(getTranslation("residents.moveOut.date"))
        .setAutoWidth(true);
    rooms
        .addComponentColumn(this::moveOutButton)
        .setKey("moveOut")
        .setAutoWidth(true)
        .setFlexGrow(0);
    rooms.setWidthFull();
    rooms.setHeight("16em");
    rooms.getElement().setAttribute("aria-label", getTranslation("residents.rooms"));

    vehicles.setId("person-vehicles");
    vehicles.addThemeVariants(GridVariant.LUMO_COMPACT);
    vehicles.addColumn(Vehicle::plate).setHeader(getTranslation("residents.plate"));
    vehicles.addColumn(Vehicle::color).setHeader(getTranslation("residents.color"));
    vehicles
        .addColumn(v -> date(v.createdAt()))
        .setHeader(getTranslation("residents.vehicle.since"));
    vehicles
        .addColumn(v -> date(v.removedAt()))
        .setHeader(getTranslation("residents.vehicle.removed"));
    vehicles.setWidthFull();
    vehicles.setHeight("12em");
    vehiclesTitle.setText(getTranslation("residents.vehicles"));

    HorizontalLayout roomBar = new HorizontalLayout(history, moveIn);
    roomBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add(back, title, details, new H3(getTranslation("residents.rooms")), shares, roomBar, rooms);
    add(vehiclesTitle, vehicles);
  }

  @Override
  public void setParameter(BeforeEvent event, Long id) {
    if (!PropertySession.signedIn() || !PropertySession.can("residents.person.read")) {
      return;
    }
    client = new ResidentsClient(PropertySession.api());
    estates = new EstateClient(PropertySession.api());
    try {
      person = client.person(id);
    } catch (ApiProblem | ApiUnreachable e) {
      title.setText(getTranslation("residents.person.title"));
      Refusals.show(this, e);
      rooms.setVisible(false);
      vehicles.setVisible(false);
      vehiclesTitle.setVisible(false);
      moveIn.setVisible(false);
      history.setVisible(false);
      return;
    }
    title.setText(person.fullName());
    showDetails();
    moveIn.setVisible(PropertySession.can("residents.occupancy.create"));
    if (PropertySession.can("residents.occupancy.read")) {
      roomData = client.occupancies(id);
      roomData.bind(rooms);
    } else {
      rooms.setVisible(false);
      history.setVisible(false);
    }
    if (PropertySession.can("residents.vehicle.read")) {
      vehicleData = client.vehicles(id);
      vehicleData.bind(vehicles);
    } else {
      vehicles.setVisible(false);
      vehiclesTitle.setVisible(false);
    }
    showShares();
  }

  @Override
  public String getPageTitle() {
    return person == null ? getTranslation("residents.person.title") : person.fullName();
  }

  private void showDetails() {
    details.removeAll();
    line("residents.phone", person.phone());
    if (person.idNumber() != null) {
      line(
          "residents.id",
          getTranslation("residents.idType." + person.idType()) + " " + person.idNumber());
    }
    line("residents.email", person.email());
    line("residents.note", person.note());
  }

  private void line(String key, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    Div row = new Div();
    Span label = new Span(getTranslation(key) + ": ");
    label.getStyle().set("color", "var(--lumo-secondary-text-color)");
    row.add(label, new Span(value));
    details.add(row);
  }

  /** The rooms the person owns now, with their shares. */
  private void showShares() {
    if (roomData == null) {
      shares.setVisible(false);
      return;
    }
    List<String> owned = new ArrayList<>();
    try {
      for (Occupancy o :
          client.occupanciesPage(person.id(), CursorDataProvider.DEFAULT_PAGE_SIZE)) {
        if (o.current() && "owner".equals(o.role())) {
          owned.add(
              o.room()
                  + (o.sharePercent() == null
                      ? " " + getTranslation("residents.share.joint")
                      : " " + percent(o.sharePercent())));
        }
      }
    } catch (ApiProblem | ApiUnreachable e) {
      Refusals.show(this, e);
    }
    shares.setText(
        owned.isEmpty()
            ? getTranslation("residents.owns.none")
            : getTranslation("residents.owns", String.join("; ", owned)));
    shares.setVisible(true);
  }

  private void refresh() {
    Map<String, Object> f = Map.of("history", history.getValue() ? "true" : "");
    if (roomData != null) {
      roomData.setFilter(f);
    }
    if (vehicleData != null) {
      vehicleData.setFilter(f);
    }
  }

  private void changed() {
    refresh();
    showShares();
  }

  // ------------------------------------------------------------------------------ move in/out

  private Button moveOutButton(Occupancy o) {
    Button b = new Button(getTranslation("residents.moveOut"));
    b.setId("move-out-" + o.id());
    b.addThemeVariants(ButtonVariant.LUMO_SMALL);
    // a room not yet placed (-1) is the whole company's to end, as on the platform
    b.setVisible(
        o.current()
            && Reach.building(
                "residents.occupancy.end",
                o.estateId() == null ? -1 : o.estateId(),
                o.buildingId() == null ? -1 : o.buildingId()));
    b.addClickListener(e -> moveOutDialog(o).open());
    return b;
  }

  private FormDialog moveInDialog() {
    FormDialog d =
        new FormDialog(
            "move-in-dialog",
            getTranslation("residents.moveIn.title", person.fullName()),
            getTranslation("residents.moveIn"));
    RoomPicker room = new RoomPicker("move-in-room", estates).load();
    d.field("roomId", room);
    Select<String> role = new Select<>();
    role.setId("move-in-role");
    role.setLabel(getTranslation("residents.role"));
    role.setItems(Occupancy.ROLES);
    role.setItemLabelGenerator(r -> getTranslation("residents.role." + r));
    role.setValue("owner");
    d.field("role", role);
    BigDecimalField share = new BigDecimalField(getTranslation("residents.share"));
    share.setId("move-in-share");
    share.setHelperText(getTranslation("residents.share.help"));
    d.field("sharePercent", share);
    role.addValueChangeListener(
        e -> {
          share.setEnabled("owner".equals(e.getValue()));
          if (!"owner".equals(e.getValue())) {
            share.clear();
          }
        });
    DatePicker date = new DatePicker(getTranslation("residents.moveIn.date"));
    date.setId("move-in-date");
    date.setLocale(getLocale());
    date.setValue(LocalDate.now());
    d.field("moveIn", date);
    d.conflictAt("share-exceeded", "sharePercent");
    d.onSend(
        () ->
            client.moveIn(
                person.id(),
                room.value() == null ? null : room.value().id(),
                role.getValue(),
                share.getValue(),
                date.getValue()));
    d.onDone(
        () -> {
          Errors.success(getTranslation("residents.movedIn", person.fullName(), room.label()));
          changed();
        });
    return d;
  }

  private FormDialog moveOutDialog(Occupancy o) {
    FormDialog d =
        new FormDialog(
            "move-out-dialog",
            getTranslation(
                "residents.moveOut.title",
                person.fullName(),
                o.room(),
                getTranslation("residents.role." + o.role())),
            getTranslation("residents.moveOut"));
    DatePicker date = new DatePicker(getTranslation("residents.moveOut.date"));
    date.setId("move-out-date");
    date.setLocale(getLocale());
    date.setValue(LocalDate.now());
    d.field("moveOut", date);
    d.onSend(() -> client.moveOut(o.id(), date.getValue()));
    d.onDone(
        () -> {
          Errors.success(getTranslation("residents.movedOut", o.room()));
          changed();
        });
    return d;
  }

  // ------------------------------------------------------------------------------ formats

  private String percent(BigDecimal p) {
    if (p == null) {
      return "";
    }
    NumberFormat f = NumberFormat.getNumberInstance(numbers());
    f.setMaximumFractionDigits(2);
    return f.format(p) + "%";
  }

  private String date(LocalDate d) {
    return d == null
        ? ""
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(numbers()).format(d);
  }

  private String date(Instant i) {
    return i == null ? "" : date(LocalDate.ofInstant(i, ZoneId.systemDefault()));
  }

  private Locale numbers() {
    return "zh".equals(getLocale().getLanguage()) ? Locale.CHINA : Locale.US;
  }

  // ------------------------------------------------------------------------------ for tests

  String detailsText() {
    return details.getElement().getTextRecursively();
  }

  String sharesText() {
    return shares.isVisible() ? shares.getText() : "";
  }

  List<Occupancy> listedRooms() {
    return rooms.getLazyDataView().getItems().limit(100).toList();
  }

  List<Vehicle> listedVehicles() {
    return vehicles.getLazyDataView().getItems().limit(100).toList();
  }

  String roomLabel(Occupancy o) {
    return o.room();
  }
}
