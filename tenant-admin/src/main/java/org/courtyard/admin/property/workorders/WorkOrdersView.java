package org.courtyard.admin.property.workorders;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.CursorDataProvider;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.property.When;
import org.courtyard.admin.property.estate.Estate;
import org.courtyard.admin.property.estate.EstateClient;

/**
 * Work orders (工单), newest first, paged by the API: number, category, priority, state, where, who
 * has it, when the resolution is due (or that it is overdue) and when it came in. The filters
 * (states, category, priority, estate, overdue only) go to the API. Whoever may record orders does
 * so here for a resident on the phone or from an inspection ({@link NewOrderDialog}); a row opens
 * the order's page ({@link OrderView}).
 */
@Route(value = "workorders", layout = PropertyLayout.class)
@PropertyScreen(
    order = 800,
    titleKey = "workorders.orders.title",
    icon = "WRENCH",
    permission = WorkOrdersView.READ)
public final class WorkOrdersView extends VerticalLayout implements HasDynamicTitle {

  static final String READ = "workorders.order.read";
  static final String CREATE = "workorders.order.create";
  static final String DISPATCH = "workorders.order.dispatch";
  static final String MANAGE = "workorders.category.manage";
  static final int ESTATES = 500;

  private final Grid<Order> grid = new Grid<>(Order.class, false);
  private final MultiSelectComboBox<String> state = new MultiSelectComboBox<>();
  private final ComboBox<Category> category = new ComboBox<>();
  private final Select<String> priority = new Select<>();
  private final ComboBox<Estate> estate = new ComboBox<>();
  private final Checkbox overdue = new Checkbox();
  private final HorizontalLayout bar = new HorizontalLayout();
  private Map<Long, Category> categories = Map.of();
  private Map<Long, String> estateNames = Map.of();
  private Map<Long, String> teams = Map.of();
  private List<Estate> estates = List.of();
  private CursorDataProvider<Order> orders;

