package org.courtyard.admin.property.parking;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.property.CursorDataProvider;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.property.When;
import org.courtyard.admin.property.estate.FormDialog;
import org.courtyard.admin.ui.Errors;
import org.courtyard.admin.ui.Texts;

/**
 * The guard's screen (岗亭): the vehicles the gates' cameras read, newest first, what each gate
 * decided and why, and the reads waiting for a person (no plate, a doubtful read, a stay to pay),
 * which a guard opens or refuses with a note, or, for a stay to pay, takes the fee (booked in
 * billing's ledger, with a receipt) and the gate opens; a vehicle counted inside that is not there
 * (its exit misread) is let out by hand; a passage that should have opened but sent no command says
 * so; above them the lot's vehicles inside and its free temporary spaces.
 */
@Route(value = "parking/gate", layout = PropertyLayout.class)
@PropertyScreen(
    order = 940,
    titleKey = "parking.gate.title",
    icon = "CAR",
    permission = GateView.READ)
public final class GateView extends VerticalLayout implements HasDynamicTitle {

  static final String READ = "parking.gate.read";
  static final String OPERATE = "parking.gate.operate";
  static final String COLLECT = "parking.payment.collect";
  private static final List<String> METHODS = List.of("cash", "wechat", "alipay", "bank");

  private final Select<Lot> lot = new Select<>();
  private final Checkbox waiting = new Checkbox();
  private final Span occupancy = new Span();
  private final Grid<Passage> grid = new Grid<>(Passage.class, false);
  private CursorDataProvider<Passage> passages;

