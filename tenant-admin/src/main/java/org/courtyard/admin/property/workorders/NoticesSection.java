package org.courtyard.admin.property.workorders;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.Query;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.CursorDataProvider;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.property.When;
import org.courtyard.admin.property.users.StaffUser;
import org.courtyard.admin.ui.Errors;

/**
 * The order page's notifications (通知): the watchers (关注人) told of every step, added and removed by
 * dispatchers (a staff user found by name when the dispatcher may read the staff list), and the
 * delivery log: every message the order's steps sent, to whom, where (masked) and what became of
 * it, so "did the technician get it?" is answered on the page.
 */
final class NoticesSection extends VerticalLayout {

  static final String DISPATCH = "workorders.order.dispatch";
  static final String USERS = "identity.user.read";

  private final Span watching = new Span();
  private final HorizontalLayout watchers = new HorizontalLayout();
  private final ComboBox<StaffUser> add = new ComboBox<>();
  private final Grid<Notice> log = new Grid<>();
  private final Span empty = new Span();
  private WorkOrdersClient client;
  private Order order;
  private String typed;

  NoticesSection() {
    setId("wo-notices");
    setPadding(false);
    watchers.setId("wo-watchers");
    watchers.setWrap(true);
    watchers.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add.setId("wo-watchers-add");
    add.setPlaceholder(getTranslation("workorders.watchers.add"));
    add.setItemLabelGenerator(u -> u.displayName() + " (" + u.username() + ")");
    add.addValueChangeListener(
        e -> {
          if (e.isFromClient() && e.getValue() != null) {
            watch(e.getValue());
          }
        });
    log.setId("wo-notices-log");
    log.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    log.setAllRowsVisible(true);
    log.addColumn(n -> When.format(n.createdAt(), getLocale()))
        .setKey("at")
        .setHeader(getTranslation("workorders.notices.at"))
        .setAutoWidth(true);
    log.addColumn(n -> OrderWords.action(n.action()))
        .setKey("action")
        .setHeader(getTranslation("workorders.notices.step"))
        .setAutoWidth(true);
    log.addColumn(this::recipient)
        .setKey("to")
        .setHeader(getTranslation("workorders.notices.to"))
        .setFlexGrow(1);
    log.addColumn(this::state)
        .setKey("state")
        .setHeader(getTranslation("workorders.notices.state"))
        .setFlexGrow(1);
    empty.setId("wo-notices-empty");
    add(new H3(getTranslation("workorders.notices.title")), watching, watchers, log, empty);
  }

  void show(WorkOrdersClient client, Order order) {
    this.client = client;
    this.order = order;
    boolean manage = PropertySession.can(DISPATCH);
    add.setVisible(manage && PropertySession.can(USERS));
    if (add.isVisible()) {
      CursorDataProvider<StaffUser> users =
          CursorDataProvider.of(PropertySession.api(), "identity/users", StaffUser.class);
      add.setItems(
          query -> {
            String q = query.getFilter().orElse("").strip();
            if (!q.equals(typed)) {
              typed = q;
              users.setFilter(q.isEmpty() ? Map.of("status", "active") : Map.of("q", q));
            }
            return users.fetch(
                new Query<>(query.getOffset(), query.getLimit(), List.of(), null, null));
          });
    }
    load();
  }

  private void load() {
    watchers.removeAll();
    try {
      List<Watcher> list = client.watchers(order.id());
      watching.setText(
          list.isEmpty()
              ? getTranslation("workorders.watchers.none")
              : getTranslation("workorders.watchers.title"));
      for (Watcher w : list) {
        watchers.add(chip(w));
      }
    } catch (ApiProblem | ApiUnreachable e) {
      watching.setText(Refused.show(e));
    }
    watchers.add(add);
    try {
      List<Notice> notices = client.notices(order.id());
      log.setItems(notices);
      log.setVisible(!notices.isEmpty());
      empty.setText(notices.isEmpty() ? getTranslation("workorders.notices.none") : "");
    } catch (ApiProblem | ApiUnreachable e) {
      log.setItems(List.of());
      empty.setText(Refused.show(e));
    }
  }

  private com.vaadin.flow.component.Component chip(Watcher w) {
    String name = w.displayName() == null ? "#" + w.userId() : w.displayName();
    Span chip = new Span(name);
    chip.setId("wo-watcher-" + w.userId());
    chip.getElement().getThemeList().add("badge");
    if (!PropertySession.can(DISPATCH)) {
      return chip;
    }
    Button remove = new Button("×", e -> unwatch(w, name));
    remove.setId("wo-watcher-remove-" + w.userId());
    remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
    remove
        .getElement()
        .setAttribute("aria-label", getTranslation("workorders.watchers.remove", name));
    HorizontalLayout both = new HorizontalLayout(chip, remove);
    both.setSpacing(false);
    both.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    return both;
  }

  private void watch(StaffUser u) {
    try {
      client.watch(order.id(), u.id());
      Errors.success(getTranslation("workorders.watchers.added", u.displayName()));
    } catch (ApiProblem | ApiUnreachable e) {
      Refused.show(e);
    }
    add.clear();
    load();
  }

  private void unwatch(Watcher w, String name) {
    try {
      client.unwatch(order.id(), w.userId());
      Errors.success(getTranslation("workorders.watchers.removed", name));
    } catch (ApiProblem | ApiUnreachable e) {
      Refused.show(e);
    }
    load();
  }

  private String recipient(Notice n) {
    String who =
        getTranslation(
            "workorders.notices.role." + n.role(),
            ("staff".equals(n.recipientKind()) ? "#" : getTranslation("workorders.notices.person"))
                + n.recipientId());
    return n.address() == null ? who : who + " · " + n.address();
  }

  private String state(Notice n) {
    String state = getTranslation("workorders.notices.state." + n.state());
    if ("refused".equals(n.state()) || "failed".equals(n.state())) {
      return n.detail() == null ? state : state + ": " + n.detail();
    }
    return state;
  }
}
