package org.courtyard.admin.property.workorders;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.property.When;
import org.courtyard.admin.property.estate.Estate;
import org.courtyard.admin.ui.Texts;

/**
 * One work order's page: its state, both deadlines as coloured badges (response and resolution,
 * with their state and when due or met), where, who reported it and who has it; a button for each
 * step the API lists in the order's {@code actions} — nothing it would refuse is offered — each
 * asking in a small dialog what the step needs ({@link ActionDialog}); and the timeline, oldest
 * first, with who did what when and their note. Below: the photos and files ({@link FilesSection}),
 * the material used ({@link MaterialsSection}) and the feedback ({@link FeedbackSection}).
 */
@Route(value = "workorders/order", layout = PropertyLayout.class)
@PropertyScreen(
    order = 801,
    titleKey = "workorders.order.title",
    permission = WorkOrdersView.READ,
    menu = false)
public final class OrderView extends VerticalLayout
    implements HasUrlParameter<Long>, HasDynamicTitle {

  private final H2 title = new H2();
  private final Span stateBadge = new Span();
  private final HorizontalLayout deadlines = new HorizontalLayout();
  private final Div facts = new Div();
  private final Paragraph description = new Paragraph();
  private final HorizontalLayout actions = new HorizontalLayout();
  private final VerticalLayout timeline = new VerticalLayout();
  private final H3 timelineTitle = new H3();
  private final FilesSection files = new FilesSection();
  private final MaterialsSection materials = new MaterialsSection();
  private final FeedbackSection feedback = new FeedbackSection();
  private final ChargesSection charges = new ChargesSection();
  private final NoticesSection notices = new NoticesSection();
  private Long id;
  private Order order;
  private Map<Long, Category> categories;
  private Map<Long, String> estateNames;
  private List<Technician> technicians;
  private Map<Long, String> teams;

  public OrderView() {
    setId("wo-order");
    RouterLink back = new RouterLink(getTranslation("workorders.back"), WorkOrdersView.class);
    back.setId("wo-back");
    stateBadge.setId("wo-state");
    HorizontalLayout head = new HorizontalLayout(title, stateBadge);
    head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    deadlines.setId("wo-deadlines");
    facts.setId("wo-facts");
    facts.getStyle().set("white-space", "pre-line");
    description.setId("wo-description");
    actions.setId("wo-actions");
    actions.setWrap(true);
    timeline.setId("wo-timeline");
    timeline.setPadding(false);
    timeline.setSpacing(false);
    timelineTitle.setText(getTranslation("workorders.timeline"));
    add(back, head, deadlines, facts, description, actions, timelineTitle, timeline);
    add(files, materials, charges, feedback, notices);
  }

  @Override
  public void setParameter(BeforeEvent event, Long orderId) {
    this.id = orderId;
    if (isAttached() && PropertySession.signedIn()) {
      load();
    }
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
    return order == null
        ? getTranslation("workorders.order.title")
        : getTranslation("workorders.order.title") + " · " + order.number();
  }

  private WorkOrdersClient client() {
    return new WorkOrdersClient(PropertySession.api());
  }

  /** Reads the order (with the actions allowed now) and its timeline. */
  void load() {
    WorkOrdersClient client = client();
    referenceData(client);
    try {
      show(client.order(id));
    } catch (ApiProblem | ApiUnreachable e) {
      order = null;
      title.setText(getTranslation("workorders.order.title"));
      facts.setText(Refused.show(e));
      stateBadge.setVisible(false);
      deadlines.removeAll();
      actions.removeAll();
      timeline.removeAll();
      description.setText("");
      timelineTitle.setVisible(false);
      sections(null);
      return;
    }
    loadTimeline(client);
    sections(client);
  }

  /** The photos and files, materials and feedback of the order shown; hidden without one. */
  private void sections(WorkOrdersClient client) {
    files.setVisible(client != null);
    materials.setVisible(client != null);
    charges.setVisible(client != null);
    notices.setVisible(client != null);
    feedback.setVisible(client != null);
    if (client != null) {
      files.show(client, order);
      materials.show(client, order);
      charges.show(client, order, categories.get(order.categoryId()));
      feedback.show(client, order);
      notices.show(client, order);
    }
  }

  /** Categories, estates' names and technicians for the words on the page, read once. */
  private void referenceData(WorkOrdersClient client) {
    if (categories != null) {
      return;
    }
    try {
      categories =
          client.categories(null).stream()
              .collect(Collectors.toMap(Category::id, c -> c, (a, b) -> a));
    } catch (ApiProblem | ApiUnreachable e) {
      categories = Map.of();
    }
    estateNames =
        WorkOrdersView.estates().stream()
            .collect(Collectors.toMap(Estate::id, Estate::name, (a, b) -> a));
    try {
      technicians = client.technicians();
    } catch (ApiProblem | ApiUnreachable e) {
      technicians = List.of();
    }
    teams = new java.util.LinkedHashMap<>();
    technicians.forEach(t -> t.teams().forEach(team -> teams.putIfAbsent(team.id(), team.name())));
  }

  private void show(Order o) {
    order = o;
    title.setText(
        getTranslation(
            "workorders.order.heading",
            o.number(),
            OrderWords.category(o.categoryId(), categories, getLocale())));
    stateBadge.setVisible(true);
    stateBadge.setText(OrderWords.state(o.state()));
    stateBadge.getElement().getThemeList().clear();
    stateBadge
        .getElement()
        .getThemeList()
        .add(
            switch (o.state() == null ? "" : o.state()) {
              case "done", "confirmed", "closed" -> "badge success";
              case "cancelled" -> "badge contrast";
              case "paused" -> "badge contrast";
              default -> "badge primary";
            });
    deadlines.removeAll();
    Span response = OrderWords.deadlineBadge("response", o.response(), getLocale());
    response.setId("wo-deadline-response");
    Span resolution = OrderWords.deadlineBadge("resolution", o.resolution(), getLocale());
    resolution.setId("wo-deadline-resolution");
    deadlines.add(response, resolution);
    if (o.overdue()) {
      Span late = OrderWords.badge(getTranslation("workorders.overdue"), "breached");
      late.setId("wo-overdue");
      deadlines.add(late);
    }
    facts.setText(String.join("\n", facts(o)));
    description.setText(o.description() == null ? "" : o.description());
    timelineTitle.setVisible(true);
    showActions(o);
  }

  private List<String> facts(Order o) {
    List<String> lines = new ArrayList<>();
    lines.add(
        getTranslation("workorders.priority")
            + ": "
            + OrderWords.priority(o.priority())
            + " · "
            + Texts.state("workorders.kind.", o.kind()));
    lines.add(getTranslation("workorders.place") + ": " + OrderWords.place(o, estateNames));
    lines.add(getTranslation("workorders.reporter") + ": " + reporter(o));
    lines.add(
        getTranslation("workorders.assignee")
            + ": "
            + OrderWords.assignee(o.assigneeUserId(), o.assigneeTeamId(), teams));
    lines.add(
        getTranslation("workorders.created")
            + ": "
            + When.format(o.createdAt(), getLocale())
            + (o.channel() == null ? "" : " · " + Texts.state("workorders.channel.", o.channel())));
    if (o.pauseReason() != null && "paused".equals(o.state())) {
      lines.add(
          getTranslation("workorders.pausedFor")
              + ": "
              + Texts.state("workorders.pauseReason.", o.pauseReason()));
    }
    if (o.cancelReason() != null) {
      lines.add(
          getTranslation("workorders.cancelledFor")
              + ": "
              + Texts.state("workorders.cancelReason.", o.cancelReason()));
    }
    if (o.reopenCount() != null && o.reopenCount() > 0) {
      lines.add(getTranslation("workorders.reopened", o.reopenCount()));
    }
    if (o.autoConfirmAt() != null && "done".equals(o.state())) {
      lines.add(
          getTranslation("workorders.autoConfirmAt", When.format(o.autoConfirmAt(), getLocale())));
    }
    return lines;
  }

  private String reporter(Order o) {
    String who = Texts.state("workorders.reporterKind.", o.reporterKind());
    List<String> parts = new ArrayList<>();
    parts.add(who);
    if (o.reporterDeviceId() != null) {
      parts.add(o.reporterDeviceId());
    }
    if (o.alarmId() != null) {
      parts.add(getTranslation("workorders.reporter.alarm", o.alarmId()));
    }
    if (o.contactName() != null && !o.contactName().isBlank()) {
      parts.add(o.contactName());
    }
    if (o.contactPhone() != null && !o.contactPhone().isBlank()) {
      parts.add(o.contactPhone());
    }
    return String.join(" · ", parts);
  }

  /** One button per action the API allows the caller now, in the API's order. */
  private void showActions(Order o) {
    actions.removeAll();
    for (String action : o.actions()) {
      Button b = new Button(OrderWords.action(action), e -> act(action));
      b.setId("wo-action-" + action);
      if (List.of("dispatch", "accept", "start", "complete", "confirm", "close", "grab")
          .contains(action)) {
        b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      }
      if ("cancel".equals(action)) {
        b.addThemeVariants(ButtonVariant.LUMO_ERROR);
      }
      actions.add(b);
    }
  }

  private void act(String action) {
    new ActionDialog(
            client(),
            order,
            action,
            technicians,
            teams,
            categories.get(order.categoryId()),
            after -> {
              if (after == null) {
                load();
              } else {
                show(after);
                loadTimeline(client());
                sections(client());
              }
            })
        .open();
  }

  private void loadTimeline(WorkOrdersClient client) {
    timeline.removeAll();
    List<TimelineEntry> entries;
    try {
      entries = client.timeline(id);
    } catch (ApiProblem | ApiUnreachable e) {
      timeline.add(new Span(Refused.show(e)));
      return;
    }
    for (TimelineEntry t : entries) {
      timeline.add(entry(t));
    }
  }

  private Div entry(TimelineEntry t) {
    Span when = new Span(When.format(t.at(), getLocale()));
    when.getStyle().set("color", "var(--lumo-secondary-text-color)").set("min-width", "11em");
    Span who = new Span(actor(t));
    who.getStyle().set("font-weight", "600");
    StringBuilder what = new StringBuilder(OrderWords.action(t.action()));
    if (t.to() != null && !t.to().equals(t.from())) {
      what.append(" → ").append(OrderWords.state(t.to()));
    }
    if (t.assigneeUserId() != null || t.assigneeTeamId() != null) {
      what.append(" (")
          .append(OrderWords.assignee(t.assigneeUserId(), t.assigneeTeamId(), teams))
          .append(')');
    }
    if (t.reason() != null) {
      String prefix =
          "cancel".equals(t.action()) ? "workorders.cancelReason." : "workorders.pauseReason.";
      what.append(" · ").append(Texts.state(prefix, t.reason()));
    }
    Span action = new Span(what.toString());
    HorizontalLayout line = new HorizontalLayout(when, who, action);
    line.setSpacing(true);
    Div entry = new Div(line);
    entry.setId("wo-timeline-" + t.id());
    entry.addClassName("wo-timeline-entry");
    entry
        .getStyle()
        .set("border-left", "3px solid var(--lumo-contrast-20pct)")
        .set("padding", "var(--lumo-space-xs) var(--lumo-space-m)");
    if (t.note() != null && !t.note().isBlank()) {
      Paragraph note = new Paragraph(t.note());
      note.getStyle().set("margin", "0").set("white-space", "pre-line");
      entry.add(note);
    }
    return entry;
  }

  private String actor(TimelineEntry t) {
    if ("system".equals(t.actorKind()) || t.actorId() == null) {
      return Texts.state("workorders.actor.", t.actorKind());
    }
    return getTranslation(
        "workorders.actor.with", Texts.state("workorders.actor.", t.actorKind()), t.actorId());
  }

  /** The order shown, for tests. */
  Order order() {
    return order;
  }
}
