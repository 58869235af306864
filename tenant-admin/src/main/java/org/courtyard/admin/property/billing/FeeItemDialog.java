package org.courtyard.admin.property.billing;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.ui.Errors;
import org.courtyard.admin.ui.Texts;

/**
 * Creates or edits a fee item. The kind (and a metered item's meter type) cannot change once made,
 * so they are fixed on edit; a metered item's price tiers are kept as they are (a new metered item
 * starts with one flat tier at its unit price). Rounding is left as the API set it.
 */
final class FeeItemDialog extends Dialog {

  static final List<String> KINDS = List.of("fixed", "area", "per_vehicle", "metered", "one_off");
  static final List<String> CYCLES = List.of("monthly", "quarterly", "yearly");
  static final List<String> ROOM_TYPES = List.of("residential", "commercial", "parking", "storage");
  static final List<String> METER_TYPES = List.of("water", "electricity", "gas");

  /** Told the item as saved. */
  @FunctionalInterface
  interface Saved extends Consumer<FeeItem>, Serializable {}

  private final FeeItem editing;
  private final Saved saved;
  private final TextField code = new TextField();
  private final TextField name = new TextField();
  private final Select<String> kind = new Select<>();
  private final Select<String> meterType = new Select<>();
  private final BigDecimalField unitPrice = new BigDecimalField();
  private final Select<String> cycle = new Select<>();
  private final CheckboxGroup<String> types = new CheckboxGroup<>();
  private final DatePicker from = new DatePicker();
  private final DatePicker to = new DatePicker();

