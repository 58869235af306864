package org.courtyard.workorders.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.courtyard.workorders.internal.MutableClock;
import org.courtyard.workorders.internal.lifecycle.TransitionRefused.Why;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (action, actor, state) triple against the lifecycle as issue 13 states it, written out here
 * independently of the lifecycle's own table: allowed triples lead to the state named, every other
 * one is refused as wrong state (nobody may) or not yours (someone else may). The order and the
 * command are as favourable as can be (the technician is the assignee, the resident the reporter,
 * everything the action needs is there, inside every time window), so a refusal is the rule's and
 * nothing else's.
 */
class TransitionTableTest {

  /** action | who | from | to ("=" for no change). */
  private static final String TABLE =
      """
      dispatch | staff system                  | new                                  | dispatched
      grab     | technician                    | new                                  | accepted
      accept   | technician                    | dispatched                           | accepted
      start    | technician                    | accepted                             | in_progress
      pause    | technician staff              | in_progress                          | paused
      resume   | technician staff system       | paused                               | in_progress
      complete | technician staff              | in_progress                          | done
      confirm  | resident staff system         | done                                 | confirmed
      close    | staff system                  | confirmed                            | closed
      reopen   | resident staff                | done confirmed closed                | dispatched
      cancel   | staff                         | new dispatched accepted in_progress paused | cancelled
      cancel   | resident                      | new dispatched accepted              | cancelled
      transfer | staff technician              | dispatched accepted in_progress paused | dispatched
      urge     | resident staff                | new dispatched accepted in_progress paused | =
      """;

  private static final Instant NOW = Instant.parse("2026-03-10T02:00:00Z");
  private static final long REPORTER = 7;
  private static final long TECHNICIAN = 100;
  private static final Map<ActorKind, Actor> ACTORS =
      Map.of(
          ActorKind.STAFF, Actor.staff(1),
          ActorKind.TECHNICIAN, Actor.technician(TECHNICIAN),
          ActorKind.RESIDENT, Actor.resident(REPORTER),
          ActorKind.SYSTEM, Actor.system());

  private record Allowed(Action action, ActorKind actor, OrderState from) {}

  private static Map<Allowed, OrderState> expected() {
    Map<Allowed, OrderState> allowed = new HashMap<>();
    for (String line : TABLE.strip().split("\n")) {
      String[] cells = line.split("\\|");
      Action action = Action.ofCode(cells[0].strip());
      for (String who : cells[1].strip().split("\\s+")) {
        for (String from : cells[2].strip().split("\\s+")) {
          OrderState state = OrderState.ofCode(from);
          String to = cells[3].strip();
          allowed.put(
              new Allowed(action, ActorKind.valueOf(who.toUpperCase(Locale.ROOT)), state),
              to.equals("=") ? state : OrderState.ofCode(to));
        }
      }
    }
    return allowed;
  }

  static Stream<Arguments> everyTriple() {
    List<Arguments> all = new ArrayList<>();
    for (Action action : Action.values()) {
      for (ActorKind actor : ActorKind.values()) {
        for (OrderState state : OrderState.values()) {
          all.add(Arguments.of(action, actor, state));
        }
      }
    }
    return all.stream();
  }

  /** An order in {@code state}, done exactly as long ago as automatic confirmation waits. */
  static OrderProgress orderIn(OrderState state) {
    Assignee assignee = state == OrderState.NEW ? null : Assignee.user(TECHNICIAN);
    Instant doneAt =
        EnumSet.of(OrderState.DONE, OrderState.CONFIRMED, OrderState.CLOSED).contains(state)
            ? NOW.minus(LifecyclePolicy.DEFAULT.autoConfirmAfter())
            : null;
    PauseReason reason = state == OrderState.PAUSED ? PauseReason.PARTS : null;
    return new OrderProgress(state, assignee, REPORTER, doneAt, 0, reason);
  }

