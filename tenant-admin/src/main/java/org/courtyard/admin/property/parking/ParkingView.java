package org.courtyard.admin.property.parking;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.courtyard.admin.api.TenantApi;
import org.courtyard.admin.property.CursorDataProvider;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.property.billing.RoomByNumber;
import org.courtyard.admin.property.estate.FormDialog;
import org.courtyard.admin.ui.Errors;
import org.courtyard.admin.ui.Texts;

/**
 * Parking lots and their spaces (车位): pick a lot to see its spaces with their kind, level and
 * state; managers add lots and numbered ranges of spaces, and whoever may lease leases a space from
 * a row. A space already leased for the months asked is refused with the period that holds it,
 * shown at the start date.
 */
@Route(value = "parking", layout = PropertyLayout.class)
@PropertyScreen(
    order = 900,
    titleKey = "parking.title",
    icon = "CAR",
    permission = ParkingView.READ)
public final class ParkingView extends VerticalLayout implements HasDynamicTitle {

  static final String READ = "parking.lot.read";
  static final String MANAGE = "parking.lot.manage";
  static final String LEASE = "parking.booking.create";

  private final Select<Lot> lot = new Select<>();
  private final HorizontalLayout actions = new HorizontalLayout();
  private final Paragraph empty = new Paragraph();
  private final Grid<Space> grid = new Grid<>(Space.class, false);
  private final Tab listTab = new Tab();
  private final Tab mapTab = new Tab();
  private final Tabs view = new Tabs();
  private ParkingClient client;
  private CursorDataProvider<Space> spaces;
  private LotMapPanel map;

  public ParkingView() {
    setId("parking");
    setSizeFull();
    add(new H2(getTranslation("parking.title")));
    lot.setId("parking-lot");
    lot.setLabel(getTranslation("parking.lot"));
    lot.setItemLabelGenerator(
        l ->
            getTranslation(
                "parking.lot.label",
                l.code(),
                l.name(),
                PropertySession.estateNames().getOrDefault(l.estateId(), "#" + l.estateId()),
                l.spaces()));
    lot.addValueChangeListener(e -> showSpaces());
    HorizontalLayout bar = new HorizontalLayout(lot, actions);
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add(bar);
    empty.setId("parking-empty");
    empty.setText(getTranslation("parking.empty"));
    empty.setVisible(false);
    add(empty);
    listTab.setLabel(getTranslation("parking.view.list"));
    listTab.setId("parking-view-list");
    mapTab.setLabel(getTranslation("parking.view.map"));
    mapTab.setId("parking-view-map");
    view.add(listTab, mapTab);
    view.setId("parking-view");
    view.addSelectedChangeListener(e -> showSpaces());
    add(view);

    grid.setId("parking-spaces");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.addColumn(Space::number)
        .setKey("number")
        .setHeader(getTranslation("parking.space.number"))
        .setAutoWidth(true);
    grid.addColumn(s -> Texts.state("parking.kind.", s.kind()))
        .setKey("kind")
        .setHeader(getTranslation("parking.space.kind"))
        .setAutoWidth(true);
    grid.addColumn(s -> level(s.level()))
        .setKey("level")
        .setHeader(getTranslation("parking.space.level"))
        .setAutoWidth(true);
    grid.addColumn(s -> Texts.state("parking.size.", s.size()))
        .setKey("size")
        .setHeader(getTranslation("parking.space.size"))
        .setAutoWidth(true);
    grid.addColumn(s -> Texts.state("parking.state.", s.state()))
        .setKey("state")
        .setHeader(getTranslation("parking.space.state"))
        .setPartNameGenerator(s -> "in_service".equals(s.state()) ? null : "refused")
        .setAutoWidth(true);
    grid.addColumn(s -> s.ownerName() == null ? "" : s.ownerName())
        .setKey("owner")
        .setHeader(getTranslation("parking.space.owner"))
        .setAutoWidth(true);
    grid.addComponentColumn(this::rowActions).setKey("actions").setFlexGrow(1);
    add(grid);
    setFlexGrow(1, grid);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (!PropertySession.signedIn() || client != null) {
      return;
    }
    client = new ParkingClient(PropertySession.api());
    if (PropertySession.can(MANAGE)) {
      Button newLot = new Button(getTranslation("parking.lot.new"), e -> newLot());
      newLot.setId("parking-new-lot");
      Button addSpaces = new Button(getTranslation("parking.spaces.add"), e -> addSpaces());
      addSpaces.setId("parking-add-spaces");
      addSpaces.setEnabled(false);
      Button tariff = new Button(getTranslation("parking.tariff"), e -> tariff());
      tariff.setId("parking-tariff");
      tariff.setEnabled(false);
      Button gates =
          new Button(
              getTranslation("parking.gates"), e -> GatesDialog.open(client, lot.getValue()));
      gates.setId("parking-gates");
      gates.setEnabled(false);
      Button importSpaces =
          new Button(
              getTranslation("parking.import"),
              e -> {
                Lot chosen = lot.getValue();
                new SpaceImportDialog(client, chosen)
                    .onImported(() -> loadLots(chosen.id()))
                    .open();
              });
      importSpaces.setId("parking-import");
      importSpaces.setEnabled(false);
      lot.addValueChangeListener(
          e -> {
            addSpaces.setEnabled(e.getValue() != null);
            tariff.setEnabled(e.getValue() != null);
            gates.setEnabled(e.getValue() != null);
            importSpaces.setEnabled(e.getValue() != null);
          });
      actions.add(newLot, addSpaces, importSpaces, tariff, gates);
    }
    spaces = client.spaces();
    spaces.setFilter(Map.of("lotId", -1));
    spaces.bind(grid);
    map = new LotMapPanel(client);
    map.setVisible(false);
    addComponentAtIndex(indexOf(grid) + 1, map);
    setFlexGrow(1, map);
    loadLots(null);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("parking.title");
  }

