package org.courtyard.admin.property.workorders;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.ui.Errors;
import org.courtyard.admin.ui.Texts;

/**
 * Creates or edits a work-order category: code, names in English and Chinese, kind, dispatch mode,
 * paid with a price range, return visit, skill, whether its deadlines count in working hours, and
 * the minutes to respond and to resolve per priority. The API's refusal (409 stale version, 422
 * with field errors) is shown as its problem, and on the fields it names.
 */
final class CategoryDialog extends Dialog {

  static final List<String> KINDS = List.of("repair", "complaint", "inquiry", "praise");
  static final List<String> DISPATCH_MODES = List.of("assign", "grab", "round_robin", "auto");

  /** Told the category as saved. */
  @FunctionalInterface
  interface Saved extends Consumer<Category>, Serializable {}

  private final Category editing;
  private final Saved saved;
  private final TextField code = new TextField();
  private final TextField nameEn = new TextField();
  private final TextField nameZh = new TextField();
  private final Select<String> kind = new Select<>();
  private final Select<String> dispatchMode = new Select<>();
  private final Checkbox paid = new Checkbox();
  private final BigDecimalField priceMin = new BigDecimalField();
  private final BigDecimalField priceMax = new BigDecimalField();
  private final Checkbox returnVisit = new Checkbox();
  private final TextField skill = new TextField();
  private final Checkbox workingHours = new Checkbox();
  private final Checkbox active = new Checkbox();
  private final Map<String, IntegerField> minutes = new LinkedHashMap<>();