  /** Everything any action could need, with another technician to dispatch or transfer to. */
  static Command completeCommand(Action action, Actor actor) {
    return new Command(
        action,
        actor,
        "a note",
        PauseReason.PARTS,
        CancelReason.DUPLICATE,
        action == Action.DISPATCH || action == Action.TRANSFER ? Assignee.user(200) : null);
  }

  private final OrderLifecycle lifecycle =
      new OrderLifecycle(LifecyclePolicy.DEFAULT, new MutableClock(NOW, ZoneId.of("UTC")));

  @ParameterizedTest(name = "{0} by {1} from {2}")
  @MethodSource("everyTriple")
  void eachTripleIsAllowedExactlyWhenTheIssueSaysSo(
      Action action, ActorKind actorKind, OrderState state) {
    Map<Allowed, OrderState> expected = expected();
    Actor actor = ACTORS.get(actorKind);
    OrderState to = expected.get(new Allowed(action, actorKind, state));
    if (to != null) {
      Transition t = lifecycle.apply(orderIn(state), completeCommand(action, actor));
      assertThat(t.after().state()).isEqualTo(to);
      assertThat(t.entry().from()).isEqualTo(state);
      assertThat(t.entry().to()).isEqualTo(to);
      assertThat(t.entry().action()).isEqualTo(action);
      assertThat(t.entry().actor()).isEqualTo(actor);
      assertThat(t.entry().at()).isEqualTo(NOW);
      assertThat(lifecycle.allowed(orderIn(state), actor)).contains(action);
    } else {
      boolean someoneMay =
          expected.keySet().stream().anyMatch(a -> a.action() == action && a.from() == state);
      assertThatThrownBy(() -> lifecycle.apply(orderIn(state), completeCommand(action, actor)))
          .isInstanceOfSatisfying(
              TransitionRefused.class,
              r -> {
                assertThat(r.why()).isEqualTo(someoneMay ? Why.NOT_YOURS : Why.WRONG_STATE);
                assertThat(r.from()).isEqualTo(state);
                assertThat(r.action()).isEqualTo(action);
                assertThat(r.allowedNow()).doesNotContain(action);
              });
      assertThat(lifecycle.allowed(orderIn(state), actor)).doesNotContain(action);
    }
  }

  @Test
  void theRefusalListsWhatTheActorMayDoInstead() {
    Set<Action> expectedNow = EnumSet.noneOf(Action.class);
    expected().keySet().stream()
        .filter(a -> a.actor() == ActorKind.TECHNICIAN && a.from() == OrderState.ACCEPTED)
        .forEach(a -> expectedNow.add(a.action()));

    assertThatThrownBy(
            () ->
                lifecycle.apply(
                    orderIn(OrderState.ACCEPTED),
                    Command.of(Action.COMPLETE, Actor.technician(TECHNICIAN), "fixed")))
        .isInstanceOfSatisfying(
            TransitionRefused.class,
            r -> {
              assertThat(r.why()).isEqualTo(Why.WRONG_STATE);
              assertThat(r.allowedNow()).isEqualTo(expectedNow).contains(Action.START);
              assertThat(r.getMessage()).isEqualTo("An order accepted cannot be completed.");
            });
  }

  @Test
  void theBoardOffersForEachStateTheActionsSomeoneMayTake() {
    for (OrderState state : OrderState.values()) {
      Set<Action> expectedFrom = EnumSet.noneOf(Action.class);
      expected().keySet().stream()
          .filter(a -> a.from() == state)
          .forEach(a -> expectedFrom.add(a.action()));
      assertThat(OrderLifecycle.actionsFrom(state)).as(state.code()).isEqualTo(expectedFrom);
    }
    assertThat(OrderLifecycle.actionsFrom(OrderState.CANCELLED)).isEmpty();
  }

  @Test
  void openStatesAreThoseBeforeDone() {
    assertThat(EnumSet.allOf(OrderState.class).stream().filter(OrderState::open))
        .containsExactly(
            OrderState.NEW,
            OrderState.DISPATCHED,
            OrderState.ACCEPTED,
            OrderState.IN_PROGRESS,
            OrderState.PAUSED);
  }
}
