package org.courtyard.workorders.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.courtyard.workorders.internal.MutableClock;
import org.courtyard.workorders.internal.lifecycle.TransitionRefused.Why;
import org.junit.jupiter.api.Test;

/**
 * Who exactly may act, what each step needs, the timeline, reopening and automatic confirmation.
 */
class OrderLifecycleTest {

  private static final Instant START = Instant.parse("2026-03-10T01:00:00Z");
  private static final Actor DISPATCHER = Actor.staff(1);
  private static final Actor TECH = Actor.technician(100, 50L);
  private static final Actor OTHER_TECH = Actor.technician(101);
  private static final Actor REPORTER = Actor.resident(7);

  private final MutableClock clock = new MutableClock(START, ZoneId.of("Asia/Shanghai"));
  private final OrderLifecycle lifecycle = new OrderLifecycle(LifecyclePolicy.ofDays(3, 7), clock);
  private final List<TimelineEntry> timeline = new ArrayList<>();
  private OrderProgress order = OrderProgress.reported(7L);

  private void step(Command command) {
    Transition t = lifecycle.apply(order, command);
    order = t.after();
    timeline.add(t.entry());
  }

  private TransitionRefused refusal(Command command) {
    try {
      lifecycle.apply(order, command);
    } catch (TransitionRefused r) {
      return r;
    }
    throw new AssertionError("not refused: " + command);
  }

  private void toDone() {
    step(Command.dispatch(DISPATCHER, Assignee.user(100), null));
    step(Command.of(Action.ACCEPT, TECH));
    step(Command.of(Action.START, TECH));
    step(Command.of(Action.COMPLETE, TECH, "replaced the valve"));
  }

