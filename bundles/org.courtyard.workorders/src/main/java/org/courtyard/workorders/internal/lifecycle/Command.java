package org.courtyard.workorders.internal.lifecycle;

import java.util.Objects;

/**
 * A step someone asks for, with what it carries: a note, a pause or cancel reason, the technician
 * or team the order goes to. What each action needs is the lifecycle's to check, so that a missing
 * piece is refused with the same words whichever client sent it.
 */
public record Command(
    Action action,
    Actor actor,
    String note,
    PauseReason pauseReason,
    CancelReason cancelReason,
    Assignee assignee) {

  public Command {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(actor, "actor");
    note = note == null || note.isBlank() ? null : note.strip();
  }

  /** An action that needs nothing but, optionally, a note. */
  public static Command of(Action action, Actor actor, String note) {
    return new Command(action, actor, note, null, null, null);
  }

  public static Command of(Action action, Actor actor) {
    return of(action, actor, null);
  }

  public static Command dispatch(Actor actor, Assignee to, String note) {
    return new Command(Action.DISPATCH, actor, note, null, null, to);
  }

  public static Command transfer(Actor actor, Assignee to, String note) {
    return new Command(Action.TRANSFER, actor, note, null, null, to);
  }

  public static Command pause(Actor actor, PauseReason reason, String note) {
    return new Command(Action.PAUSE, actor, note, reason, null, null);
  }

  public static Command cancel(Actor actor, CancelReason reason, String note) {
    return new Command(Action.CANCEL, actor, note, null, reason, null);
  }
}
