package org.courtyard.admin.property.workorders;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.math.BigDecimal;
import java.util.List;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.property.When;
import org.courtyard.admin.ui.Errors;

/**
 * The order page's materials (用料): each use with its quantity, unit cost and cost, those given back
 * marked, and the order's material cost. Staff with {@code workorders.order.work} use material of
 * the order's estate ({@link UseMaterialDialog}) and give a use back; the API refuses what the
 * stock or the order's state does not allow (409 {@code insufficient-stock}, {@code wrong-state})
 * and its detail is shown.
 */
final class MaterialsSection extends VerticalLayout {

  static final String WORK = "workorders.order.work";

  private final Grid<OrderMaterials.Use> grid = new Grid<>();
  private final Span total = new Span();
  private final Button use = new Button();
  private WorkOrdersClient client;
  private Order order;

  MaterialsSection() {
    setId("wo-materials");
    setPadding(false);
    use.setId("wo-materials-use");
    use.setText(getTranslation("workorders.materials.use"));
    use.addThemeVariants(ButtonVariant.LUMO_SMALL);
    use.addClickListener(e -> new UseMaterialDialog(client, order, used -> load()).open());
    HorizontalLayout head =
        new HorizontalLayout(new H3(getTranslation("workorders.materials.title")), use);
    head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    grid.setId("wo-materials-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.setAllRowsVisible(true);
    grid.addColumn(u -> u.name() + " (" + u.code() + ")")
        .setKey("material")
        .setHeader(getTranslation("workorders.materials.material"))
        .setFlexGrow(1);
    grid.addColumn(u -> plain(u.quantity()) + " " + (u.unit() == null ? "" : u.unit()))
        .setKey("quantity")
        .setHeader(getTranslation("workorders.materials.quantity"))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);
    grid.addColumn(u -> money(u.unitCost()))
        .setKey("unitCost")
        .setHeader(getTranslation("workorders.materials.unitCost"))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);
    grid.addColumn(
            u ->
                u.returnedAt() == null
                    ? money(u.cost())
                    : getTranslation(
                        "workorders.materials.returned", When.format(u.returnedAt(), getLocale())))
        .setKey("cost")
        .setHeader(getTranslation("workorders.materials.cost"))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);
    grid.addComponentColumn(this::giveBackButton).setKey("giveBack").setAutoWidth(true);
    total.setId("wo-materials-total");
    add(head, grid, total);
  }

  void show(WorkOrdersClient client, Order order) {
    this.client = client;
    this.order = order;
    use.setVisible(PropertySession.can(WORK) && open(order));
    load();
  }

  /** Material is used and given back while the order is worked on. */
  private static boolean open(Order o) {
    return List.of("accepted", "in_progress", "paused").contains(o.state());
  }

  private void load() {
    try {
      OrderMaterials m = client.orderMaterials(order.id());
      grid.setItems(m.uses());
      total.setText(getTranslation("workorders.materials.total", money(m.totalCost())));
    } catch (ApiProblem | ApiUnreachable e) {
      grid.setItems(List.of());
      total.setText(Refused.show(e));
    }
  }

  private com.vaadin.flow.component.Component giveBackButton(OrderMaterials.Use u) {
    if (u.returnedAt() != null || !PropertySession.can(WORK) || !open(order)) {
      return new Span();
    }
    Button b = new Button(getTranslation("workorders.materials.giveBack"), e -> giveBack(u));
    b.setId("wo-materials-giveBack-" + u.id());
    b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    return b;
  }

  private void giveBack(OrderMaterials.Use u) {
    try {
      client.giveBack(order.id(), u.id());
      Errors.success(getTranslation("workorders.materials.givenBack", u.name()));
    } catch (ApiProblem | ApiUnreachable e) {
      Refused.show(e);
    }
    load();
  }

  static String plain(BigDecimal d) {
    return d == null ? "—" : d.stripTrailingZeros().toPlainString();
  }

  static String money(BigDecimal d) {
    return d == null ? "—" : "¥" + d.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
  }
}