  private void loadLots(Long select) {
    List<Lot> lots;
    try {
      lots = client.lots();
    } catch (RuntimeException e) {
      Errors.show(e);
      return;
    }
    lot.setItems(lots);
    empty.setVisible(lots.isEmpty());
    Lot chosen =
        lots.stream().filter(l -> select == null || l.id() == select).findFirst().orElse(null);
    lot.setValue(chosen);
  }

  /** The chosen lot's spaces as a list or as its map, as the tabs say. */
  private void showSpaces() {
    if (spaces == null) {
      return;
    }
    Lot l = lot.getValue();
    boolean drawn = view.getSelectedTab() == mapTab;
    grid.setVisible(!drawn);
    map.setVisible(drawn);
    if (drawn) {
      map.show(l);
    } else {
      spaces.setFilter(Map.of("lotId", l == null ? -1 : l.id()));
    }
  }

  private String level(int level) {
    return level < 0
        ? getTranslation("parking.level.below", -level)
        : getTranslation("parking.level.above", level);
  }

  /** What may be done with a space from its row: lease it, record a sold space's new owner. */
  private com.vaadin.flow.component.Component rowActions(Space s) {
    HorizontalLayout row = new HorizontalLayout();
    row.setSpacing(false);
    if (PropertySession.can(LEASE) && s.leasable()) {
      Button b = new Button(getTranslation("parking.lease"), e -> lease(s));
      b.setId("parking-lease-" + s.number());
      b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
      row.add(b);
    }
    if (PropertySession.can(LEASE) && "visitor".equals(s.kind())) {
      Button b = new Button(getTranslation("parking.reserve"), e -> ReserveDialog.open(client, s));
      b.setId("parking-reserve-" + s.number());
      b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
      row.add(b);
    }
    if (PropertySession.can(MANAGE) && "owned".equals(s.kind())) {
      Button b = new Button(getTranslation("parking.owner.record"), e -> recordOwner(s));
      b.setId("parking-owner-" + s.number());
      b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
      row.add(b);
    }
    return row;
  }

