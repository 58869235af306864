package org.courtyard.workorders.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.workorders.internal.deadlines.Priority;
import org.courtyard.workorders.internal.dto.ActionInput;
import org.courtyard.workorders.internal.dto.NewOrder;
import org.courtyard.workorders.internal.lifecycle.Action;
import org.courtyard.workorders.internal.lifecycle.Actor;
import org.courtyard.workorders.internal.lifecycle.Assignee;
import org.courtyard.workorders.internal.lifecycle.CancelReason;
import org.courtyard.workorders.internal.lifecycle.Command;
import org.courtyard.workorders.internal.lifecycle.PauseReason;
import org.courtyard.workorders.internal.lifecycle.TransitionRefused;

/**
 * What a new order and a step must carry, checked field by field before anything is read or written
 * (422 naming every wrong field); and the lifecycle's refusals as problems in the caller's
 * language.
 */
final class OrderRules {

  static final int DESCRIPTION_MAX = 2000;
  static final int NOTE_MAX = 2000;
  static final int PLACE_MAX = 200;
  static final int NAME_MAX = 100;
  static final int PHONE_MAX = 16;

  /** How staff record an order, and the reporter kind each channel means. */
  static final Set<String> STAFF_CHANNELS = Set.of("phone", "counter", "visit", "inspection");

  private static final Texts TEXTS = Texts.of(OrderRules.class);

  private OrderRules() {}

  /** A new order, checked. */
  record Checked(
      long categoryId,
      Priority priority,
      String description,
      Long roomId,
      Long estateId,
      Long buildingId,
      String place,
      String channel,
      Long reporterPersonId,
      String contactName,
      String contactPhone) {

    /** Staff's channels: an inspection is the inspector's own; the others a resident's call. */
    String reporterKind() {
      return "inspection".equals(channel) ? "inspection" : "staff";
    }
  }

  /** A step's input, checked; the lifecycle checks what the action needs of it. */
  record Step(
      String note,
      PauseReason pauseReason,
      CancelReason cancelReason,
      Assignee assignee,
      Integer version,
      java.math.BigDecimal charge) {

    Command command(Action action, Actor actor) {
      return new Command(
          action,
          actor,
          note,
          action == Action.PAUSE ? pauseReason : null,
          action == Action.CANCEL ? cancelReason : null,
          action == Action.DISPATCH || action == Action.TRANSFER ? assignee : null);
    }
  }

  /**
   * @param resident whether a resident reports it in the app: a room of theirs, no channel
   */
  static Checked check(NewOrder in, boolean resident) {
    FieldErrors errors = new FieldErrors();
    if (in.categoryId() == null) {
      errors.add("categoryId", TextRules.IS_REQUIRED);
    }
    Priority priority = Priority.NORMAL;
    if (in.priority() != null) {
      try {
        priority = Priority.ofCode(in.priority());
      } catch (IllegalArgumentException e) {
        errors.add("priority", TEXTS.text("order.priority"));
      }
    }
    String description = TextRules.trimToNull(in.description());
    if (description == null) {
      errors.add("description", TextRules.IS_REQUIRED);
    } else if (description.codePointCount(0, description.length()) > DESCRIPTION_MAX) {
      errors.add("description", TEXTS.text("order.too-long", DESCRIPTION_MAX));
    }
    String place = TextRules.optionalLine(in.place(), "place", PLACE_MAX, errors);
    if (in.roomId() != null) {
      if (in.estateId() != null || in.buildingId() != null || place != null) {
        errors.add("roomId", TEXTS.text("order.room-or-area"));
      }
    } else if (resident) {
      errors.add("roomId", TextRules.IS_REQUIRED);
    } else {
      if (in.estateId() == null) {
        errors.add("estateId", TEXTS.text("order.where"));
      }
      if (place == null) {
        errors.add("place", TEXTS.text("order.place"));
      }
    }
    String channel = null;
    if (resident) {
      if (in.channel() != null && !"resident_app".equals(in.channel())) {
        errors.add("channel", TEXTS.text("order.resident-channel"));
      }
      if (in.reporterPersonId() != null) {
        errors.add("reporterPersonId", TEXTS.text("order.resident-reporter"));
      }
    } else {
      channel = in.channel();
      if (channel == null || !STAFF_CHANNELS.contains(channel)) {
        errors.add(
            "channel",
            TEXTS.text(
                "order.channel", String.join(", ", STAFF_CHANNELS.stream().sorted().toList())));
      } else if ("inspection".equals(channel) && in.reporterPersonId() != null) {
        errors.add("reporterPersonId", TEXTS.text("order.inspection-reporter"));
      }
    }
    String contactName = TextRules.optionalLine(in.contactName(), "contactName", NAME_MAX, errors);
    String phone = TextRules.trimToNull(in.contactPhone());
    if (phone != null) {
      phone = phone.replaceAll("[\\s-]", "");
      if (!phone.matches("^\\+?[0-9]{3,15}$")) {
        errors.add("contactPhone", TEXTS.text("order.phone"));
      }
    }
    errors.throwIfAny();
    return new Checked(
        in.categoryId(),
        priority,
        description,
        in.roomId(),
        in.estateId(),
        in.buildingId(),
        in.roomId() == null ? place : null,
        channel,
        in.reporterPersonId(),
        contactName,
        phone);
  }

