package org.courtyard.admin.property.workorders;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.api.Page;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.property.estate.Estate;
import org.courtyard.admin.ui.Errors;

/**
 * The board (看板): a column per open state with its newest orders as cards, overdue ones marked. A
 * card dragged to the next column takes the step that leads there (accept, start, pause, resume,
 * complete, confirm; dispatch or grab from new; reopen from done) when the API lists it among the
 * order's actions now; steps that need more (a technician, a reason, a note, a charge) open the
 * same dialog as the order page. A drop the order does not allow is refused with what it allows.
 */
@Route(value = "workorders/board", layout = PropertyLayout.class)
@PropertyScreen(
    order = 805,
    titleKey = "workorders.board.title",
    icon = "GRID_BIG",
    permission = WorkOrdersView.READ)
public final class BoardView extends VerticalLayout implements HasDynamicTitle {

  /** The columns, left to right. */
  static final List<String> STATES =
      List.of("new", "dispatched", "accepted", "in_progress", "paused", "done", "confirmed");

  /** Cards per column. */
  static final int CARDS = 30;

  private final HorizontalLayout columns = new HorizontalLayout();
  private final Select<Estate> estate = new Select<>();
  private final Map<String, VerticalLayout> cards = new LinkedHashMap<>();
  private Map<Long, Category> categories = Map.of();
  private Map<Long, String> estateNames = Map.of();
  private List<Technician> technicians = List.of();
  private Map<Long, String> teams = Map.of();