  /** Records who owns a sold space from a day; the previous owner's time ends that day. */
  private void recordOwner(Space s) {
    FormDialog d =
        new FormDialog(
            "owner-dialog",
            getTranslation("parking.owner.title", s.number()),
            getTranslation("parking.save"));
    TextField holder = d.field("holderName", text("owner-holder", "parking.lease.holder"));
    TextField phone = d.field("holderPhone", text("owner-phone", "parking.lease.phone"));
    DatePicker since = new DatePicker(getTranslation("parking.owner.since"));
    since.setId("owner-since");
    since.setValue(LocalDate.now());
    d.field("since", since);
    TextField note = d.field("note", text("owner-note", "parking.lease.note"));
    RoomByNumber room = billedRoom(d, "owner-room");
    BigDecimalField fee =
        d.field("monthlyFee", money("owner-fee", "parking.owner.monthlyFee", null));
    fee.setHelperText(getTranslation("parking.billed.help"));
    d.conflictAt("owner-since-order", "since")
        .onSend(
            () -> {
              client.recordOwner(
                  s.id(),
                  new Space.OwnerInput(
                      holder.getValue(),
                      phone.getValue(),
                      since.getValue() == null ? null : since.getValue().toString(),
                      note.getValue(),
                      room.getValue() == null ? null : room.getValue().id(),
                      fee.getValue()));
              Errors.success(
                  getTranslation("parking.owner.recorded", s.number(), holder.getValue()));
            })
        .onDone(() -> spaces.refresh());
    d.open();
    holder.focus();
  }

  private void newLot() {
    FormDialog d =
        new FormDialog(
            "lot-dialog", getTranslation("parking.lot.new"), getTranslation("parking.save"));
    Select<Long> estate = new Select<>();
    estate.setLabel(getTranslation("parking.lot.estate"));
    Map<Long, String> estates = PropertySession.estateNames();
    estate.setItems(new ArrayList<>(estates.keySet()));
    estate.setItemLabelGenerator(id -> estates.getOrDefault(id, "#" + id));
    estate.setId("lot-estate");
    d.field("estateId", estate);
    TextField code = d.field("code", text("lot-code", "parking.lot.code"));
    TextField name = d.field("name", text("lot-name", "parking.lot.name"));
    Select<String> location = new Select<>();
    location.setId("lot-location");
    location.setLabel(getTranslation("parking.lot.location"));
    location.setItems("underground", "above_ground");
    location.setItemLabelGenerator(v -> Texts.state("parking.location.", v));
    location.setValue("underground");
    d.field("location", location);
    IntegerField levels = d.field("levels", number("lot-levels", "parking.lot.levels", 1));
    d.duplicateAt("code")
        .onSend(
            () -> {
              Lot made =
                  client.createLot(
                      new Lot.Input(
                          estate.getValue(),
                          code.getValue(),
                          name.getValue(),
                          location.getValue(),
                          levels.getValue(),
                          null));
              Errors.success(getTranslation("parking.lot.created", made.code()));
              loadLots(made.id());
            });
    d.open();
    code.focus();
  }