  CategoryDialog(Category editing, Saved saved) {
    this.editing = editing;
    this.saved = saved;
    setId("wo-category-dialog");
    setHeaderTitle(
        editing == null
            ? getTranslation("workorders.categories.new")
            : getTranslation("workorders.categories.editing", editing.code()));
    code.setId("wo-category-code");
    code.setLabel(getTranslation("workorders.category.code"));
    code.setRequiredIndicatorVisible(true);
    code.setMaxLength(40);
    code.setHelperText(getTranslation("workorders.category.code.help"));
    nameEn.setId("wo-category-name-en");
    nameEn.setLabel(getTranslation("workorders.category.nameEn"));
    nameEn.setRequiredIndicatorVisible(true);
    nameEn.setMaxLength(100);
    nameZh.setId("wo-category-name-zh");
    nameZh.setLabel(getTranslation("workorders.category.nameZh"));
    nameZh.setRequiredIndicatorVisible(true);
    nameZh.setMaxLength(100);
    kind.setId("wo-category-kind");
    kind.setLabel(getTranslation("workorders.category.kind"));
    kind.setItems(KINDS);
    kind.setItemLabelGenerator(k -> Texts.state("workorders.kind.", k));
    kind.setValue("repair");
    dispatchMode.setId("wo-category-dispatch");
    dispatchMode.setLabel(getTranslation("workorders.category.dispatchMode"));
    dispatchMode.setItems(DISPATCH_MODES);
    dispatchMode.setItemLabelGenerator(m -> Texts.state("workorders.dispatchMode.", m));
    dispatchMode.setValue("assign");
    paid.setId("wo-category-paid");
    paid.setLabel(getTranslation("workorders.category.paid"));
    paid.addValueChangeListener(e -> paidChanged());
    priceMin.setId("wo-category-price-min");
    priceMin.setLabel(getTranslation("workorders.category.priceMin"));
    priceMax.setId("wo-category-price-max");
    priceMax.setLabel(getTranslation("workorders.category.priceMax"));
    returnVisit.setId("wo-category-return-visit");
    returnVisit.setLabel(getTranslation("workorders.category.returnVisit"));
    skill.setId("wo-category-skill");
    skill.setLabel(getTranslation("workorders.category.skill"));
    skill.setMaxLength(40);
    workingHours.setId("wo-category-working-hours");
    workingHours.setLabel(getTranslation("workorders.category.workingHours"));
    workingHours.setValue(true);
    active.setId("wo-category-active");
    active.setLabel(getTranslation("workorders.category.active"));
    active.setValue(true);

    FormLayout form =
        new FormLayout(
            code,
            kind,
            nameEn,
            nameZh,
            dispatchMode,
            skill,
            paid,
            returnVisit,
            priceMin,
            priceMax,
            workingHours,
            active);
    add(form);
    FormLayout times = new FormLayout();
    times.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 3));
    for (String clock : List.of("response", "resolution")) {
      for (String p : OrderWords.PRIORITIES) {
        IntegerField f = new IntegerField();
        f.setId("wo-category-" + clock + "-" + p);
        f.setLabel(
            getTranslation(
                "workorders.category.minutesFor",
                getTranslation("workorders.deadline." + clock),
                OrderWords.priority(p)));
        f.setMin(1);
        f.setStepButtonsVisible(false);
        f.setRequiredIndicatorVisible(true);
        minutes.put(clock + "." + p, f);
        times.add(f);
      }
    }
    add(new H4(getTranslation("workorders.category.minutes.title")), times);
    if (editing != null) {
      fill(editing);
    }
    paidChanged();

    Button save = new Button(getTranslation("workorders.categories.save"), e -> save());
    save.setId("wo-category-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button cancel = new Button(getTranslation("action.cancel"), e -> close());
    cancel.setId("wo-category-cancel");
    getFooter().add(cancel, save);
    setWidth("min(48em, 95vw)");
  }

  private void fill(Category c) {
    code.setValue(c.code() == null ? "" : c.code());
    nameEn.setValue(c.nameEn() == null ? "" : c.nameEn());
    nameZh.setValue(c.nameZh() == null ? "" : c.nameZh());
    if (c.kind() != null) {
      kind.setValue(c.kind());
    }
    if (c.dispatchMode() != null) {
      dispatchMode.setValue(c.dispatchMode());
    }
    paid.setValue(Boolean.TRUE.equals(c.paid()));
    priceMin.setValue(c.priceMin());
    priceMax.setValue(c.priceMax());
    returnVisit.setValue(Boolean.TRUE.equals(c.returnVisit()));
    skill.setValue(c.skill() == null ? "" : c.skill());
    workingHours.setValue(!Boolean.FALSE.equals(c.workingHours()));
    active.setValue(!Boolean.FALSE.equals(c.active()));
    fillMinutes("response", c.responseMinutes());
    fillMinutes("resolution", c.resolutionMinutes());
  }

  private void fillMinutes(String clock, Category.Minutes m) {
    if (m != null) {
      minutes.get(clock + ".normal").setValue(m.normal());
      minutes.get(clock + ".urgent").setValue(m.urgent());
      minutes.get(clock + ".emergency").setValue(m.emergency());
    }
  }

  private void paidChanged() {
    boolean p = Boolean.TRUE.equals(paid.getValue());
    priceMin.setEnabled(p);
    priceMax.setEnabled(p);
  }

  /** The category as the form has it, for the API; null (fields marked) while incomplete. */
  Category category() {
    boolean ok = true;
    ok &= required(code, "workorders.category.code.required");
    ok &= required(nameEn, "workorders.category.name.required");
    ok &= required(nameZh, "workorders.category.name.required");
    for (IntegerField f : minutes.values()) {
      boolean good = f.getValue() != null && f.getValue() > 0;
      f.setInvalid(!good);
      f.setErrorMessage(good ? null : getTranslation("workorders.category.minutes.invalid"));
      ok &= good;
    }
    boolean p = Boolean.TRUE.equals(paid.getValue());
    BigDecimal min = p ? priceMin.getValue() : null;
    BigDecimal max = p ? priceMax.getValue() : null;
    boolean range = min == null || max == null || min.compareTo(max) <= 0;
    priceMax.setInvalid(!range);
    priceMax.setErrorMessage(range ? null : getTranslation("workorders.category.price.range"));
    ok &= range;
    if (!ok) {
      return null;
    }
    return new Category(
        null,
        code.getValue().strip(),
        nameEn.getValue().strip(),
        nameZh.getValue().strip(),
        kind.getValue(),
        dispatchMode.getValue(),
        p,
        min,
        max,
        returnVisit.getValue(),
        skill.getValue().isBlank() ? null : skill.getValue().strip(),
        workingHours.getValue(),
        active.getValue(),
        editing == null ? null : editing.version(),
        minutesOf("response"),
        minutesOf("resolution"));
  }

  private Category.Minutes minutesOf(String clock) {
    return new Category.Minutes(
        minutes.get(clock + ".normal").getValue(),
        minutes.get(clock + ".urgent").getValue(),
        minutes.get(clock + ".emergency").getValue());
  }

  private boolean required(TextField f, String message) {
    boolean good = !f.getValue().isBlank();
    f.setInvalid(!good);
    f.setErrorMessage(good ? null : getTranslation(message));
    return good;
  }

  private void save() {
    Category c = category();
    if (c == null) {
      return;
    }
    WorkOrdersClient client = new WorkOrdersClient(PropertySession.api());
    try {
      Category result =
          editing == null ? client.createCategory(c) : client.updateCategory(editing.id(), c);
      Errors.success(getTranslation("workorders.categories.saved", result.code()));
      close();
      saved.accept(result);
    } catch (ApiProblem p) {
      Map<String, HasValidation> fields = new LinkedHashMap<>();
      fields.put("code", code);
      fields.put("nameEn", nameEn);
      fields.put("nameZh", nameZh);
      fields.put("kind", kind);
      fields.put("dispatchMode", dispatchMode);
      fields.put("priceMin", priceMin);
      fields.put("priceMax", priceMax);
      fields.put("skill", skill);
      minutes.forEach(
          (k, f) ->
              fields.put(
                  k.replace("response.", "responseMinutes.")
                      .replace("resolution.", "resolutionMinutes."),
                  f));
      Refused.mark(p, fields);
      Refused.show(p);
    } catch (ApiUnreachable e) {
      Errors.show(e);
    }
  }
}
