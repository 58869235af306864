package org.courtyard.admin.property.workorders;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;

/**
 * The dispatcher's view of the workload (工作量): per technician and team, the open orders — waiting
 * to be accepted, accepted, in progress, paused — and how many are overdue, with a small bar each
 * (drawn on the server) so the busiest and the free stand out before dispatching.
 */
@Route(value = "workorders/load", layout = PropertyLayout.class)
@PropertyScreen(
    order = 810,
    titleKey = "workorders.load.title",
    icon = "BAR_CHART",
    permission = WorkOrdersView.READ)
public final class LoadView extends VerticalLayout implements HasDynamicTitle {

  private final Grid<LoadRow> grid = new Grid<>(LoadRow.class, false);
  private final Span legend = new Span();
  private Map<Long, String> teams = Map.of();
  private int max;

  public LoadView() {
    setId("wo-load");
    setSizeFull();
    Button refresh = new Button(getTranslation("action.refresh"), e -> load());
    refresh.setId("wo-load-refresh");
    HorizontalLayout head =
        new HorizontalLayout(new H2(getTranslation("workorders.load.title")), refresh);
    head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add(head);
    legend.setId("wo-load-legend");
    legend
        .getElement()
        .setProperty(
            "innerHTML",
            swatch(LoadBar.WAITING, getTranslation("workorders.load.waiting"))
                + swatch(LoadBar.ACCEPTED, getTranslation("workorders.load.accepted"))
                + swatch(LoadBar.IN_PROGRESS, getTranslation("workorders.load.inProgress"))
                + swatch(LoadBar.PAUSED, getTranslation("workorders.load.paused"))
                + swatch(LoadBar.OVERDUE, getTranslation("workorders.load.overdue")));
    add(legend);

    grid.setId("wo-load-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.addColumn(r -> OrderWords.assignee(r.userId(), r.teamId(), teams))
        .setKey("who")
        .setHeader(getTranslation("workorders.load.who"))
        .setAutoWidth(true);
    number("open", "workorders.load.open", LoadRow::open);
    number("accepted", "workorders.load.accepted", LoadRow::accepted);
    number("inProgress", "workorders.load.inProgress", LoadRow::inProgress);
    number("paused", "workorders.load.paused", LoadRow::paused);
    number("overdue", "workorders.load.overdue", LoadRow::overdue);
    grid.addComponentColumn(this::bar)
        .setKey("bar")
        .setHeader(getTranslation("workorders.load.bar"))
        .setFlexGrow(1);
    add(grid);
    setFlexGrow(1, grid);
  }

  private void number(
      String key, String header, com.vaadin.flow.function.ValueProvider<LoadRow, Integer> value) {
    grid.addColumn(value)
        .setKey(key)
        .setHeader(getTranslation(header))
        .setTextAlign(ColumnTextAlign.END)
        .setSortable(true)
        .setAutoWidth(true);
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
    return getTranslation("workorders.load.title");
  }

  void load() {
    WorkOrdersClient client = new WorkOrdersClient(PropertySession.api());
    teams = WorkOrdersView.teams(client);
    List<LoadRow> rows;
    try {
      rows = client.load();
    } catch (ApiProblem | ApiUnreachable e) {
      Refused.show(e);
      rows = List.of();
    }
    max = rows.stream().mapToInt(LoadRow::open).max().orElse(0);
    grid.setItems(rows);
  }

  private Div bar(LoadRow r) {
    Div d = new Div();
    d.addClassName("wo-load-bar");
    d.getElement()
        .setProperty(
            "innerHTML",
            LoadBar.svg(
                r,
                max,
                getTranslation(
                    "workorders.load.barTitle",
                    OrderWords.assignee(r.userId(), r.teamId(), teams),
                    r.open(),
                    r.overdue())));
    return d;
  }

  private static String swatch(String color, String label) {
    return "<span style=\"display:inline-block;width:10px;height:10px;background:"
        + color
        + ";margin:0 4px 0 12px\"></span>"
        + LoadBar.escape(label);
  }
}