  private void addSpaces() {
    Lot l = lot.getValue();
    if (l == null) {
      return;
    }
    FormDialog d =
        new FormDialog(
            "spaces-dialog",
            getTranslation("parking.spaces.add.title", l.name()),
            getTranslation("parking.save"));
    TextField prefix = d.field("prefix", text("spaces-prefix", "parking.spaces.prefix"));
    prefix.setPlaceholder("B1-");
    IntegerField from = d.field("from", number("spaces-from", "parking.spaces.from", 1));
    IntegerField to = d.field("to", number("spaces-to", "parking.spaces.to", 50));
    IntegerField digits = d.field("digits", number("spaces-digits", "parking.spaces.digits", 3));
    Select<String> kind = new Select<>();
    kind.setId("spaces-kind");
    kind.setLabel(getTranslation("parking.space.kind"));
    kind.setItems("rented", "owned", "public", "visitor", "ev_charging", "accessible");
    kind.setItemLabelGenerator(v -> Texts.state("parking.kind.", v));
    kind.setValue("rented");
    d.field("kind", kind);
    IntegerField level = d.field("level", number("spaces-level", "parking.space.level", -1));
    level.setHelperText(getTranslation("parking.level.help"));
    d.duplicateAt("from")
        .onSend(
            () -> {
              List<Space> made =
                  client.createSpaces(
                      l.id(),
                      new Space.Range(
                          prefix.getValue(),
                          from.getValue(),
                          to.getValue(),
                          digits.getValue(),
                          kind.getValue(),
                          level.getValue()));
              Errors.success(getTranslation("parking.spaces.created", made.size()));
              loadLots(l.id());
            });
    d.open();
    prefix.focus();
  }

  /** Leases a space; one key per dialog, so a second click or a retry leases once. */
  private void lease(Space s) {
    String key = TenantApi.newIdempotencyKey();
    FormDialog d =
        new FormDialog(
            "lease-dialog",
            getTranslation("parking.lease.title", s.number()),
            getTranslation("parking.lease"));
    DatePicker start = new DatePicker(getTranslation("parking.lease.start"));
    start.setId("lease-start");
    start.setValue(LocalDate.now().withDayOfMonth(1).plusMonths(1));
    d.field("startDate", start);
    Select<String> term = new Select<>();
    term.setId("lease-term");
    term.setLabel(getTranslation("parking.lease.term"));
    term.setItems("monthly", "quarterly", "yearly");
    term.setItemLabelGenerator(v -> Texts.state("parking.term.", v));
    term.setValue("monthly");
    d.field("term", term);
    IntegerField terms = d.field("terms", number("lease-terms", "parking.lease.terms", 1));
    TextField holder = d.field("holderName", text("lease-holder", "parking.lease.holder"));
    TextField phone = d.field("holderPhone", text("lease-phone", "parking.lease.phone"));
    TextField note = d.field("note", text("lease-note", "parking.lease.note"));
    RoomByNumber room = billedRoom(d, "lease-room");
    BigDecimalField rent = d.field("rent", money("lease-rent", "parking.lease.rent", null));
    rent.setHelperText(getTranslation("parking.billed.help"));
    d.conflictAt("space-taken", "startDate")
        .onSend(
            () -> {
              Booking b =
                  client.lease(
                      new Booking.LeaseInput(
                          s.id(),
                          start.getValue() == null ? null : start.getValue().toString(),
                          term.getValue(),
                          terms.getValue(),
                          holder.getValue(),
                          phone.getValue(),
                          note.getValue(),
                          room.getValue() == null ? null : room.getValue().id(),
                          rent.getValue()),
                      key);
              Errors.success(
                  getTranslation(
                      "parking.leased", s.number(), b.holderName(), b.firstDay(), b.lastDay()));
            });
    d.open();
    holder.focus();
  }