  public WorkOrdersView() {
    setId("workorders");
    setSizeFull();
    add(new H2(getTranslation("workorders.orders.title")));

    state.setId("wo-filter-state");
    state.setLabel(getTranslation("workorders.state"));
    state.setItems(OrderWords.STATES);
    state.setItemLabelGenerator(OrderWords::state);
    state.setClearButtonVisible(true);
    state.addValueChangeListener(e -> filter());
    category.setId("wo-filter-category");
    category.setLabel(getTranslation("workorders.category"));
    category.setItemLabelGenerator(c -> c.name(getLocale()) + " (" + c.code() + ")");
    category.setClearButtonVisible(true);
    category.addValueChangeListener(e -> filter());
    priority.setId("wo-filter-priority");
    priority.setLabel(getTranslation("workorders.priority"));
    priority.setItems("", "normal", "urgent", "emergency");
    priority.setItemLabelGenerator(
        p -> p.isEmpty() ? getTranslation("workorders.all") : OrderWords.priority(p));
    priority.setValue("");
    priority.addValueChangeListener(e -> filter());
    estate.setId("wo-filter-estate");
    estate.setLabel(getTranslation("workorders.estate"));
    estate.setItemLabelGenerator(Estate::name);
    estate.setClearButtonVisible(true);
    estate.addValueChangeListener(e -> filter());
    overdue.setId("wo-filter-overdue");
    overdue.setLabel(getTranslation("workorders.overdueOnly"));
    overdue.addValueChangeListener(e -> filter());
    bar.add(state, category, priority, estate, overdue);
    bar.setWrap(true);
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add(bar);

    grid.setId("wo-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.addColumn(Order::number)
        .setKey("number")
        .setHeader(getTranslation("workorders.number"))
        .setAutoWidth(true);
    grid.addColumn(o -> OrderWords.category(o.categoryId(), categories, getLocale()))
        .setKey("category")
        .setHeader(getTranslation("workorders.category"))
        .setAutoWidth(true);
    grid.addColumn(o -> OrderWords.priority(o.priority()))
        .setKey("priority")
        .setHeader(getTranslation("workorders.priority"))
        .setPartNameGenerator(o -> "priority-" + o.priority())
        .setAutoWidth(true);
    grid.addColumn(o -> OrderWords.state(o.state()))
        .setKey("state")
        .setHeader(getTranslation("workorders.state"))
        .setAutoWidth(true);
    grid.addColumn(o -> OrderWords.place(o, estateNames))
        .setKey("place")
        .setHeader(getTranslation("workorders.place"))
        .setFlexGrow(1);
    grid.addColumn(o -> OrderWords.assignee(o.assigneeUserId(), o.assigneeTeamId(), teams))
        .setKey("assignee")
        .setHeader(getTranslation("workorders.assignee"))
        .setAutoWidth(true);
    grid.addComponentColumn(o -> OrderWords.dueBadge(o, getLocale()))
        .setKey("due")
        .setHeader(getTranslation("workorders.due.header"))
        .setAutoWidth(true);
    grid.addColumn(o -> When.format(o.createdAt(), getLocale()))
        .setKey("created")
        .setHeader(getTranslation("workorders.created"))
        .setAutoWidth(true);
    grid.addItemClickListener(e -> open(e.getItem()));
    add(grid);
    setFlexGrow(1, grid);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (!PropertySession.signedIn() || orders != null) {
      return;
    }
    WorkOrdersClient client = client();
    try {
      categories =
          client.categories(null).stream()
              .collect(
                  Collectors.toMap(
                      Category::id, c -> c, (a, b) -> a, java.util.LinkedHashMap::new));
    } catch (ApiProblem | ApiUnreachable e) {
      Refused.show(e);
    }
    category.setItems(List.copyOf(categories.values()));
    estates = estates();
    estateNames = estates.stream().collect(Collectors.toMap(Estate::id, Estate::name, (a, b) -> a));
    estate.setItems(estates);
    estate.setVisible(!estates.isEmpty());
    teams = teams(client);
    if (PropertySession.can(CREATE)) {
      Button create =
          new Button(getTranslation("workorders.new"), VaadinIcon.PLUS.create(), e -> newOrder());
      create.setId("wo-new");
      create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      bar.addComponentAsFirst(create);
    }
    orders = client.orders();
    orders.bind(grid);
    filter();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("workorders.orders.title");
  }

  private static WorkOrdersClient client() {
    return new WorkOrdersClient(PropertySession.api());
  }

  /** The estates in the user's scope, for the filter and the new order's place; none if unread. */
  static List<Estate> estates() {
    if (!PropertySession.can("estate.estate.read")) {
      return List.of();
    }
    try {
      return new EstateClient(PropertySession.api()).estateList(ESTATES);
    } catch (ApiProblem | ApiUnreachable e) {
      return List.of();
    }
  }

  /** Team names by id from the technicians' teams; empty when they cannot be read. */
  static Map<Long, String> teams(WorkOrdersClient client) {
    Map<Long, String> names = new LinkedHashMap<>();
    try {
      for (Technician t : client.technicians()) {
        t.teams().forEach(team -> names.putIfAbsent(team.id(), team.name()));
      }
    } catch (ApiProblem | ApiUnreachable e) {
      // names stay ids
    }
    return names;
  }

  /** The filter as the API takes it; blank values are left out. */
  Map<String, Object> filters() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put(
        "state",
        OrderWords.STATES.stream()
            .filter(state.getValue()::contains)
            .collect(Collectors.joining(",")));
    f.put("categoryId", category.getValue() == null ? null : category.getValue().id());
    f.put("priority", priority.getValue());
    f.put("estateId", estate.getValue() == null ? null : estate.getValue().id());
    f.put("overdue", Boolean.TRUE.equals(overdue.getValue()) ? "true" : null);
    return f;
  }

  private void filter() {
    if (orders != null) {
      orders.setFilter(filters());
    }
  }

  private void newOrder() {
    new NewOrderDialog(
            client(),
            categories.values().stream().filter(c -> !Boolean.FALSE.equals(c.active())).toList(),
            estates,
            created -> {
              orders.refresh();
              open(created);
            })
        .open();
  }

  private void open(Order o) {
    getUI().ifPresent(ui -> ui.navigate(OrderView.class, o.id()));
  }
}