  /** A step's input, checked: the note's length, a known reason, one assignee at most. */
  static Step check(ActionInput in, Action action) {
    ActionInput a = in == null ? new ActionInput(null, null, null, null, null, null) : in;
    FieldErrors errors = new FieldErrors();
    String note = TextRules.trimToNull(a.note());
    if (note != null && note.codePointCount(0, note.length()) > NOTE_MAX) {
      errors.add("note", TEXTS.text("order.too-long", NOTE_MAX));
    }
    PauseReason pause = null;
    CancelReason cancel = null;
    if (a.reason() != null) {
      if (action == Action.PAUSE) {
        pause = reason(PauseReason.class, a.reason(), errors);
      } else if (action == Action.CANCEL) {
        cancel = reason(CancelReason.class, a.reason(), errors);
      } else {
        errors.add("reason", TEXTS.text("order.no-reason", action.code()));
      }
    }
    Assignee assignee = null;
    if (a.assigneeUserId() != null && a.assigneeTeamId() != null) {
      errors.add("assigneeTeamId", TEXTS.text("order.one-assignee"));
    } else if (a.assigneeUserId() != null || a.assigneeTeamId() != null) {
      if (action != Action.DISPATCH && action != Action.TRANSFER) {
        errors.add(
            a.assigneeUserId() != null ? "assigneeUserId" : "assigneeTeamId",
            TEXTS.text("order.no-assignee", action.code()));
      } else {
        long id = a.assigneeUserId() != null ? a.assigneeUserId() : a.assigneeTeamId();
        if (id < 1) {
          errors.add(
              a.assigneeUserId() != null ? "assigneeUserId" : "assigneeTeamId",
              TEXTS.text("order.assignee-id"));
        } else {
          assignee = a.assigneeUserId() != null ? Assignee.user(id) : Assignee.team(id);
        }
      }
    }
    if (a.charge() != null && action != Action.COMPLETE) {
      errors.add("charge", TEXTS.text("order.no-charge", action.code()));
    }
    errors.throwIfAny();
    return new Step(note, pause, cancel, assignee, a.version(), a.charge());
  }

  private static <E extends Enum<E>> E reason(Class<E> type, String code, FieldErrors errors) {
    try {
      return Enum.valueOf(type, code.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.add(
          "reason",
          TEXTS.text(
              "order.reason",
              Arrays.stream(type.getEnumConstants())
                  .map(x -> x.name().toLowerCase(Locale.ROOT))
                  .collect(Collectors.joining(", "))));
      return null;
    }
  }

  /**
   * A step the lifecycle refused: 409 {@code wrong-state} or {@code out-of-time}, 403 {@code
   * not-yours}, 422 {@code incomplete}, each naming the order's state, the step and the steps the
   * caller may take now ({@code allowedNow}).
   */
  static ProblemException problem(TransitionRefused r, String number) {
    String allowed = r.allowedNow().stream().map(Action::code).collect(Collectors.joining(", "));
    java.util.List<String> codes = r.allowedNow().stream().map(Action::code).toList();
    String state = r.from().code();
    ProblemException p =
        switch (r.why()) {
          case WRONG_STATE ->
              TEXTS.problem(
                  409,
                  "wrong-state",
                  java.util.Map.of("state", state, "allowedNow", codes),
                  "order.wrong-state",
                  number,
                  state,
                  r.action().code(),
                  allowed);
          case OUT_OF_TIME ->
              TEXTS.problem(
                  409,
                  "out-of-time",
                  java.util.Map.of("state", state, "allowedNow", codes),
                  "order.out-of-time",
                  number,
                  r.action().code(),
                  state);
          case NOT_YOURS ->
              TEXTS.problem(
                  403,
                  "not-yours",
                  java.util.Map.of("state", state, "allowedNow", codes),
                  "order.not-yours",
                  number,
                  r.action().code());
          case INCOMPLETE ->
              TEXTS.problem(
                  422,
                  "incomplete",
                  java.util.Map.of("state", state, "allowedNow", codes),
                  "order.incomplete",
                  number,
                  r.action().code(),
                  r.getMessage());
        };
    return p;
  }
}