  public BoardView() {
    setId("wo-board");
    setSizeFull();
    Button refresh = new Button(getTranslation("action.refresh"), e -> load());
    refresh.setId("wo-board-refresh");
    estate.setId("wo-board-estate");
    estate.setPlaceholder(getTranslation("workorders.board.allEstates"));
    estate.setEmptySelectionAllowed(true);
    estate.setEmptySelectionCaption(getTranslation("workorders.board.allEstates"));
    estate.setItemLabelGenerator(e -> e == null ? "" : e.name());
    estate.addValueChangeListener(e -> load());
    HorizontalLayout head =
        new HorizontalLayout(new H2(getTranslation("workorders.board.title")), estate, refresh);
    head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    Span hint = new Span(getTranslation("workorders.board.hint"));
    hint.getStyle().set("color", "var(--lumo-secondary-text-color)");
    columns.setId("wo-board-columns");
    columns.setWidthFull();
    columns.getStyle().set("overflow-x", "auto").set("align-items", "flex-start");
    for (String state : STATES) {
      VerticalLayout column = new VerticalLayout();
      column.setId("wo-board-" + state);
      column.setPadding(true);
      column.setSpacing(true);
      column.setMinWidth("13em");
      column.setWidth("13em");
      column
          .getStyle()
          .set("background", "var(--lumo-contrast-5pct)")
          .set("border-radius", "var(--lumo-border-radius-m)");
      VerticalLayout list = new VerticalLayout();
      list.setPadding(false);
      list.setSpacing(true);
      cards.put(state, list);
      column.add(new H4(OrderWords.state(state)), list);
      DropTarget<VerticalLayout> target = DropTarget.create(column);
      target.addDropListener(
          e ->
              e.getDragData()
                  .filter(Order.class::isInstance)
                  .map(Order.class::cast)
                  .ifPresent(o -> move(o, state)));
      columns.add(column);
    }
    add(head, hint, columns);
    setFlexGrow(1, columns);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (PropertySession.signedIn()) {
      List<Estate> estates = WorkOrdersView.estates();
      estate.setItems(estates);
      estateNames =
          estates.stream().collect(Collectors.toMap(Estate::id, Estate::name, (a, b) -> a));
      WorkOrdersClient client = client();
      try {
        categories =
            client.categories(null).stream()
                .collect(Collectors.toMap(Category::id, c -> c, (a, b) -> a));
        technicians = client.technicians();
      } catch (ApiProblem | ApiUnreachable e) {
        Refused.show(e);
      }
      teams = WorkOrdersView.teams(client);
      load();
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("workorders.board.title");
  }

  /** Reads each column's newest orders again. */
  void load() {
    WorkOrdersClient client = client();
    Long estateId = estate.getValue() == null ? null : estate.getValue().id();
    for (String state : STATES) {
      VerticalLayout list = cards.get(state);
      list.removeAll();
      try {
        Page<Order> page = client.ordersIn(state, estateId, CARDS);
        page.items().forEach(o -> list.add(card(o)));
        if (page.nextCursor() != null) {
          Span more = new Span(getTranslation("workorders.board.more", CARDS));
          more.getStyle().set("font-size", "var(--lumo-font-size-s)");
          list.add(more);
        }
      } catch (ApiProblem | ApiUnreachable e) {
        list.add(new Span(Refused.show(e)));
      }
    }
  }

  private Component card(Order o) {
    Div card = new Div();
    card.setId("wo-card-" + o.id());
    card.setWidthFull();
    card.getStyle()
        .set("background", "var(--lumo-base-color)")
        .set("border-radius", "var(--lumo-border-radius-m)")
        .set("box-shadow", "var(--lumo-box-shadow-xs)")
        .set("padding", "var(--lumo-space-s)")
        .set("cursor", "grab");
    RouterLink number = new RouterLink(o.number(), OrderView.class, o.id());
    Span what = new Span(OrderWords.category(o.categoryId(), categories, getLocale()));
    Span where = new Span(OrderWords.place(o, estateNames));
    Span who = new Span(OrderWords.assignee(o.assigneeUserId(), o.assigneeTeamId(), teams));
    VerticalLayout lines = new VerticalLayout(number, what, where, who);
    lines.setPadding(false);
    lines.setSpacing(false);
    lines.getStyle().set("font-size", "var(--lumo-font-size-s)");
    card.add(lines);
    if (o.overdue()) {
      Span late = new Span(getTranslation("workorders.overdue"));
      late.getElement().getThemeList().add("badge error small");
      card.add(late);
    }
    DragSource<Div> drag = DragSource.create(card);
    drag.setDragData(o);
    return card;
  }

  /** The step that takes an order from {@code from} to {@code to}; null when none does. */
  static String step(String from, String to, List<String> allowed) {
    String step =
        switch (from + ">" + to) {
          case "new>dispatched" -> allowed.contains("grab") ? "grab" : "dispatch";
          case "dispatched>accepted" -> "accept";
          case "accepted>in_progress" -> "start";
          case "in_progress>paused" -> "pause";
          case "paused>in_progress" -> "resume";
          case "in_progress>done" -> "complete";
          case "done>confirmed" -> "confirm";
          case "done>dispatched", "confirmed>dispatched" -> "reopen";
          default -> null;
        };
    return step != null && allowed.contains(step) ? step : null;
  }

  /** Takes the step a drop of {@code dropped} on column {@code to} asks for, if allowed now. */
  void move(Order dropped, String to) {
    if (to.equals(dropped.state())) {
      return;
    }
    WorkOrdersClient client = client();
    Order now;
    try {
      now = client.order(dropped.id());
    } catch (ApiProblem | ApiUnreachable e) {
      Refused.show(e);
      load();
      return;
    }
    String step = step(now.state(), to, now.actions());
    if (step == null) {
      Errors.info(
          getTranslation(
              "workorders.board.notAllowed",
              now.number(),
              OrderWords.state(to),
              now.actions().isEmpty()
                  ? getTranslation("workorders.board.nothing")
                  : now.actions().stream()
                      .map(OrderWords::action)
                      .collect(Collectors.joining(", "))));
      return;
    }
    if (ActionDialog.NOTE_REQUIRED.contains(step)
        || List.of("dispatch", "pause").contains(step)
        || ("complete".equals(step) && charged(now))) {
      Category k = now.categoryId() == null ? null : categories.get(now.categoryId());
      new ActionDialog(client, now, step, technicians, teams, k, after -> load()).open();
      return;
    }
    try {
      Order after =
          client.act(now.id(), step, new Order.Step(null, null, null, null, now.version(), null));
      Errors.success(
          getTranslation("workorders.action.done", OrderWords.action(step), after.number()));
    } catch (ApiProblem | ApiUnreachable e) {
      Refused.show(e);
    }
    load();
  }

  private boolean charged(Order o) {
    Category k = o.categoryId() == null ? null : categories.get(o.categoryId());
    return k != null && Boolean.TRUE.equals(k.paid());
  }

  private static WorkOrdersClient client() {
    return new WorkOrdersClient(PropertySession.api());
  }
}
