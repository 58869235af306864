package org.courtyard.admin.property.workorders;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.estate.Estate;
import org.courtyard.admin.ui.Errors;

/**
 * Creates a material in an estate's stores with nothing in stock: code, name, unit and the unit
 * cost before any receipt; or edits one at the version read: code, name, unit, and whether it is
 * still in use (a retired material is kept with its history and no longer offered for orders). Its
 * estate, quantity and cost change only by movements. The API checks it: a 422's field errors go on
 * the fields, a 409 {@code duplicate} code or {@code stale-version} shows its detail.
 */
final class MaterialDialog extends Dialog {

  @FunctionalInterface
  interface Done extends Serializable {
    void created(Material material);
  }

  private final WorkOrdersClient client;
  private final Done done;
  private final ComboBox<Estate> estate = new ComboBox<>();
  private final TextField code = new TextField();
  private final TextField name = new TextField();
  private final TextField unit = new TextField();
  private final BigDecimalField unitCost = new BigDecimalField();
  private final Checkbox active = new Checkbox();
  private final Material editing;

  MaterialDialog(WorkOrdersClient client, List<Estate> estates, Estate chosen, Done done) {
    this(client, estates, chosen, null, done);
  }

  /** Edits {@code material}. */
  MaterialDialog(WorkOrdersClient client, List<Estate> estates, Material material, Done done) {
    this(
        client,
        estates,
        estates.stream().filter(e -> e.id() == material.estateId()).findFirst().orElse(null),
        material,
        done);
  }

  private MaterialDialog(
      WorkOrdersClient client, List<Estate> estates, Estate chosen, Material material, Done done) {
    this.client = client;
    this.done = done;
    this.editing = material;
    setId("wo-material-dialog");
    setHeaderTitle(getTranslation("workorders.stock.new"));
    estate.setId("wo-material-estate");
    estate.setLabel(getTranslation("workorders.estate"));
    estate.setItems(estates);
    estate.setItemLabelGenerator(Estate::name);
    estate.setRequiredIndicatorVisible(true);
    if (chosen != null) {
      estate.setValue(chosen);
    } else if (estates.size() == 1) {
      estate.setValue(estates.get(0));
    }
    code.setId("wo-material-code");
    code.setLabel(getTranslation("workorders.stock.code"));
    code.setRequiredIndicatorVisible(true);
    code.setMaxLength(40);
    name.setId("wo-material-name");
    name.setLabel(getTranslation("workorders.stock.name"));
    name.setRequiredIndicatorVisible(true);
    name.setMaxLength(100);
    unit.setId("wo-material-unit");
    unit.setLabel(getTranslation("workorders.stock.unit"));
    unit.setRequiredIndicatorVisible(true);
    unit.setMaxLength(10);
    unitCost.setId("wo-material-unitCost");
    unitCost.setLabel(getTranslation("workorders.materials.unitCost"));
    active.setId("wo-material-active");
    active.setLabel(getTranslation("workorders.stock.active"));
    if (material != null) {
      setHeaderTitle(getTranslation("workorders.stock.editTitle", material.name()));
      estate.setReadOnly(true);
      code.setValue(material.code());
      name.setValue(material.name());
      unit.setValue(material.unit() == null ? "" : material.unit());
      active.setValue(material.active());
      add(new FormLayout(estate, code, name, unit, active));
    } else {
      add(new FormLayout(estate, code, name, unit, unitCost));
    }
    Button ok = new Button(getTranslation("workorders.save"), e -> save());
    ok.setId("wo-material-ok");
    ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button cancel = new Button(getTranslation("action.cancel"), e -> close());
    cancel.setId("wo-material-cancel");
    getFooter().add(cancel, ok);
    setWidth("min(36em, 95vw)");
  }

  private void save() {
    if (editing != null) {
      saveEdit();
      return;
    }
    estate.setInvalid(estate.getValue() == null);
    estate.setErrorMessage(
        estate.isInvalid() ? getTranslation("workorders.stock.estate.required") : null);
    if (estate.isInvalid()) {
      return;
    }
    Material.Input input =
        new Material.Input(
            estate.getValue().id(),
            code.getValue().strip(),
            name.getValue().strip(),
            unit.getValue().strip(),
            unitCost.getValue(),
            true,
            null);
    try {
      Material created = client.createMaterial(input);
      Errors.success(getTranslation("workorders.stock.created", created.name()));
      close();
      done.created(created);
    } catch (ApiProblem p) {
      Refused.show(p);
      Map<String, HasValidation> fields = new LinkedHashMap<>();
      fields.put("estateId", estate);
      fields.put("code", code);
      fields.put("name", name);
      fields.put("unit", unit);
      fields.put("unitCost", unitCost);
      Refused.mark(p, fields);
    } catch (ApiUnreachable e) {
      Errors.show(e);
    }
  }

  private void saveEdit() {
    Material.Input input =
        new Material.Input(
            null,
            code.getValue().strip(),
            name.getValue().strip(),
            unit.getValue().strip(),
            null,
            active.getValue(),
            editing.version());
    try {
      Material saved = client.updateMaterial(editing.id(), input);
      Errors.success(getTranslation("workorders.stock.saved", saved.name()));
      close();
      done.created(saved);
    } catch (ApiProblem p) {
      Refused.show(p);
      Map<String, HasValidation> fields = new LinkedHashMap<>();
      fields.put("code", code);
      fields.put("name", name);
      fields.put("unit", unit);
      Refused.mark(p, fields);
    } catch (ApiUnreachable e) {
      Errors.show(e);
    }
  }
}
