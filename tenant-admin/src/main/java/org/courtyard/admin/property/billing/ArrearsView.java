package org.courtyard.admin.property.billing;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.function.SerializableFunction;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.CursorDataProvider;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.ui.Errors;

/**
 * Arrears aging (欠费账龄) on a day: the total past due, each room's arrears by age (1–30 days, 31–90,
 * over 90) and the reminder list (催缴: rooms with something more than 30 days past due, largest
 * first), each leading to the room's statement for those allowed.
 */
@Route(value = "billing/arrears", layout = PropertyLayout.class)
@PropertyScreen(
    order = 350,
    titleKey = "billing.arrears.title",
    icon = "CLOCK",
    permission = "billing.arrears.read")
public final class ArrearsView extends VerticalLayout implements HasDynamicTitle {

  private final DatePicker asOf = new DatePicker();
  private final Paragraph total = new Paragraph();
  private final Grid<Arrears.Room> rooms = new Grid<>();
  private final Grid<Arrears.Reminder> reminders = new Grid<>();
  private String currency;

  public ArrearsView() {
    setId("billing-arrears");
    add(new H2(getTranslation("billing.arrears.title")));
    asOf.setId("arrears-as-of");
    asOf.setLabel(getTranslation("billing.arrears.asOf"));
    asOf.setValue(LocalDate.now());
    asOf.addValueChangeListener(e -> load());
    total.setId("arrears-total");
    total.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
    add(asOf, total);

    add(new H3(getTranslation("billing.arrears.aging")));
    rooms.setId("arrears-grid");
    rooms.addColumn(Arrears.Room::roomId).setHeader(getTranslation("billing.room"));
    money(rooms, Arrears.Room::outstanding, "billing.arrears.owed");
    money(rooms, Arrears.Room::days0to30, "billing.arrears.days0to30");
    money(rooms, Arrears.Room::days31to90, "billing.arrears.days31to90");
    money(rooms, Arrears.Room::days90plus, "billing.arrears.days90plus");
    rooms
        .addColumn(Arrears.Room::oldestDueDate)
        .setHeader(getTranslation("billing.arrears.oldest"));
    rooms
        .addColumn(Arrears.Room::maxDaysPastDue)
        .setHeader(getTranslation("billing.arrears.days"))
        .setTextAlign(ColumnTextAlign.END);
    rooms.setHeight("18em");
    add(rooms);

    add(new H3(getTranslation("billing.arrears.reminders")));
    reminders.setId("reminders-grid");
    reminders
        .addColumn(r -> r.label() == null || r.label().isBlank() ? "#" + r.roomId() : r.label())
        .setHeader(getTranslation("billing.room"))
        .setAutoWidth(true);
    money(reminders, Arrears.Reminder::outstanding, "billing.arrears.owed");
    money(reminders, Arrears.Reminder::over30Days, "billing.arrears.over30");
    reminders
        .addColumn(Arrears.Reminder::oldestDueDate)
        .setHeader(getTranslation("billing.arrears.oldest"));
    reminders
        .addColumn(Arrears.Reminder::maxDaysPastDue)
        .setHeader(getTranslation("billing.arrears.days"))
        .setTextAlign(ColumnTextAlign.END);
    if (PropertySession.can("billing.statement.read")) {
      reminders
          .addComponentColumn(
              r -> {
                Button b =
                    new Button(
                        getTranslation("billing.bill.statement"),
                        e ->
                            getUI()
                                .ifPresent(
                                    ui ->
                                        ui.navigate(
                                            StatementsView.class,
                                            QueryParameters.simple(
                                                Map.of("roomId", String.valueOf(r.roomId()))))));
                b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                b.setId("reminder-statement-" + r.roomId());
                return b;
              })
          .setKey("statement")
          .setAutoWidth(true);
    }
    reminders.setHeight("18em");
    add(reminders);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (PropertySession.signedIn()) {
      load();
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("billing.arrears.title");
  }

  /** The day's total, then the two lists, all asked of the API for that day. */
  void load() {
    BillingClient client = new BillingClient(PropertySession.api());
    LocalDate day = asOf.getValue();
    try {
      Arrears.Summary s = client.arrearsSummary(day);
      currency = s.currency();
      total.setText(
          getTranslation(
              "billing.arrears.total",
              Money.format(s.total(), s.currency(), getLocale()),
              String.valueOf(s.asOf())));
    } catch (ApiProblem | ApiUnreachable e) {
      total.setText("");
      Errors.show(e);
      return;
    }
    CursorDataProvider<Arrears.Room> r = client.arrears(day);
    r.bind(rooms);
    CursorDataProvider<Arrears.Reminder> m = client.reminders(day);
    m.bind(reminders);
  }

  private <T> void money(Grid<T> grid, SerializableFunction<T, BigDecimal> value, String header) {
    grid.addColumn(x -> Money.format(value.apply(x), currency, getLocale()))
        .setHeader(getTranslation(header))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);
  }

  Grid<Arrears.Room> rooms() {
    return rooms;
  }

  Grid<Arrears.Reminder> reminders() {
    return reminders;
  }
}
