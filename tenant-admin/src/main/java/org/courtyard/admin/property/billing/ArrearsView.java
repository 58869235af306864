package org.courtyard.admin.property.billing;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
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
 * Arrears aging (欠费账龄) on a day: the total past due and, per age (1–30 days, 31–90, over 90), how
 * much in how many rooms with a bar for its share; then each room's arrears by age and the reminder
 * list (催缴: rooms with something more than 30 days past due, largest first), each leading to the
 * room's statement for those allowed.
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
  private final HorizontalLayout buckets = new HorizontalLayout();
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
    buckets.setId("arrears-buckets");
    buckets.setWrap(true);
    buckets.setPadding(false);
    add(asOf, total, buckets);

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

  /** The day's totals, then the two lists, all asked of the API for that day. */
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
      showBuckets(s);
    } catch (ApiProblem | ApiUnreachable e) {
      total.setText("");
      buckets.removeAll();
      Errors.show(e);
      return;
    }
    CursorDataProvider<Arrears.Room> r = client.arrears(day);
    r.bind(rooms);
    CursorDataProvider<Arrears.Reminder> m = client.reminders(day);
    m.bind(reminders);
  }

  /** Per age: the amount, the rooms, and a bar as long as its share of the largest bucket. */
  private void showBuckets(Arrears.Summary s) {
    buckets.removeAll();
    Span rooms = new Span(getTranslation("billing.arrears.summary.rooms", s.rooms()));
    rooms.setId("arrears-rooms");
    BigDecimal largest = BigDecimal.ZERO;
    for (Arrears.Bucket b : s.buckets()) {
      largest = largest.max(b.amount());
    }
    int i = 0;
    for (Arrears.Bucket b : s.buckets()) {
      String name = getTranslation("billing.arrears." + b.key());
      String amount = Money.format(b.amount(), s.currency(), getLocale());
      Span heading = new Span(name);
      heading.getStyle().set("color", "var(--lumo-secondary-text-color)");
      Span figure = new Span(amount);
      figure.setId("arrears-bucket-" + b.key() + "-amount");
      figure.getStyle().set("font-size", "var(--lumo-font-size-l)").set("font-weight", "600");
      Span count = new Span(getTranslation("billing.arrears.bucket.rooms", b.rooms()));
      count.setId("arrears-bucket-" + b.key() + "-rooms");
      Div bar = new Div();
      bar.addClassName("aging-bar");
      bar.setWidthFull();
      bar.getElement()
          .setProperty(
              "innerHTML",
              AgingBars.svg(
                  i++,
                  b.amount(),
                  largest,
                  getTranslation("billing.arrears.bucket.bar", name, amount, b.rooms())));
      VerticalLayout card = new VerticalLayout(heading, figure, count, bar);
      card.setId("arrears-bucket-" + b.key());
      card.setSpacing(false);
      card.setWidth("14em");
      card.getStyle()
          .set("border", "1px solid var(--lumo-contrast-10pct)")
          .set("border-radius", "var(--lumo-border-radius-l)");
      buckets.add(card);
    }
    buckets.addComponentAtIndex(0, rooms);
    buckets.setDefaultVerticalComponentAlignment(Alignment.CENTER);
  }

  private <T> void money(Grid<T> grid, SerializableFunction<T, BigDecimal> value, String header) {
    grid.addColumn(x -> Money.format(value.apply(x), currency, getLocale()))
        .setHeader(getTranslation(header))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);
  }

  HorizontalLayout buckets() {
    return buckets;
  }

  Grid<Arrears.Room> rooms() {
    return rooms;
  }

  Grid<Arrears.Reminder> reminders() {
    return reminders;
  }
}
