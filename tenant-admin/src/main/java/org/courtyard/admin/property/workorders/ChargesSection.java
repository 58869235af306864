package org.courtyard.admin.property.workorders;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.When;
import org.courtyard.admin.ui.Errors;

/**
 * The order page's charges (收费): what completing a paid repair charged the room, the bill it became
 * and what is paid on it, or why it is still waiting (billing away) or was not voided (paid before
 * the order was cancelled). A charge billing refused for good (the room gone, the bill paid) is put
 * back in billing's queue from here once its cause is mended. Shown only for an order that has a
 * charge or whose category is paid.
 */
final class ChargesSection extends VerticalLayout {

  private final Grid<Charge> grid = new Grid<>();
  private final Span empty = new Span();
  private WorkOrdersClient client;
  private Order order;

  ChargesSection() {
    setId("wo-charges");
    setPadding(false);
    grid.setId("wo-charges-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.setAllRowsVisible(true);
    grid.addColumn(c -> MaterialsSection.money(c.amount()))
        .setKey("amount")
        .setHeader(getTranslation("workorders.charges.amount"))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);
    grid.addColumn(c -> getTranslation("workorders.charges.state." + c.state()))
        .setKey("state")
        .setHeader(getTranslation("workorders.charges.state"))
        .setAutoWidth(true);
    grid.addColumn(this::bill)
        .setKey("bill")
        .setHeader(getTranslation("workorders.charges.bill"))
        .setFlexGrow(1);
    grid.addColumn(c -> When.format(c.createdAt(), getLocale()))
        .setKey("at")
        .setHeader(getTranslation("workorders.charges.at"))
        .setAutoWidth(true);
    grid.addComponentColumn(this::retryButton).setKey("retry").setAutoWidth(true);
    empty.setId("wo-charges-empty");
    add(new H3(getTranslation("workorders.charges.title")), grid, empty);
  }

  void show(WorkOrdersClient client, Order order, Category category) {
    this.client = client;
    this.order = order;
    List<Charge> charges;
    try {
      charges = client.charges(order.id());
    } catch (ApiProblem | ApiUnreachable e) {
      grid.setItems(List.of());
      empty.setText(Refused.show(e));
      setVisible(true);
      return;
    }
    boolean paid = category != null && Boolean.TRUE.equals(category.paid());
    setVisible(paid || !charges.isEmpty());
    grid.setItems(charges);
    grid.setVisible(!charges.isEmpty());
    empty.setText(charges.isEmpty() ? getTranslation("workorders.charges.none") : "");
  }

  private Component retryButton(Charge c) {
    if (!"refused".equals(c.state()) && !"void_refused".equals(c.state())) {
      return new Span();
    }
    Button b = new Button(getTranslation("workorders.charges.retry"), e -> retry(c));
    b.setId("wo-charges-retry-" + c.seq());
    b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    b.setTooltipText(getTranslation("workorders.charges.retry.hint"));
    return b;
  }

  private void retry(Charge c) {
    try {
      List<Charge> after = client.retryCharge(order.id(), c.seq());
      grid.setItems(after);
      Charge now = after.stream().filter(a -> a.seq() == c.seq()).findFirst().orElse(c);
      Errors.success(
          getTranslation(
              "workorders.charges.retried",
              getTranslation("workorders.charges.state." + now.state())));
    } catch (ApiProblem | ApiUnreachable e) {
      Refused.show(e);
    }
  }

  private String bill(Charge c) {
    if (c.billId() == null) {
      return c.note() == null ? "" : c.note();
    }
    String bill = getTranslation("workorders.charges.billNo", c.billId());
    if (c.billStatus() != null) {
      bill +=
          " · "
              + getTranslation("workorders.charges.billStatus." + c.billStatus())
              + " · "
              + getTranslation("workorders.charges.paid", MaterialsSection.money(c.paid()));
    }
    return c.note() == null ? bill : bill + " · " + c.note();
  }
}
