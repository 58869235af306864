package org.courtyard.admin.property.workorders;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.List;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.ui.Texts;

/**
 * The work-order categories (工单类别): what is reported (plumbing, lift, noise, a praise), how its
 * orders are handed out, whether the resident pays, and the minutes allowed per priority to respond
 * and to resolve. A dialog creates or edits one ({@link CategoryDialog}); an edit sends the version
 * it read, so a change made meanwhile is refused with the API's detail, not overwritten. Below
 * them, which device alarms open orders in which category ({@link AlarmRulesSection}).
 */
@Route(value = "workorders/categories", layout = PropertyLayout.class)
@PropertyScreen(
    order = 820,
    titleKey = "workorders.categories.title",
    icon = "LIST",
    permission = WorkOrdersView.MANAGE)
public final class CategoriesView extends VerticalLayout implements HasDynamicTitle {

  private final Grid<Category> grid = new Grid<>(Category.class, false);
  private final Button edit = new Button();
  private final AlarmRulesSection alarmRules = new AlarmRulesSection();

  public CategoriesView() {
    setId("wo-categories");
    setSizeFull();
    add(new H2(getTranslation("workorders.categories.title")));
    Button create =
        new Button(
            getTranslation("workorders.categories.new"), VaadinIcon.PLUS.create(), e -> open(null));
    create.setId("wo-categories-new");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    edit.setId("wo-categories-edit");
    edit.setText(getTranslation("workorders.categories.edit"));
    edit.setEnabled(false);
    edit.addClickListener(e -> grid.asSingleSelect().getOptionalValue().ifPresent(this::open));
    add(new HorizontalLayout(create, edit));

    grid.setId("wo-categories-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.addColumn(Category::code)
        .setKey("code")
        .setHeader(getTranslation("workorders.category.code"))
        .setAutoWidth(true);
    grid.addColumn(c -> c.name(getLocale()))
        .setKey("name")
        .setHeader(getTranslation("workorders.category.name"))
        .setAutoWidth(true);
    grid.addColumn(c -> Texts.state("workorders.kind.", c.kind()))
        .setKey("kind")
        .setHeader(getTranslation("workorders.category.kind"))
        .setAutoWidth(true);
    grid.addColumn(c -> Texts.state("workorders.dispatchMode.", c.dispatchMode()))
        .setKey("dispatch")
        .setHeader(getTranslation("workorders.category.dispatchMode"))
        .setAutoWidth(true);
    grid.addColumn(this::minutes)
        .setKey("minutes")
        .setHeader(getTranslation("workorders.category.minutes"))
        .setAutoWidth(true);
    grid.addColumn(this::price)
        .setKey("paid")
        .setHeader(getTranslation("workorders.category.paid"))
        .setAutoWidth(true);
    grid.addColumn(
            c ->
                getTranslation(
                    Boolean.FALSE.equals(c.active())
                        ? "workorders.category.inactive"
                        : "workorders.category.active"))
        .setKey("active")
        .setHeader(getTranslation("workorders.category.status"))
        .setAutoWidth(true);
    grid.asSingleSelect().addValueChangeListener(e -> edit.setEnabled(e.getValue() != null));
    grid.addItemDoubleClickListener(e -> open(e.getItem()));
    add(grid, alarmRules);
    setFlexGrow(1, grid);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (PropertySession.signedIn()) {
      load();
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("workorders.categories.title");
  }

  void load() {
    WorkOrdersClient client = new WorkOrdersClient(PropertySession.api());
    List<Category> all;
    try {
      all = client.categories(null);
    } catch (ApiProblem | ApiUnreachable e) {
      Refused.show(e);
      grid.setItems(List.of());
      return;
    }
    grid.setItems(all);
    alarmRules.load(client, all);
  }

  /** Response / resolution minutes of a normal order: "30 / 240 min". */
  private String minutes(Category c) {
    Integer response = c.responseMinutes() == null ? null : c.responseMinutes().normal();
    Integer resolution = c.resolutionMinutes() == null ? null : c.resolutionMinutes().normal();
    return getTranslation(
        "workorders.category.minutes.value",
        response == null ? "—" : response,
        resolution == null ? "—" : resolution);
  }

  private String price(Category c) {
    if (!Boolean.TRUE.equals(c.paid())) {
      return getTranslation("workorders.category.free");
    }
    if (c.priceMin() == null && c.priceMax() == null) {
      return getTranslation("workorders.category.paidOnly");
    }
    return (c.priceMin() == null ? "" : c.priceMin().toPlainString())
        + " – "
        + (c.priceMax() == null ? "" : c.priceMax().toPlainString());
  }

  /** The category read afresh (its version), or a new one when null. */
  private void open(Category chosen) {
    Category current = null;
    if (chosen != null) {
      try {
        current = new WorkOrdersClient(PropertySession.api()).category(chosen.id());
      } catch (ApiProblem | ApiUnreachable e) {
        Refused.show(e);
        return;
      }
    }
    new CategoryDialog(current, saved -> load()).open();
  }
}
