package org.courtyard.admin.property.workorders;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.List;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.When;
import org.courtyard.admin.ui.Texts;

/**
 * A material's latest movements, newest first: receipts, stocktake corrections, uses on orders and
 * returns, each with the signed quantity and the stock it left.
 */
final class MovementsDialog extends Dialog {

  private final Grid<Material.Movement> grid = new Grid<>();

  MovementsDialog(WorkOrdersClient client, Material material) {
    setId("wo-movements-dialog");
    setHeaderTitle(
        getTranslation("workorders.stock.movements")
            + " · "
            + material.name()
            + " ("
            + material.code()
            + ")");
    grid.setId("wo-movements-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.addColumn(m -> When.format(m.at(), getLocale()))
        .setKey("at")
        .setHeader(getTranslation("workorders.feedback.at"))
        .setAutoWidth(true);
    grid.addColumn(m -> Texts.state("workorders.movement.", m.kind()))
        .setKey("kind")
        .setHeader(getTranslation("workorders.stock.kind"))
        .setAutoWidth(true);
    grid.addColumn(m -> signed(m))
        .setKey("quantity")
        .setHeader(getTranslation("workorders.stock.quantity"))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);
    grid.addColumn(m -> MaterialsSection.plain(m.balance()))
        .setKey("balance")
        .setHeader(getTranslation("workorders.stock.balance"))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);
    grid.addColumn(m -> m.orderNumber() == null ? "" : m.orderNumber())
        .setKey("order")
        .setHeader(getTranslation("workorders.number"))
        .setAutoWidth(true);
    grid.addColumn(m -> m.note() == null ? "" : m.note())
        .setKey("note")
        .setHeader(getTranslation("workorders.action.note"))
        .setFlexGrow(1);
    try {
      grid.setItems(client.movements(material.id()));
    } catch (ApiProblem | ApiUnreachable e) {
      Refused.show(e);
      grid.setItems(List.of());
    }
    add(grid);
    Button close = new Button(getTranslation("action.close"), e -> close());
    close.setId("wo-movements-close");
    getFooter().add(close);
    setWidth("min(56em, 95vw)");
    setHeight("70vh");
  }

  private static String signed(Material.Movement m) {
    String q = MaterialsSection.plain(m.quantity());
    return m.quantity() != null && m.quantity().signum() > 0 ? "+" + q : q;
  }
}
