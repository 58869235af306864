package org.courtyard.admin.property.workorders;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.io.Serializable;
import java.math.BigDecimal;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.ui.Errors;

/**
 * Moves a material's stock: a receipt (入库: a positive quantity at its unit cost) or a stocktake's
 * correction (盘点: found more, or less when negative, with a note saying why). The API keeps the
 * stock from going below zero (409 {@code insufficient-stock}, its detail shown).
 */
final class MovementDialog extends Dialog {

  static final String RECEIPT = "receipt";
  static final String ADJUSTMENT = "adjustment";

  @FunctionalInterface
  interface Done extends Serializable {
    void moved(Material.Movement movement);
  }

  private final WorkOrdersClient client;
  private final Material material;
  private final String kind;
  private final Done done;
  private final BigDecimalField quantity = new BigDecimalField();
  private final BigDecimalField unitCost = new BigDecimalField();
  private final TextField note = new TextField();

  MovementDialog(WorkOrdersClient client, Material material, String kind, Done done) {
    this.client = client;
    this.material = material;
    this.kind = kind;
    this.done = done;
    setId("wo-movement-dialog");
    setHeaderTitle(
        getTranslation(
                RECEIPT.equals(kind) ? "workorders.stock.receive" : "workorders.stock.adjust")
            + " · "
            + material.name());
    quantity.setId("wo-movement-quantity");
    quantity.setLabel(
        getTranslation(
            RECEIPT.equals(kind) ? "workorders.stock.quantity" : "workorders.stock.difference"));
    quantity.setHelperText(
        getTranslation(
            "workorders.stock.inStock",
            MaterialsSection.plain(material.quantity()),
            material.unit() == null ? "" : material.unit()));
    quantity.setRequiredIndicatorVisible(true);
    add(quantity);
    if (RECEIPT.equals(kind)) {
      unitCost.setId("wo-movement-unitCost");
      unitCost.setLabel(getTranslation("workorders.materials.unitCost"));
      unitCost.setRequiredIndicatorVisible(true);
      add(unitCost);
    }
    note.setId("wo-movement-note");
    note.setLabel(getTranslation("workorders.action.note"));
    note.setRequiredIndicatorVisible(ADJUSTMENT.equals(kind));
    note.setMaxLength(500);
    note.setWidthFull();
    add(note);
    Button ok = new Button(getTranslation("workorders.save"), e -> save());
    ok.setId("wo-movement-ok");
    ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button cancel = new Button(getTranslation("action.cancel"), e -> close());
    cancel.setId("wo-movement-cancel");
    getFooter().add(cancel, ok);
    setWidth("min(28em, 95vw)");
  }

  private void save() {
    BigDecimal q = quantity.getValue();
    boolean receipt = RECEIPT.equals(kind);
    quantity.setInvalid(q == null || (receipt ? q.signum() <= 0 : q.signum() == 0));
    quantity.setErrorMessage(
        quantity.isInvalid()
            ? getTranslation(
                receipt
                    ? "workorders.materials.quantity.positive"
                    : "workorders.stock.difference.required")
            : null);
    String text = note.getValue() == null ? "" : note.getValue().strip();
    note.setInvalid(!receipt && text.isEmpty());
    note.setErrorMessage(
        note.isInvalid() ? getTranslation("workorders.action.note.required") : null);
    if (receipt) {
      unitCost.setInvalid(unitCost.getValue() == null || unitCost.getValue().signum() < 0);
      unitCost.setErrorMessage(
          unitCost.isInvalid() ? getTranslation("workorders.stock.unitCost.required") : null);
    }
    if (quantity.isInvalid() || note.isInvalid() || (receipt && unitCost.isInvalid())) {
      return;
    }
    Material.Change change =
        new Material.Change(q, receipt ? unitCost.getValue() : null, text.isEmpty() ? null : text);
    try {
      Material.Movement moved =
          receipt ? client.receive(material.id(), change) : client.adjust(material.id(), change);
      Errors.success(
          getTranslation(
              "workorders.stock.moved",
              material.name(),
              MaterialsSection.plain(moved.balance()),
              material.unit() == null ? "" : material.unit()));
      close();
      done.moved(moved);
    } catch (ApiProblem p) {
      Refused.show(p);
      if (p.status() == 409 || p.status() == 422) {
        quantity.setErrorMessage(p.detail());
        quantity.setInvalid(true);
      }
    } catch (ApiUnreachable e) {
      Errors.show(e);
    }
  }
}
