package org.courtyard.admin.property.parking;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.property.CursorDataProvider;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.property.estate.FormDialog;
import org.courtyard.admin.ui.Errors;

/**
 * Monthly cards (月卡): which plate may enter which lot on which days, and for whom; found by the
 * plate however it is typed. A cashier sells one in a dialog (the days another card of the plate
 * holds are named at the field) and cancels one with a reason.
 */
@Route(value = "parking/cards", layout = PropertyLayout.class)
@PropertyScreen(
    order = 920,
    titleKey = "parking.cards.title",
    icon = "CREDIT_CARD",
    permission = CardsView.READ)
public final class CardsView extends VerticalLayout implements HasDynamicTitle {

  static final String READ = "parking.card.read";
  static final String MANAGE = "parking.card.manage";

  private final TextField plate = new TextField();
  private final Grid<Card> grid = new Grid<>(Card.class, false);
  private CursorDataProvider<Card> cards;

  public CardsView() {
    setId("parking-cards");
    setSizeFull();
    add(new H2(getTranslation("parking.cards.title")));
    plate.setId("cards-plate");
    plate.setPlaceholder(getTranslation("parking.card.plate.find"));
    plate.setClearButtonVisible(true);
    plate.setValueChangeMode(ValueChangeMode.LAZY);
    plate.addValueChangeListener(e -> filter());
    Button sell = new Button(getTranslation("parking.card.sell"), e -> sell());
    sell.setId("cards-sell");
    sell.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    sell.setVisible(PropertySession.can(MANAGE));
    HorizontalLayout bar = new HorizontalLayout(plate, sell);
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add(bar);
    grid.setId("cards-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.addColumn(Card::plate)
        .setKey("plate")
        .setHeader(getTranslation("parking.card.plate"))
        .setAutoWidth(true);
    grid.addColumn(Card::lotName)
        .setKey("lot")
        .setHeader(getTranslation("parking.lot"))
        .setAutoWidth(true);
    grid.addColumn(Card::holderName)
        .setKey("holder")
        .setHeader(getTranslation("parking.lease.holder"))
        .setAutoWidth(true);
    grid.addColumn(c -> getTranslation("parking.lease.days", c.firstDay(), c.lastDay()))
        .setKey("days")
        .setHeader(getTranslation("parking.lease.period"))
        .setAutoWidth(true);
    grid.addColumn(this::state)
        .setKey("state")
        .setHeader(getTranslation("parking.space.state"))
        .setPartNameGenerator(c -> c.validToday() ? null : "refused")
        .setAutoWidth(true);
    grid.addComponentColumn(this::cancelButton).setKey("actions").setFlexGrow(1);
    add(grid);
    setFlexGrow(1, grid);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (PropertySession.signedIn() && cards == null) {
      cards = new ParkingClient(PropertySession.api()).cards();
      filter();
      cards.bind(grid);
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("parking.cards.title");
  }

  private void filter() {
    if (cards != null) {
      cards.setFilter(Map.of("plate", plate.getValue() == null ? "" : plate.getValue().trim()));
    }
  }

  private String state(Card c) {
    if (!c.active()) {
      return getTranslation("parking.booking.cancelled", c.cancelReason());
    }
    return c.validToday()
        ? getTranslation("parking.card.valid")
        : getTranslation("parking.card.not-today");
  }

  private Component cancelButton(Card c) {
    if (!c.active() || !PropertySession.can(MANAGE)) {
      return new Span();
    }
    Button cancel = new Button(getTranslation("parking.card.cancel"), e -> cancel(c));
    cancel.setId("card-cancel-" + c.id());
    cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
    return cancel;
  }

  private void sell() {
    ParkingClient client = new ParkingClient(PropertySession.api());
    List<Lot> lots;
    try {
      lots = client.lots();
    } catch (RuntimeException e) {
      Errors.show(e);
      return;
    }
    FormDialog d =
        new FormDialog(
            "card-dialog", getTranslation("parking.card.sell"), getTranslation("parking.save"));
    Select<Lot> lot = new Select<>();
    lot.setId("card-lot");
    lot.setLabel(getTranslation("parking.lot"));
    lot.setItems(lots);
    lot.setItemLabelGenerator(l -> l.code() + " " + l.name());
    if (!lots.isEmpty()) {
      lot.setValue(lots.get(0));
    }
    d.field("lotId", lot);
    TextField plateField = d.field("plate", field("card-plate", "parking.card.plate"));
    TextField holder = d.field("holderName", field("card-holder", "parking.lease.holder"));
    TextField phone = d.field("holderPhone", field("card-phone", "parking.lease.phone"));
    DatePicker first = new DatePicker(getTranslation("parking.lease.start"));
    first.setId("card-first");
    first.setValue(LocalDate.now());
    d.field("firstDay", first);
    DatePicker last = new DatePicker(getTranslation("parking.card.last"));
    last.setId("card-last");
    last.setValue(LocalDate.now().plusMonths(1).minusDays(1));
    d.field("lastDay", last);
    TextField note = d.field("note", field("card-note", "parking.lease.note"));
    d.conflictAt("card-overlaps", "firstDay")
        .onSend(
            () -> {
              Card made =
                  client.sellCard(
                      new Card.Input(
                          lot.getValue() == null ? null : lot.getValue().id(),
                          plateField.getValue(),
                          holder.getValue(),
                          phone.getValue(),
                          first.getValue() == null ? null : first.getValue().toString(),
                          last.getValue() == null ? null : last.getValue().toString(),
                          note.getValue()));
              Errors.success(
                  getTranslation(
                      "parking.card.sold", made.plate(), made.firstDay(), made.lastDay()));
            })
        .onDone(cards::refresh);
    d.open();
    plateField.focus();
  }

  private void cancel(Card c) {
    FormDialog d =
        new FormDialog(
            "card-cancel-dialog",
            getTranslation("parking.card.cancel.title", c.plate(), c.holderName()),
            getTranslation("parking.card.cancel"));
    TextField reason =
        d.field("reason", field("card-cancel-reason", "parking.lease.cancel.reason"));
    reason.setMaxLength(500);
    d.onSend(
            () -> {
              new ParkingClient(PropertySession.api())
                  .cancelCard(c.id(), new Booking.Cancel(reason.getValue(), c.version()));
              Errors.success(getTranslation("parking.card.cancelled", c.plate()));
            })
        .onDone(cards::refresh);
    d.open();
    reason.focus();
  }

  private TextField field(String id, String labelKey) {
    TextField f = new TextField(getTranslation(labelKey));
    f.setId(id);
    return f;
  }
}
