package org.courtyard.admin.property.workorders;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.ui.Errors;

/**
 * Which device alarms open work orders (设备报警自动派单): for each kind of alarm security records (a water
 * leak, a forced door, a low battery), the repair category and priority of the order it opens at
 * the device's place, or none. Each row is edited in a small dialog that sends the version it read.
 */
final class AlarmRulesSection extends VerticalLayout {

  private final Grid<AlarmRule> grid = new Grid<>();
  private Map<Long, Category> categories = Map.of();
  private WorkOrdersClient client;

  AlarmRulesSection() {
    setId("wo-alarm-rules");
    setPadding(false);
    grid.setId("wo-alarm-rules-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.setAllRowsVisible(true);
    grid.addColumn(r -> getTranslation("workorders.alarm." + r.kind()))
        .setKey("kind")
        .setHeader(getTranslation("workorders.alarmRules.kind"))
        .setAutoWidth(true);
    grid.addColumn(this::opens)
        .setKey("opens")
        .setHeader(getTranslation("workorders.alarmRules.opens"))
        .setFlexGrow(1);
    grid.addComponentColumn(this::editButton).setKey("edit").setAutoWidth(true);
    add(
        new H3(getTranslation("workorders.alarmRules.title")),
        new Paragraph(getTranslation("workorders.alarmRules.help")),
        grid);
  }

  void load(WorkOrdersClient client, List<Category> all) {
    this.client = client;
    this.categories = all.stream().collect(Collectors.toMap(Category::id, Function.identity()));
    try {
      grid.setItems(client.alarmRules());
    } catch (ApiProblem | ApiUnreachable e) {
      Refused.show(e);
      grid.setItems(List.of());
    }
  }

  private String opens(AlarmRule r) {
    Category k = r.categoryId() == null ? null : categories.get(r.categoryId());
    if (k == null || !Boolean.TRUE.equals(r.enabled())) {
      return getTranslation("workorders.alarmRules.none");
    }
    return getTranslation(
        "workorders.alarmRules.order", k.name(getLocale()), OrderWords.priority(r.priority()));
  }

  private Component editButton(AlarmRule r) {
    Button b = new Button(getTranslation("workorders.categories.edit"), e -> edit(r));
    b.setId("wo-alarm-rule-edit-" + r.kind());
    b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    return b;
  }

  private void edit(AlarmRule r) {
    Dialog d = new Dialog();
    d.setId("wo-alarm-rule-dialog");
    d.setHeaderTitle(getTranslation("workorders.alarm." + r.kind()));
    Select<Category> category = new Select<>();
    category.setId("wo-alarm-rule-category");
    category.setLabel(getTranslation("workorders.category"));
    category.setItems(
        categories.values().stream()
            .filter(k -> "repair".equals(k.kind()) && !Boolean.FALSE.equals(k.active()))
            .sorted(java.util.Comparator.comparing(Category::code))
            .toList());
    category.setItemLabelGenerator(k -> k.name(getLocale()));
    if (r.categoryId() != null) {
      category.setValue(categories.get(r.categoryId()));
    }
    Select<String> priority = new Select<>();
    priority.setId("wo-alarm-rule-priority");
    priority.setLabel(getTranslation("workorders.priority"));
    priority.setItems(OrderWords.PRIORITIES);
    priority.setItemLabelGenerator(OrderWords::priority);
    priority.setValue(r.priority() == null ? "urgent" : r.priority());
    Checkbox enabled = new Checkbox(getTranslation("workorders.alarmRules.enabled"));
    enabled.setId("wo-alarm-rule-enabled");
    enabled.setValue(r.categoryId() == null || Boolean.TRUE.equals(r.enabled()));
    d.add(new FormLayout(category, priority, enabled));
    Button save =
        new Button(
            getTranslation("workorders.categories.save"),
            e -> {
              if (category.getValue() == null) {
                category.setInvalid(true);
                category.setErrorMessage(getTranslation("workorders.alarmRules.chooseCategory"));
                return;
              }
              try {
                client.putAlarmRule(
                    new AlarmRule(
                        r.kind(),
                        category.getValue().id(),
                        priority.getValue(),
                        enabled.getValue(),
                        r.version()));
                Errors.success(
                    getTranslation(
                        "workorders.alarmRules.saved",
                        getTranslation("workorders.alarm." + r.kind())));
                d.close();
                grid.setItems(client.alarmRules());
              } catch (ApiProblem | ApiUnreachable ex) {
                Refused.show(ex);
              }
            });
    save.setId("wo-alarm-rule-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    d.getFooter().add(new Button(getTranslation("action.cancel"), e -> d.close()), save);
    d.open();
  }
}
