package org.courtyard.admin.property.workorders;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.courtyard.admin.property.When;
import org.courtyard.admin.ui.Texts;

/**
 * How the work-order screens word and colour an order's parts: states, priorities, where it is, who
 * has it, and its deadlines as badges (green on time or met, amber warned, red breached or met
 * late, grey paused).
 */
final class OrderWords {

  static final List<String> STATES =
      List.of(
          "new",
          "dispatched",
          "accepted",
          "in_progress",
          "paused",
          "done",
          "confirmed",
          "closed",
          "cancelled");
  static final List<String> PRIORITIES = List.of("normal", "urgent", "emergency");
  static final List<String> CHANNELS = List.of("phone", "counter", "visit", "inspection");
  static final List<String> PAUSE_REASONS = List.of("parts", "resident", "payment");
  static final List<String> CANCEL_REASONS =
      List.of("duplicate", "withdrawn", "not_ours", "unreachable", "other");

  private OrderWords() {}

  static String state(String state) {
    return Texts.state("workorders.state.", state);
  }

  static String priority(String priority) {
    return Texts.state("workorders.priority.", priority);
  }

  static String action(String action) {
    return Texts.state("workorders.action.", action);
  }

  static String category(Long id, Map<Long, Category> categories, Locale locale) {
    if (id == null) {
      return "—";
    }
    Category c = categories.get(id);
    return c == null ? "#" + id : c.name(locale);
  }

  /** "Room 3-1-101", or the public place with its estate: "Estate 1 · lobby lift 2". */
  static String place(Order o, Map<Long, String> estates) {
    if (o.roomLabel() != null && !o.roomLabel().isBlank()) {
      return o.roomLabel();
    }
    if (o.roomId() != null) {
      return tr("workorders.place.room", o.roomId());
    }
    String estate =
        o.estateId() == null
            ? ""
            : estates.getOrDefault(o.estateId(), tr("workorders.place.estate", o.estateId()));
    String place = o.place() == null ? "" : o.place();
    return estate.isEmpty() ? place : place.isEmpty() ? estate : estate + " · " + place;
  }

  /** "technician #12", "team Plumbers" (its id when the name is not known), or "nobody yet". */
  static String assignee(Long userId, Long teamId, Map<Long, String> teams) {
    if (userId != null) {
      return tr("workorders.assignee.user", userId);
    }
    if (teamId != null) {
      return tr("workorders.assignee.team", teams.getOrDefault(teamId, "#" + teamId));
    }
    return tr("workorders.assignee.none");
  }

  /** The badge of a list row: overdue, or when the resolution is due. */
  static Span dueBadge(Order o, Locale locale) {
    Order.Deadline d = o.resolution();
    if (o.overdue()) {
      return badge(tr("workorders.overdue"), "breached");
    }
    if (d == null || d.state() == null) {
      return badge("—", null);
    }
    if ("met".equals(d.state()) || "met_late".equals(d.state())) {
      return badge(Texts.state("workorders.deadline.state.", d.state()), d.state());
    }
    return badge(
        d.due() == null
            ? Texts.state("workorders.deadline.state.", d.state())
            : tr("workorders.due", When.format(d.due(), locale)),
        d.state());
  }

  /** "Response: met · due 8 Dec 2026, 10:30", coloured by the deadline's state. */
  static Span deadlineBadge(String which, Order.Deadline d, Locale locale) {
    String name = tr("workorders.deadline." + which);
    if (d == null || d.state() == null) {
      return badge(name + ": —", null);
    }
    String words = Texts.state("workorders.deadline.state.", d.state());
    Instant at = d.metAt() != null ? d.metAt() : d.due();
    String when =
        at == null
            ? ""
            : " · "
                + tr(
                    d.metAt() != null ? "workorders.deadline.metAt" : "workorders.due",
                    When.format(at, locale));
    return badge(name + ": " + words + when, d.state());
  }

  /** A Lumo badge in the colour of a deadline state. */
  static Span badge(String text, String deadlineState) {
    Span s = new Span(text);
    String theme =
        switch (deadlineState == null ? "" : deadlineState) {
          case "on_time", "met" -> "badge success";
          case "breached", "met_late" -> "badge error";
          case "paused" -> "badge contrast";
          default -> "badge";
        };
    s.getElement().getThemeList().add(theme);
    if ("warning".equals(deadlineState)) {
      s.getStyle()
          .set("color", "var(--lumo-warning-text-color, #8a4b00)")
          .set("background-color", "var(--lumo-warning-color-10pct, #fff3d6)");
    }
    s.getElement().setAttribute("data-deadline", deadlineState == null ? "" : deadlineState);
    return s;
  }

  private static String tr(String key, Object... args) {
    UI ui = UI.getCurrent();
    return ui == null ? key : ui.getTranslation(key, args);
  }
}