  @Test
  void aRepairFromReportToCloseLeavesOneTimelineEntryPerStep() {
    step(Command.dispatch(DISPATCHER, Assignee.user(100), "leak under the sink"));
    clock.advance(Duration.ofMinutes(5));
    step(Command.of(Action.URGE, REPORTER, "water on the floor"));
    clock.advance(Duration.ofMinutes(5));
    step(Command.of(Action.ACCEPT, TECH));
    step(Command.of(Action.START, TECH));
    step(Command.pause(TECH, PauseReason.PARTS, "valve on order"));
    clock.advance(Duration.ofHours(20));
    step(Command.of(Action.RESUME, TECH));
    step(Command.of(Action.COMPLETE, TECH, "replaced the valve"));
    Instant doneAt = clock.instant();
    step(Command.of(Action.CONFIRM, REPORTER));
    step(Command.of(Action.CLOSE, DISPATCHER, "return visit: satisfied"));

    assertThat(order.state()).isEqualTo(OrderState.CLOSED);
    assertThat(order.doneAt()).isEqualTo(doneAt);
    assertThat(timeline)
        .extracting(TimelineEntry::action)
        .containsExactly(
            Action.DISPATCH,
            Action.URGE,
            Action.ACCEPT,
            Action.START,
            Action.PAUSE,
            Action.RESUME,
            Action.COMPLETE,
            Action.CONFIRM,
            Action.CLOSE);
    TimelineEntry dispatch = timeline.get(0);
    assertThat(dispatch.at()).isEqualTo(START);
    assertThat(dispatch.actor()).isEqualTo(DISPATCHER);
    assertThat(dispatch.from()).isEqualTo(OrderState.NEW);
    assertThat(dispatch.to()).isEqualTo(OrderState.DISPATCHED);
    assertThat(dispatch.note()).isEqualTo("leak under the sink");
    assertThat(dispatch.assignee()).isEqualTo(Assignee.user(100));
    TimelineEntry urge = timeline.get(1);
    assertThat(urge.from()).isEqualTo(OrderState.DISPATCHED).isEqualTo(urge.to());
    assertThat(urge.at()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    TimelineEntry pause = timeline.get(4);
    assertThat(pause.reason()).isEqualTo("parts");
    assertThat(timeline.get(5).at()).isEqualTo(pause.at().plus(Duration.ofHours(20)));
    // accepting an order already assigned to you changes nobody
    assertThat(timeline.get(2).assignee()).isNull();
  }

  @Test
  void onlyTheAssignedTechnicianOrAMemberOfTheAssignedTeamMayAct() {
    step(Command.dispatch(DISPATCHER, Assignee.team(50), null));
    assertThat(refusal(Command.of(Action.ACCEPT, OTHER_TECH)).why()).isEqualTo(Why.NOT_YOURS);
    assertThat(lifecycle.allowed(order, OTHER_TECH)).isEmpty();

    step(Command.of(Action.ACCEPT, TECH));
    assertThat(order.assignee()).isEqualTo(Assignee.user(100));
    assertThat(timeline.get(1).assignee()).isEqualTo(Assignee.user(100));
    assertThat(refusal(Command.of(Action.START, Actor.technician(102, 50L))).getMessage())
        .isEqualTo("The order is assigned to technician 100, not to technician 102.");
  }

  @Test
  void aGrabMakesTheGrabberTheAssigneeAndTheResponseIsGivenAtOnce() {
    step(Command.of(Action.GRAB, OTHER_TECH));
    assertThat(order.state()).isEqualTo(OrderState.ACCEPTED);
    assertThat(order.assignee()).isEqualTo(Assignee.user(101));
    assertThat(refusal(Command.of(Action.GRAB, TECH)).why()).isEqualTo(Why.WRONG_STATE);
  }

  @Test
  void onlyTheReporterMayConfirmReopenCancelOrUrgeAsAResident() {
    Actor neighbour = Actor.resident(8);
    assertThat(refusal(Command.of(Action.URGE, neighbour)).why()).isEqualTo(Why.NOT_YOURS);
    assertThat(refusal(Command.cancel(neighbour, CancelReason.WITHDRAWN, null)).why())
        .isEqualTo(Why.NOT_YOURS);
    toDone();
    assertThat(refusal(Command.of(Action.CONFIRM, neighbour)).why()).isEqualTo(Why.NOT_YOURS);
    assertThat(refusal(Command.of(Action.REOPEN, neighbour, "still leaks")).why())
        .isEqualTo(Why.NOT_YOURS);
  }

  @Test
  void anOrderReportedByStaffOrADeviceHasNoResidentToActOnIt() {
    order = OrderProgress.reported(null);
    assertThat(refusal(Command.of(Action.URGE, REPORTER)).why()).isEqualTo(Why.NOT_YOURS);
    assertThat(lifecycle.allowed(order, REPORTER)).isEmpty();
  }

  @Test
  void theResidentMayWithdrawOnlyUntilWorkStarts() {
    step(Command.dispatch(DISPATCHER, Assignee.user(100), null));
    step(Command.of(Action.ACCEPT, TECH));
    step(Command.of(Action.START, TECH));
    TransitionRefused r = refusal(Command.cancel(REPORTER, CancelReason.WITHDRAWN, null));
    assertThat(r.why()).isEqualTo(Why.NOT_YOURS);
    assertThat(r.allowedNow()).containsExactly(Action.URGE);
    step(Command.cancel(DISPATCHER, CancelReason.WITHDRAWN, null));
    assertThat(order.state()).isEqualTo(OrderState.CANCELLED);
    assertThat(timeline.get(3).reason()).isEqualTo("withdrawn");
    assertThat(order.assignee()).isEqualTo(Assignee.user(100));
  }

  @Test
  void eachActionRefusesACommandThatLacksWhatItNeeds() {
    assertIncomplete(
        Command.dispatch(DISPATCHER, null, "x"), "Dispatching needs a technician or team.");
    assertIncomplete(Command.cancel(DISPATCHER, null, "x"), "Cancelling needs a reason.");
    assertIncomplete(
        Command.cancel(DISPATCHER, CancelReason.OTHER, "  "),
        "Cancelling for another reason needs a note saying which.");
    step(Command.cancel(DISPATCHER, CancelReason.OTHER, " estate sold "));
    assertThat(timeline.get(0).note()).isEqualTo("estate sold");

    order = OrderProgress.reported(7L);
    step(Command.dispatch(DISPATCHER, Assignee.user(100), null));
    assertIncomplete(
        Command.transfer(DISPATCHER, null, "x"),
        "Transferring needs the technician or team to transfer to.");
    assertIncomplete(
        Command.transfer(DISPATCHER, Assignee.user(100), "x"),
        "The order is assigned to technician 100 already.");
    assertIncomplete(
        Command.transfer(TECH, Assignee.team(9), null), "Transferring needs a note saying why.");
    step(Command.of(Action.ACCEPT, TECH));
    step(Command.of(Action.START, TECH));
    assertIncomplete(Command.pause(TECH, null, "x"), "Pausing needs a reason.");
    assertIncomplete(
        Command.of(Action.COMPLETE, TECH), "Completing needs a note on what was done.");
    step(Command.of(Action.COMPLETE, TECH, "done"));
    assertIncomplete(
        Command.of(Action.CONFIRM, DISPATCHER),
        "Confirming for the resident needs a note on how they confirmed.");
    assertIncomplete(
        Command.of(Action.REOPEN, REPORTER), "Reopening needs a note on what is still wrong.");
    step(Command.of(Action.CONFIRM, DISPATCHER, "confirmed on the phone"));
  }

  private void assertIncomplete(Command command, String message) {
    TransitionRefused r = refusal(command);
    assertThat(r.why()).isEqualTo(Why.INCOMPLETE);
    assertThat(r.getMessage()).isEqualTo(message);
    assertThat(r.allowedNow()).contains(command.action());
  }

  @Test
  void aTransferGoesBackToDispatchedForTheNewAssigneeAndEndsAPause() {
    toDone();
    order =
        new OrderProgress(OrderState.PAUSED, Assignee.user(100), 7L, null, 0, PauseReason.RESIDENT);
    step(Command.transfer(TECH, Assignee.team(9), "needs an electrician"));
    assertThat(order.state()).isEqualTo(OrderState.DISPATCHED);
    assertThat(order.assignee()).isEqualTo(Assignee.team(9));
    assertThat(order.pauseReason()).isNull();
    assertThat(timeline.get(timeline.size() - 1).assignee()).isEqualTo(Assignee.team(9));
    // the technician who handed it on has nothing more to do with it
    assertThat(refusal(Command.of(Action.ACCEPT, TECH)).why()).isEqualTo(Why.NOT_YOURS);
  }

  @Test
  void reopeningCountsAndReturnsTheOrderToItsTechnicianWithinTheWindowOfTheLastCompletion() {
    toDone();
    Instant firstDone = order.doneAt();
    assertThat(lifecycle.reopenUntil(order)).isEqualTo(firstDone.plus(Duration.ofDays(7)));
    clock.advance(Duration.ofDays(7));
    step(Command.of(Action.REOPEN, REPORTER, "drips again"));
    assertThat(order.state()).isEqualTo(OrderState.DISPATCHED);
    assertThat(order.reopenCount()).isEqualTo(1);
    assertThat(order.assignee()).isEqualTo(Assignee.user(100));
    assertThat(order.doneAt()).isNull();
    assertThat(lifecycle.reopenUntil(order)).isNull();

    step(Command.of(Action.ACCEPT, TECH));
    step(Command.of(Action.START, TECH));
    step(Command.of(Action.COMPLETE, TECH, "new seal"));
    step(Command.of(Action.CONFIRM, REPORTER));
    step(Command.of(Action.CLOSE, DISPATCHER));
    // the window counts from the second completion, not the first
    clock.advance(Duration.ofDays(7).plusNanos(1));
    TransitionRefused late = refusal(Command.of(Action.REOPEN, REPORTER, "drips again"));
    assertThat(late.why()).isEqualTo(Why.OUT_OF_TIME);
    assertThat(late.allowedNow()).isEmpty();
    assertThat(lifecycle.allowed(order, DISPATCHER)).doesNotContain(Action.REOPEN);
    clock.advance(Duration.ofNanos(-1));
    step(Command.of(Action.REOPEN, DISPATCHER, "resident called: drips again"));
    assertThat(order.reopenCount()).isEqualTo(2);
    assertThat(timeline.get(timeline.size() - 1).from()).isEqualTo(OrderState.CLOSED);
  }

  @Test
  void theSystemConfirmsOnlyOnceTheConfirmationPeriodHasPassed() {
    toDone();
    Instant due = order.doneAt().plus(Duration.ofDays(3));
    assertThat(lifecycle.autoConfirmAt(order)).isEqualTo(due);
    clock.set(due.minusSeconds(1));
    TransitionRefused early = refusal(Command.of(Action.CONFIRM, Actor.system()));
    assertThat(early.why()).isEqualTo(Why.OUT_OF_TIME);
    assertThat(early.allowedNow()).isEmpty();
    assertThat(lifecycle.allowed(order, REPORTER)).containsExactly(Action.CONFIRM, Action.REOPEN);

    clock.set(due);
    assertThat(lifecycle.allowed(order, Actor.system())).containsExactly(Action.CONFIRM);
    step(Command.of(Action.CONFIRM, Actor.system()));
    assertThat(order.state()).isEqualTo(OrderState.CONFIRMED);
    assertThat(order.doneAt()).isEqualTo(due.minus(Duration.ofDays(3)));
    assertThat(lifecycle.autoConfirmAt(order)).isNull();
    assertThat(timeline.get(timeline.size() - 1).actor()).isEqualTo(Actor.system());
  }

  @Test
  void aResidentConfirmsAtOnce() {
    toDone();
    step(Command.of(Action.CONFIRM, REPORTER));
    assertThat(order.state()).isEqualTo(OrderState.CONFIRMED);
  }

  @Test
  void progressRefusesStatesThatCannotBe() {
    assertThatThrownBy(
            () -> new OrderProgress(OrderState.PAUSED, Assignee.user(1), null, null, 0, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OrderProgress(OrderState.ACCEPTED, null, null, null, 0, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new OrderProgress(OrderState.DONE, Assignee.user(1), null, null, 0, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Actor(ActorKind.STAFF, 0, java.util.Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