  FeeItemDialog(FeeItem editing, Saved saved) {
    this.editing = editing;
    this.saved = saved;
    setHeaderTitle(
        editing == null
            ? getTranslation("billing.fees.new")
            : getTranslation("billing.fees.editing", editing.code()));
    code.setId("fee-code");
    code.setLabel(getTranslation("billing.fee.code"));
    code.setHelperText(getTranslation("billing.fee.code.help"));
    code.setRequiredIndicatorVisible(true);
    code.setMaxLength(32);
    code.setPattern("[A-Za-z0-9._-]{1,32}");
    name.setId("fee-name");
    name.setLabel(getTranslation("billing.fee.name"));
    name.setRequiredIndicatorVisible(true);
    name.setMaxLength(100);
    kind.setId("fee-kind");
    kind.setLabel(getTranslation("billing.fee.kind"));
    kind.setItems(KINDS);
    kind.setItemLabelGenerator(k -> Texts.state("billing.fee.kind.", k));
    kind.setValue("fixed");
    meterType.setId("fee-meter-type");
    meterType.setLabel(getTranslation("billing.fee.meterType"));
    meterType.setItems(METER_TYPES);
    meterType.setItemLabelGenerator(m -> Texts.state("billing.fee.meter.", m));
    meterType.setValue("water");
    unitPrice.setId("fee-price");
    unitPrice.setLabel(getTranslation("billing.fee.unitPrice"));
    unitPrice.setRequiredIndicatorVisible(true);
    cycle.setId("fee-cycle");
    cycle.setLabel(getTranslation("billing.fee.cycle"));
    cycle.setItems(CYCLES);
    cycle.setItemLabelGenerator(c -> Texts.state("billing.fee.cycle.", c));
    cycle.setValue("monthly");
    types.setId("fee-types");
    types.setLabel(getTranslation("billing.fee.types"));
    types.setHelperText(getTranslation("billing.fee.types.help"));
    types.setItems(ROOM_TYPES);
    types.setItemLabelGenerator(t -> Texts.state("billing.fee.type.", t));
    from.setId("fee-from");
    from.setLabel(getTranslation("billing.fee.from"));
    from.setRequiredIndicatorVisible(true);
    from.setValue(LocalDate.now().withDayOfMonth(1));
    to.setId("fee-to");
    to.setLabel(getTranslation("billing.fee.to"));
    to.setClearButtonVisible(true);
    kind.addValueChangeListener(e -> kindChanged());

    FormLayout form = new FormLayout(code, name, kind, meterType, unitPrice, cycle, from, to);
    form.add(types, 2);
    add(form);
    if (editing != null) {
      fill(editing);
      if ("metered".equals(editing.kind()) && editing.tiers() != null) {
        Paragraph tiers =
            new Paragraph(getTranslation("billing.fee.tiers.kept", editing.tiers().size()));
        tiers.setId("fee-tiers-kept");
        add(tiers);
      }
    }
    kindChanged();

    Button save = new Button(getTranslation("billing.fees.save"), e -> save());
    save.setId("fee-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button cancel = new Button(getTranslation("billing.fees.cancel"), e -> close());
    cancel.setId("fee-cancel");
    getFooter().add(cancel, save);
    setCloseOnEsc(true);
  }

  private void fill(FeeItem f) {
    code.setValue(f.code() == null ? "" : f.code());
    name.setValue(f.name() == null ? "" : f.name());
    kind.setValue(f.kind());
    kind.setReadOnly(true);
    if (f.meterType() != null) {
      meterType.setValue(f.meterType());
    }
    meterType.setReadOnly(true);
    unitPrice.setValue(f.unitPrice());
    cycle.setValue(f.cycle() == null ? "monthly" : f.cycle());
    types.setValue(f.appliesToTypes() == null ? Set.of() : Set.copyOf(f.appliesToTypes()));
    from.setValue(f.effectiveFrom());
    to.setValue(f.effectiveTo());
  }

  private void kindChanged() {
    boolean metered = "metered".equals(kind.getValue());
    meterType.setVisible(metered);
    cycle.setEnabled(!metered && !"one_off".equals(kind.getValue()));
    if (metered) {
      cycle.setValue("monthly");
    }
  }

  /** The item as the form has it now, for the API; null (fields marked) while incomplete. */
  FeeItem item() {
    boolean ok = true;
    String c = code.getValue().strip();
    code.setInvalid(!c.matches("[A-Za-z0-9._-]{1,32}"));
    code.setErrorMessage(code.isInvalid() ? getTranslation("billing.fee.code.help") : null);
    ok &= !code.isInvalid();
    String n = name.getValue().strip();
    name.setInvalid(n.isEmpty());
    name.setErrorMessage(n.isEmpty() ? getTranslation("billing.fee.name.required") : null);
    ok &= !n.isEmpty();
    BigDecimal price = unitPrice.getValue();
    boolean priceOk =
        price != null && price.signum() >= 0 && price.stripTrailingZeros().scale() <= 4;
    unitPrice.setInvalid(!priceOk);
    unitPrice.setErrorMessage(priceOk ? null : getTranslation("billing.fee.unitPrice.invalid"));
    ok &= priceOk;
    from.setInvalid(from.getValue() == null);
    from.setErrorMessage(from.isInvalid() ? getTranslation("billing.fee.from.required") : null);
    ok &= from.getValue() != null;
    if (!ok) {
      return null;
    }
    boolean metered = "metered".equals(kind.getValue());
    List<FeeItem.Tier> tiers = null;
    if (metered) {
      tiers =
          editing != null && editing.tiers() != null && !editing.tiers().isEmpty()
              ? editing.tiers()
              : List.of(new FeeItem.Tier(null, price));
    }
    return new FeeItem(
        null,
        c,
        n,
        kind.getValue(),
        price,
        List.copyOf(types.getValue()),
        metered ? "monthly" : cycle.getValue(),
        editing == null ? null : editing.roundingScale(),
        editing == null ? null : editing.roundingMode(),
        from.getValue(),
        to.getValue(),
        editing == null ? null : editing.version(),
        metered ? meterType.getValue() : null,
        tiers);
  }

  private void save() {
    FeeItem item = item();
    if (item == null) {
      return;
    }
    BillingClient client = new BillingClient(PropertySession.api());
    try {
      FeeItem result =
          editing == null ? client.createFeeItem(item) : client.updateFeeItem(editing.id(), item);
      Errors.success(getTranslation("billing.fees.saved", result.code()));
      close();
      saved.accept(result);
    } catch (ApiProblem p) {
      Map<String, HasValidation> fields = new LinkedHashMap<>();
      fields.put("code", code);
      fields.put("name", name);
      fields.put("kind", kind);
      fields.put("meterType", meterType);
      fields.put("unitPrice", unitPrice);
      fields.put("cycle", cycle);
      fields.put("appliesToTypes", types);
      fields.put("effectiveFrom", from);
      fields.put("effectiveTo", to);
      if ("duplicate".equals(p.shortType())) {
        code.setErrorMessage(p.detail());
        code.setInvalid(true);
      } else {
        FieldProblems.mark(p, fields);
      }
      Errors.show(p);
    } catch (ApiUnreachable e) {
      Errors.show(e);
    }
  }
}
