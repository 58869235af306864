package org.courtyard.admin.property.workorders;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.ui.Errors;

/**
 * Uses material on an order: one of the active materials of the order's estate (with what is in
 * stock) and a quantity. The stock is the API's to check: 409 {@code insufficient-stock} takes
 * nothing and its detail (what is left) is shown, the dialog staying open for a smaller quantity.
 */
final class UseMaterialDialog extends Dialog {

  @FunctionalInterface
  interface Done extends Serializable {
    void used(OrderMaterials.Use use);
  }

  private final WorkOrdersClient client;
  private final Order order;
  private final Done done;
  private final ComboBox<Material> material = new ComboBox<>();
  private final BigDecimalField quantity = new BigDecimalField();
  private final TextField note = new TextField();

  UseMaterialDialog(WorkOrdersClient client, Order order, Done done) {
    this.client = client;
    this.order = order;
    this.done = done;
    setId("wo-use-dialog");
    setHeaderTitle(getTranslation("workorders.materials.use.title", order.number()));
    material.setId("wo-use-material");
    material.setLabel(getTranslation("workorders.materials.material"));
    material.setItemLabelGenerator(
        m ->
            getTranslation(
                "workorders.materials.choice",
                m.name(),
                m.code(),
                MaterialsSection.plain(m.quantity()),
                m.unit() == null ? "" : m.unit()));
    List<Material> materials;
    try {
      materials = order.estateId() == null ? List.of() : client.activeMaterials(order.estateId());
    } catch (ApiProblem | ApiUnreachable e) {
      Refused.show(e);
      materials = List.of();
    }
    material.setItems(materials);
    material.setRequiredIndicatorVisible(true);
    material.setWidthFull();
    quantity.setId("wo-use-quantity");
    quantity.setLabel(getTranslation("workorders.materials.quantity"));
    quantity.setRequiredIndicatorVisible(true);
    note.setId("wo-use-note");
    note.setLabel(getTranslation("workorders.action.note"));
    note.setMaxLength(500);
    note.setWidthFull();
    add(material, quantity, note);
    Button ok = new Button(getTranslation("workorders.materials.use"), e -> use());
    ok.setId("wo-use-ok");
    ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button cancel = new Button(getTranslation("action.cancel"), e -> close());
    cancel.setId("wo-use-cancel");
    getFooter().add(cancel, ok);
    setWidth("min(30em, 95vw)");
  }

  private void use() {
    material.setInvalid(material.getValue() == null);
    material.setErrorMessage(
        material.isInvalid() ? getTranslation("workorders.materials.material.required") : null);
    BigDecimal q = quantity.getValue();
    quantity.setInvalid(q == null || q.signum() <= 0);
    quantity.setErrorMessage(
        quantity.isInvalid() ? getTranslation("workorders.materials.quantity.positive") : null);
    if (material.isInvalid() || quantity.isInvalid()) {
      return;
    }
    String text =
        note.getValue() == null || note.getValue().isBlank() ? null : note.getValue().strip();
    try {
      OrderMaterials.Use used =
          client.use(order.id(), new OrderMaterials.Input(material.getValue().id(), q, text));
      Errors.success(getTranslation("workorders.materials.used", used.name()));
      close();
      done.used(used);
    } catch (ApiProblem p) {
      Refused.show(p);
      if (p.status() == 409 && "insufficient-stock".equals(p.shortType())) {
        quantity.setErrorMessage(p.detail());
        quantity.setInvalid(true);
      }
    } catch (ApiUnreachable e) {
      Errors.show(e);
    }
  }
}