  /**
   * The lot's temporary-parking tariff, edited at the version read; a lot without one starts from a
   * common tariff (15 minutes free, 5 yuan the first hour, 2 yuan each half hour after).
   */
  private void tariff() {
    Lot l = lot.getValue();
    if (l == null) {
      return;
    }
    Optional<Tariff> now;
    try {
      now = client.tariff(l.id());
    } catch (RuntimeException e) {
      Errors.show(e);
      return;
    }
    FormDialog d =
        new FormDialog(
            "tariff-dialog",
            getTranslation("parking.tariff.title", l.name()),
            getTranslation("parking.save"));
    IntegerField free = d.field("freeMinutes", number("tariff-free", "parking.tariff.free", 15));
    IntegerField first =
        d.field("firstMinutes", number("tariff-first", "parking.tariff.first", 60));
    BigDecimalField firstPrice =
        d.field("firstPrice", money("tariff-first-price", "parking.tariff.firstPrice", "5.00"));
    IntegerField unit = d.field("unitMinutes", number("tariff-unit", "parking.tariff.unit", 30));
    BigDecimalField unitPrice =
        d.field("unitPrice", money("tariff-unit-price", "parking.tariff.unitPrice", "2.00"));
    TextField nightFrom =
        d.field("nightFrom", text("tariff-night-from", "parking.tariff.nightFrom"));
    nightFrom.setPlaceholder("22:00");
    TextField nightTo = d.field("nightTo", text("tariff-night-to", "parking.tariff.nightTo"));
    nightTo.setPlaceholder("07:00");
    BigDecimalField nightPrice =
        d.field("nightUnitPrice", money("tariff-night-price", "parking.tariff.nightPrice", null));
    BigDecimalField cap = d.field("capPer24h", money("tariff-cap", "parking.tariff.cap", null));
    cap.setHelperText(getTranslation("parking.tariff.cap.help"));
    IntegerField grace =
        d.field("graceMinutes", number("tariff-grace", "parking.tariff.grace", 15));
    grace.setHelperText(getTranslation("parking.tariff.grace.help"));
    IntegerField visitor =
        d.field("visitorMinutes", number("tariff-visitor", "parking.tariff.visitor", 120));
    visitor.setMax(1440);
    visitor.setHelperText(getTranslation("parking.tariff.visitor.help"));
    now.ifPresent(
        t -> {
          free.setValue(t.freeMinutes());
          first.setValue(t.firstMinutes());
          firstPrice.setValue(t.firstPrice());
          unit.setValue(t.unitMinutes());
          unitPrice.setValue(t.unitPrice());
          nightFrom.setValue(t.nightFrom() == null ? "" : t.nightFrom());
          nightTo.setValue(t.nightTo() == null ? "" : t.nightTo());
          nightPrice.setValue(t.nightUnitPrice());
          cap.setValue(t.capPer24h());
          grace.setValue(t.graceMinutes());
          visitor.setValue(t.visitorMinutes());
        });
    Integer version = now.map(Tariff::version).orElse(null);
    d.onSend(
        () -> {
          client.putTariff(
              l.id(),
              new Tariff.Input(
                  free.getValue(),
                  first.getValue(),
                  firstPrice.getValue(),
                  unit.getValue(),
                  unitPrice.getValue(),
                  blankToNull(nightFrom.getValue()),
                  blankToNull(nightTo.getValue()),
                  nightPrice.getValue(),
                  cap.getValue(),
                  grace.getValue(),
                  visitor.getValue(),
                  version));
          Errors.success(getTranslation("parking.tariff.saved", l.name()));
        });
    d.open();
    free.focus();
  }

  private static String blankToNull(String v) {
    return v == null || v.isBlank() ? null : v.strip();
  }

  /** The room billed a rent or a fee, optional: found by its number in the caller's rooms. */
  private static RoomByNumber billedRoom(FormDialog d, String id) {
    RoomByNumber room = d.field("roomId", new RoomByNumber(id, PropertySession.api()));
    room.setRequiredIndicatorVisible(false);
    return room;
  }

  private BigDecimalField money(String id, String labelKey, String value) {
    BigDecimalField f = new BigDecimalField(getTranslation(labelKey));
    f.setId(id);
    f.setValue(value == null ? null : new BigDecimal(value));
    return f;
  }

  private TextField text(String id, String labelKey) {
    TextField f = new TextField(getTranslation(labelKey));
    f.setId(id);
    return f;
  }

  private IntegerField number(String id, String labelKey, int value) {
    IntegerField f = new IntegerField(getTranslation(labelKey));
    f.setId(id);
    f.setValue(value);
    f.setStepButtonsVisible(true);
    return f;
  }
}
