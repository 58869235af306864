package org.courtyard.admin.property.billing;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.property.CursorDataProvider;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.ui.Texts;

/**
 * Bills by room (账单查询): filtered by period, status and room, all three done by the API, paged
 * lazily; choosing a bill shows its lines, and offers the counter (pay the room's bills) and the
 * room's statement to those allowed.
 */
@Route(value = "billing/bills", layout = PropertyLayout.class)
@PropertyScreen(
    order = 300,
    titleKey = "billing.bills.title",
    icon = "MONEY",
    permission = "billing.bill.read")
public final class BillsView extends VerticalLayout implements HasDynamicTitle {

  static final List<String> STATUSES = List.of("open", "paid", "cancelled");

  private final TextField period = new TextField();
  private final Select<String> status = new Select<>();
  private final TextField room = new TextField();
  private final Grid<Bill> grid = new Grid<>();
  private final VerticalLayout detail = new VerticalLayout();
  private CursorDataProvider<Bill> bills;

  public BillsView() {
    setId("billing-bills");
    setSizeFull();
    add(new H2(getTranslation("billing.bills.title")));

    period.setId("bills-period");
    period.setLabel(getTranslation("billing.period"));
    period.setPlaceholder("2026-11");
    period.setPattern(Periods.PATTERN);
    period.setAllowedCharPattern("[0-9-]");
    period.setMaxLength(7);
    period.setHelperText(getTranslation("billing.period.help"));
    period.setClearButtonVisible(true);

    status.setId("bills-status");
    status.setLabel(getTranslation("billing.bills.status"));
    status.setItems(STATUSES);
    status.setEmptySelectionAllowed(true);
    status.setEmptySelectionCaption(getTranslation("billing.bills.status.any"));
    status.setItemLabelGenerator(s -> s == null ? "" : Texts.state("billing.bill.status.", s));

    room.setId("bills-room");
    room.setLabel(getTranslation("billing.room"));
    room.setAllowedCharPattern("[0-9]");
    room.setHelperText(getTranslation("billing.room.help"));
    room.setClearButtonVisible(true);

    period.addValueChangeListener(e -> applyFilter());
    status.addValueChangeListener(e -> applyFilter());
    room.addValueChangeListener(e -> applyFilter());
    HorizontalLayout filters = new HorizontalLayout(period, status, room);
    filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    filters.setWrap(true);
    add(filters);

    grid.setId("bills-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.addColumn(Bill::id).setHeader(getTranslation("billing.bill.id")).setAutoWidth(true);
    grid.addColumn(Bill::room).setHeader(getTranslation("billing.room")).setAutoWidth(true);
    grid.addColumn(Bill::period).setHeader(getTranslation("billing.period")).setAutoWidth(true);
    grid.addColumn(b -> Texts.state("billing.bill.kind.", b.kind()))
        .setHeader(getTranslation("billing.bill.kind"));
    money(grid.addColumn(b -> Money.format(b.total(), b.currency(), getLocale())))
        .setHeader(getTranslation("billing.bill.total"));
    money(grid.addColumn(b -> Money.format(b.paid(), b.currency(), getLocale())))
        .setHeader(getTranslation("billing.bill.paid"));
    money(grid.addColumn(b -> Money.format(b.outstanding(), b.currency(), getLocale())))
        .setHeader(getTranslation("billing.bill.outstanding"));
    grid.addColumn(b -> Texts.state("billing.bill.status.", b.status()))
        .setHeader(getTranslation("billing.bills.status"));
    grid.addColumn(Bill::dueDate).setHeader(getTranslation("billing.bill.due"));
    grid.setSelectionMode(Grid.SelectionMode.SINGLE);
    grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
    grid.setHeight("24em");
    add(grid);

    detail.setId("bill-detail");
    detail.setPadding(false);
    detail.setVisible(false);
    add(detail);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (PropertySession.signedIn() && bills == null) {
      bills = new BillingClient(PropertySession.api()).bills();
      bills.bind(grid);
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("billing.bills.title");
  }

  /** The filters as the API's query parameters; a period not yet complete is left out. */
  Map<String, String> filter() {
    Map<String, String> f = new LinkedHashMap<>();
    String p = period.getValue().strip();
    boolean periodOk = p.isEmpty() || p.matches(Periods.PATTERN);
    period.setInvalid(!periodOk);
    period.setErrorMessage(periodOk ? null : getTranslation("billing.period.invalid"));
    if (periodOk) {
      f.put("period", p);
    }
    f.put("status", status.getValue());
    f.put("roomId", room.getValue().strip());
    return f;
  }

  private void applyFilter() {
    if (bills != null) {
      bills.setFilter(filter());
      grid.asSingleSelect().clear();
    }
  }

  private void show(Bill bill) {
    detail.removeAll();
    detail.setVisible(bill != null);
    if (bill == null) {
      return;
    }
    H3 title =
        new H3(
            getTranslation(
                "billing.bill.heading.room",
                bill.id(),
                bill.room(),
                bill.period() == null ? "—" : bill.period()));
    title.setId("bill-heading");
    Grid<Bill.Line> lines = new Grid<>();
    lines.setId("bill-lines");
    lines.setAllRowsVisible(true);
    lines.addColumn(Bill.Line::feeName).setHeader(getTranslation("billing.line.fee"));
    lines
        .addColumn(
            l -> l.quantity() == null ? "" : l.quantity().stripTrailingZeros().toPlainString())
        .setHeader(getTranslation("billing.line.quantity"))
        .setTextAlign(ColumnTextAlign.END);
    money(lines.addColumn(l -> Money.format(l.unitPrice(), bill.currency(), getLocale())))
        .setHeader(getTranslation("billing.line.unitPrice"));
    lines
        .addColumn(
            l ->
                getTranslation(
                    "billing.line.covers", l.months(), l.daysEffective(), l.daysInCycle()))
        .setHeader(getTranslation("billing.line.covers.header"));
    money(lines.addColumn(l -> Money.format(l.amount(), bill.currency(), getLocale())))
        .setHeader(getTranslation("billing.line.amount"));
    lines.setItems(bill.lines());
    detail.add(title);
    if (bill.lines().isEmpty()) {
      detail.add(new Paragraph(getTranslation("billing.bill.noLines")));
    } else {
      detail.add(lines);
    }
    HorizontalLayout actions = new HorizontalLayout();
    if ("open".equals(bill.status()) && PropertySession.can("billing.payment.create")) {
      Button pay =
          new Button(
              getTranslation("billing.bill.pay"),
              e ->
                  getUI()
                      .ifPresent(
                          ui ->
                              ui.navigate(
                                  CounterView.class,
                                  QueryParameters.simple(
                                      Map.of(
                                          "roomId", String.valueOf(bill.roomId()),
                                          "amount", bill.outstanding().toPlainString())))));
      pay.setId("bill-pay");
      pay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      actions.add(pay);
    }
    if (PropertySession.can("billing.statement.read")) {
      Button statement =
          new Button(
              getTranslation("billing.bill.statement"),
              e ->
                  getUI()
                      .ifPresent(
                          ui ->
                              ui.navigate(
                                  StatementsView.class,
                                  QueryParameters.simple(
                                      Map.of("roomId", String.valueOf(bill.roomId()))))));
      statement.setId("bill-statement");
      actions.add(statement);
    }
    if (actions.getComponentCount() > 0) {
      detail.add(actions);
    }
  }

  private static <T> Grid.Column<T> money(Grid.Column<T> column) {
    return column.setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
  }

  Grid<Bill> grid() {
    return grid;
  }

  CursorDataProvider<Bill> provider() {
    return bills;
  }
}