  public GateView() {
    setId("parking-gate");
    setSizeFull();
    add(new H2(getTranslation("parking.gate.title")));
    lot.setId("gate-lot");
    lot.setLabel(getTranslation("parking.lot"));
    lot.setItemLabelGenerator(l -> l == null ? "" : l.code() + " " + l.name());
    lot.addValueChangeListener(e -> filter());
    waiting.setId("gate-waiting");
    waiting.setLabel(getTranslation("parking.gate.waiting-only"));
    waiting.addValueChangeListener(e -> filter());
    occupancy.setId("gate-occupancy");
    HorizontalLayout bar = new HorizontalLayout(lot, waiting, occupancy);
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add(bar);
    grid.setId("gate-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.addColumn(p -> When.format(p.seenAt(), getLocale()))
        .setKey("at")
        .setHeader(getTranslation("parking.gate.at"))
        .setAutoWidth(true);
    grid.addColumn(
            p ->
                getTranslation(
                    "parking.gate.lane", p.gateName(), Texts.state("parking.gate.", p.direction())))
        .setKey("gate")
        .setHeader(getTranslation("parking.gate.gate"))
        .setAutoWidth(true);
    grid.addColumn(p -> p.plate() == null ? getTranslation("parking.gate.no-plate") : p.plate())
        .setKey("plate")
        .setHeader(getTranslation("parking.card.plate"))
        .setAutoWidth(true);
    grid.addColumn(Passage::confidence)
        .setKey("confidence")
        .setHeader(getTranslation("parking.gate.confidence"))
        .setAutoWidth(true);
    grid.addColumn(this::decision)
        .setKey("decision")
        .setHeader(getTranslation("parking.gate.decision"))
        .setPartNameGenerator(p -> p.waiting() ? "refused" : null)
        .setFlexGrow(1);
    grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true);
    add(grid);
    setFlexGrow(1, grid);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (PropertySession.signedIn() && passages == null) {
      ParkingClient client = new ParkingClient(PropertySession.api());
      try {
        List<Lot> lots = client.lots();
        lot.setItems(lots);
        if (!lots.isEmpty()) {
          lot.setValue(lots.get(0));
        }
      } catch (RuntimeException e) {
        Errors.show(e);
      }
      passages = client.passages();
      filter();
      passages.bind(grid);
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("parking.gate.title");
  }

  private void filter() {
    if (passages == null) {
      return;
    }
    Map<String, Object> f = new HashMap<>();
    Lot l = lot.getValue();
    f.put("lotId", l == null ? "" : l.id());
    f.put("waiting", Boolean.TRUE.equals(waiting.getValue()) ? "true" : "");
    passages.setFilter(f);
    showOccupancy();
  }

  private void showOccupancy() {
    Lot l = lot.getValue();
    if (l == null) {
      occupancy.setText("");
      return;
    }
    try {
      Passage.Occupancy o = new ParkingClient(PropertySession.api()).occupancy(l.id());
      String text =
          getTranslation(
              "parking.gate.occupancy",
              o.inside(),
              o.temporaryFree(),
              o.temporarySpaces(),
              o.waiting());
      // where spaces have sensors, what they see beside what the passages count
      occupancy.setText(
          o.sensedSpaces() == 0
              ? text
              : text
                  + " · "
                  + getTranslation("parking.gate.sensed", o.sensedFree(), o.sensedSpaces()));
    } catch (RuntimeException e) {
      Errors.show(e);
    }
  }

  private String decision(Passage p) {
    String reason = Texts.state("parking.reason.", p.reason());
    String text =
        p.waiting()
            ? getTranslation("parking.gate.waiting", reason)
            : getTranslation(
                "parking.gate.decided", Texts.state("parking.decision.", p.decision()), reason);
    if (p.fee() != null && p.fee().signum() > 0) {
      text += getTranslation("parking.gate.fee", p.fee().toPlainString());
    }
    if ("open".equals(p.decision()) && p.commandId() == null) {
      // the passage says open but no command reached the camera: the guard opens by hand
      text += " " + getTranslation("parking.gate.not-sent");
    }
    if (p.note() != null) {
      text += " (" + p.note() + ")";
    }
    return text;
  }

  private Component actions(Passage p) {
    boolean operate = PropertySession.can(OPERATE);
    boolean collect = PropertySession.can(COLLECT) && p.feeDue();
    if (!operate && !collect) {
      return new Span();
    }
    if (p.inside() && operate) {
      Button out = new Button(getTranslation("parking.gate.let-out"), e -> letOut(p));
      out.setId("gate-out-" + p.id());
      out.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
      return out;
    }
    if (!p.waiting()) {
      return new Span();
    }
    HorizontalLayout row = new HorizontalLayout();
    row.setSpacing(false);
    if (collect) {
      Button pay =
          new Button(getTranslation("parking.gate.pay", p.fee().toPlainString()), e -> pay(p));
      pay.setId("gate-pay-" + p.id());
      pay.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
      row.add(pay);
    }
    if (!operate) {
      return row;
    }
    Button open = new Button(getTranslation("parking.gate.open"), e -> decide(p, "open"));
    open.setId("gate-open-" + p.id());
    open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
    Button refuse = new Button(getTranslation("parking.gate.refuse"), e -> decide(p, "refuse"));
    refuse.setId("gate-refuse-" + p.id());
    refuse.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
    row.add(open, refuse);
    return row;
  }

  /** Takes the fee the exit is held for, by the method the driver pays with; the gate opens. */
  private void pay(Passage p) {
    FormDialog d =
        new FormDialog(
            "gate-pay-dialog",
            getTranslation("parking.gate.pay.title", p.plate(), p.fee().toPlainString()),
            getTranslation("parking.gate.pay", p.fee().toPlainString()));
    Select<String> method = d.field("method", new Select<>());
    method.setId("gate-pay-method");
    method.setLabel(getTranslation("billing.method"));
    method.setItems(METHODS);
    method.setItemLabelGenerator(m -> getTranslation("billing.method." + m));
    method.setValue("cash");
    TextField note = d.field("note", new TextField(getTranslation("parking.gate.note")));
    note.setId("gate-pay-note");
    note.setMaxLength(500);
    d.onSend(
            () -> {
              Passage.Payment paid =
                  new ParkingClient(PropertySession.api())
                      .pay(p.id(), new Passage.Pay(method.getValue(), note.getValue()));
              Errors.success(
                  getTranslation(
                      "parking.gate.paid",
                      paid.amount().toPlainString(),
                      getTranslation("billing.method." + paid.method()),
                      paid.receiptNo(),
                      p.gateName()));
            })
        .onDone(
            () -> {
              passages.refresh();
              showOccupancy();
            });
    d.open();
  }

  /** A vehicle the lot counts inside that is not there: let out by hand, with why. */
  private void letOut(Passage p) {
    FormDialog d =
        new FormDialog(
            "gate-out-dialog",
            getTranslation("parking.gate.let-out.title", p.plate()),
            getTranslation("parking.gate.let-out"));
    TextField note = d.field("note", new TextField(getTranslation("parking.gate.note")));
    note.setId("gate-out-note");
    note.setMaxLength(500);
    d.onSend(
            () -> {
              new ParkingClient(PropertySession.api()).letOut(p.id(), note.getValue());
              Errors.success(getTranslation("parking.gate.let-out.done", p.plate()));
            })
        .onDone(
            () -> {
              passages.refresh();
              showOccupancy();
            });
    d.open();
    note.focus();
  }

  private void decide(Passage p, String decision) {
    FormDialog d =
        new FormDialog(
            "gate-decide-dialog",
            getTranslation(
                "parking.gate.decide.title",
                p.plate() == null ? getTranslation("parking.gate.no-plate") : p.plate(),
                p.gateName()),
            getTranslation("open".equals(decision) ? "parking.gate.open" : "parking.gate.refuse"));
    TextField note = d.field("note", new TextField(getTranslation("parking.gate.note")));
    note.setId("gate-decide-note");
    note.setMaxLength(500);
    d.onSend(
            () -> {
              new ParkingClient(PropertySession.api())
                  .decide(p.id(), new Passage.Decision(decision, note.getValue()));
              Errors.success(
                  getTranslation(
                      "open".equals(decision) ? "parking.gate.opened" : "parking.gate.refused",
                      p.gateName()));
            })
        .onDone(
            () -> {
              passages.refresh();
              showOccupancy();
            });
    d.open();
    note.focus();
  }
}
