package org.courtyard.workorders.internal.sweeps;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.workorders.internal.lifecycle.Action;
import org.courtyard.workorders.internal.lifecycle.Actor;
import org.courtyard.workorders.internal.lifecycle.Assignee;
import org.courtyard.workorders.internal.lifecycle.Command;
import org.courtyard.workorders.internal.lifecycle.LifecyclePolicy;
import org.courtyard.workorders.internal.lifecycle.OrderLifecycle;
import org.courtyard.workorders.internal.lifecycle.OrderProgress;
import org.courtyard.workorders.internal.lifecycle.OrderState;
import org.courtyard.workorders.internal.lifecycle.Transition;
import org.courtyard.workorders.internal.lifecycle.TransitionRefused;

/**
 * A tenant's deadline sweep and automatic confirmation.
 *
 * <p>Each of the four marks (response warned, response breached, resolution warned, resolution
 * breached) reads the orders waiting for it from the partial index of V1 that holds exactly those
 * orders, oldest instant first, {@value #BATCH} at a time, skipping rows another transaction holds
 * (an order being worked is marked on the next run), and in the same statement sets the mark and
 * writes the timeline line ({@code warn} or {@code breach} by the system, the state unchanged, the
 * note naming the deadline). Setting the mark takes the order out of the index, so a second run
 * marks nothing again, and an order is marked once even when two nodes sweep at once. A paused
 * order has no resolution instants unless they had passed before the pause, so it is not warned
 * while paused.
 *
 * <p>Orders done longer ago than the tenant's confirmation period are confirmed by the system
 * through {@link OrderLifecycle}, which decides whether the system may confirm now: the rule is the
 * lifecycle's, and the timeline line is the one it returns.
 *
 * <p>Marks leave the order's {@code version} and {@code updated_at} alone: they are the system's
 * notes, not an edit that should make a dispatcher's next step answer stale-version. Order writes
 * therefore never write the mark columns except to clear them when a deadline starts afresh.
 */
public final class OrderSweeps {

  /** The tenant's confirmation and reopen periods, read on the sweep's connection. */
  @FunctionalInterface
  public interface Policies {
    LifecyclePolicy policy(Connection c) throws SQLException;
  }

  /** Rows per transaction: short locks, bounded memory, whatever the backlog. */
  public static final int BATCH = 500;

  /**
   * The four marks. Each {@code waiting} predicate repeats a V1 partial index's word for word, so
   * the planner can walk that index; a warning comes at its instant, a breach only after the due
   * instant (done by 17:30 for 17:30 is on time), as {@code SlaClock} says.
   */
  private enum Mark {
    RESPONSE_WARNED(
        "response_warn_at <= ?",
        "response_warned_at",
        "responded_at IS NULL AND response_warned_at IS NULL AND state <> 'cancelled'",
        "warn",
        "response"),
    RESPONSE_BREACHED(
        "response_due < ?",
        "response_breached_at",
        "responded_at IS NULL AND response_breached_at IS NULL AND state <> 'cancelled'",
        "breach",
        "response"),
    RESOLUTION_WARNED(
        "resolution_warn_at <= ?",
        "resolution_warned_at",
        "resolution_met_at IS NULL AND resolution_warned_at IS NULL"
            + " AND resolution_warn_at IS NOT NULL",
        "warn",
        "resolution"),
    RESOLUTION_BREACHED(
        "resolution_due < ?",
        "resolution_breached_at",
        "resolution_met_at IS NULL AND resolution_breached_at IS NULL"
            + " AND resolution_due IS NOT NULL",
        "breach",
        "resolution");

    final String passed;
    final String mark;
    final String waiting;
    final String action;
    final String deadline;

    /** Warnings before breaches in the timeline. */
    final int order;

    Mark(String passed, String mark, String waiting, String action, String deadline) {
      this.passed = passed;
      this.mark = mark;
      this.waiting = waiting;
      this.action = action;
      this.deadline = deadline;
      this.order = ordinal();
    }
  }

  private final Jdbc jdbc;
  private final Clock clock;
  private final Policies policies;
  private final int batch;

  public OrderSweeps(Jdbc jdbc, Clock clock, Policies policies) {
    this(jdbc, clock, policies, BATCH);
  }

  OrderSweeps(Jdbc jdbc, Clock clock, Policies policies, int batch) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.policies = policies;
    this.batch = batch;
  }

  /**
   * The four marks in one statement: the orders due for any of them (a bitmap OR of the four
   * partial indexes, at most a batch, skipping locked ones), each updated once with every mark it
   * is due for (a row is never updated twice in one statement), and one timeline line per mark set,
   * warnings before breaches. A mark set by this run carries this run's instant, which is how its
   * lines are told from marks set before.
   */
  private static final String MARK_ALL = markAll();

  /** The position of the batch size among {@link #MARK_ALL}'s parameters. */
  private static final int LIMIT_PARAM =
      countParams(MARK_ALL.substring(0, MARK_ALL.indexOf(" LIMIT ?"))) + 1;

  private static String markAll() {
    StringBuilder due = new StringBuilder("SELECT id FROM workorder WHERE ");
    StringBuilder set = new StringBuilder();
    StringBuilder lines = new StringBuilder();
    int n = 0;
    for (Mark m : Mark.values()) {
      String when = "(" + m.waiting + " AND " + m.passed.replace("?", ":now") + ")";
      due.append(n == 0 ? "" : " OR ").append(when);
      set.append(n == 0 ? "" : ", ")
          .append(m.mark)
          .append(" = CASE WHEN ")
          .append(when)
          .append(" THEN :now ELSE w.")
          .append(m.mark)
          .append(" END");
      lines
          .append(n == 0 ? "" : " UNION ALL ")
          .append("SELECT id, ")
          .append(m.order)
          .append(" AS k, '")
          .append(m.action)
          .append("' AS action, state, '")
          .append(m.deadline)
          .append("' AS note FROM marked WHERE ")
          .append(m.mark)
          .append(" = :now");
      n++;
    }
    return ("WITH due AS ("
            + due
            + " LIMIT ? FOR UPDATE SKIP LOCKED),"
            + " marked AS (UPDATE workorder w SET "
            + set
            + " FROM due WHERE w.id = due.id RETURNING w.id, w.state, w.response_warned_at,"
            + " w.response_breached_at, w.resolution_warned_at, w.resolution_breached_at),"
            + " line AS ("
            + lines
            + "), written AS (INSERT INTO workorder_event (order_id, at, actor_kind,"
            + " actor_id, action, from_state, to_state, note)"
            + " SELECT id, :now, 'system', NULL, action, state, state, note FROM line"
            + " ORDER BY id, k RETURNING action, note)"
            + " SELECT (SELECT count(*) FROM marked),"
            + " count(*) FILTER (WHERE action = 'warn' AND note = 'response'),"
            + " count(*) FILTER (WHERE action = 'breach' AND note = 'response'),"
            + " count(*) FILTER (WHERE action = 'warn' AND note = 'resolution'),"
            + " count(*) FILTER (WHERE action = 'breach' AND note = 'resolution')"
            + " FROM written")
        .replace(":now", "?::timestamptz");
  }

  /**
   * Whether anything is due, in one read outside a transaction: an {@code EXISTS} per mark on its
   * partial index (the predicates of {@link #MARK_ALL}), and one on the done orders' index for the
   * confirmation, its period read from the settings in the same statement. A run with nothing due,
   * the usual minute, costs this read alone.
   */
  private static final String PROBE = probe();

  private static String probe() {
    StringBuilder marks = new StringBuilder("SELECT ");
    for (Mark m : Mark.values()) {
      marks
          .append(m.ordinal() == 0 ? "" : " OR ")
          .append("EXISTS (SELECT 1 FROM workorder WHERE ")
          .append(m.waiting)
          .append(" AND ")
          .append(m.passed)
          .append(")");
    }
    return marks
        + ", EXISTS (SELECT 1 FROM workorder WHERE state = 'done' AND done_at <= ?::timestamptz"
        + " - (SELECT auto_confirm_days FROM workorder_settings WHERE id = 1)"
        + " * interval '24 hours')";
  }

  /** {any mark due, any done order past its confirmation period}, read at {@code at}. */
  private boolean[] due(Timestamp at) {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(PROBE)) {
            for (int i = 1; i <= Mark.values().length + 1; i++) {
              ps.setTimestamp(i, at);
            }
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return new boolean[] {rs.getBoolean(1), rs.getBoolean(2)};
            }
          }
        });
  }

  private static int countParams(String sql) {
    int n = 0;
    for (int i = 0; i < sql.length(); i++) {
      if (sql.charAt(i) == '?') {
        n++;
      }
    }
    return n;
  }

  /**
   * Marks and confirms everything due now, batch after batch until nothing is left: each batch one
   * statement for all four marks, each kind of work only when {@link #PROBE} found some, so a run
   * with nothing due costs one read.
   */
  public SweepCounts sweep() {
    long started = System.nanoTime();
    Timestamp at = Timestamp.from(clock.instant());
    int params = countParams(MARK_ALL);
    int[] totals = new int[4];
    boolean[] due = due(at);
    while (due[0]) {
      int[] counts =
          jdbc.transaction(
              c -> {
                int[] r = new int[5];
                try (PreparedStatement ps = c.prepareStatement(MARK_ALL)) {
                  for (int i = 1; i <= params; i++) {
                    if (i == LIMIT_PARAM) {
                      ps.setInt(i, batch);
                    } else {
                      ps.setTimestamp(i, at);
                    }
                  }
                  try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    for (int i = 0; i < 5; i++) {
                      r[i] = rs.getInt(i + 1);
                    }
                  }
                }
                return r;
              });
      for (int i = 0; i < 4; i++) {
        totals[i] += counts[i + 1];
      }
      if (counts[0] < batch) {
        break;
      }
    }
    int confirmed = due[1] ? confirmOverdue() : 0;
    return new SweepCounts(
        totals[0],
        totals[1],
        totals[2],
        totals[3],
        confirmed,
        Math.round((System.nanoTime() - started) / 10_000.0) / 100.0);
  }

  /** One done order as the lifecycle sees it. */
  private record Done(long id, OrderProgress progress) {}

  private int confirmOverdue() {
    int total = 0;
    while (true) {
      int[] result = jdbc.transaction(this::confirmBatch);
      total += result[1];
      // a full batch of which nothing could be confirmed would come back forever
      if (result[0] < batch || result[1] == 0) {
        return total;
      }
    }
  }

  /** {rows read, orders confirmed} of one batch. */
  private int[] confirmBatch(Connection c) throws SQLException {
    LifecyclePolicy policy = policies.policy(c);
    OrderLifecycle lifecycle = new OrderLifecycle(policy, clock);
    Instant now = clock.instant();
    List<Done> due = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, assignee_user_id, assignee_team_id, reporter_person_id, done_at,"
                + " reopen_count FROM workorder WHERE state = 'done' AND done_at <= ?"
                + " ORDER BY done_at LIMIT ? FOR UPDATE SKIP LOCKED")) {
      ps.setTimestamp(1, Timestamp.from(now.minus(policy.autoConfirmAfter())));
      ps.setInt(2, batch);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Long user = Jdbc.getLong(rs, "assignee_user_id");
          Long team = Jdbc.getLong(rs, "assignee_team_id");
          Assignee assignee =
              user != null ? Assignee.user(user) : team != null ? Assignee.team(team) : null;
          due.add(
              new Done(
                  rs.getLong("id"),
                  new OrderProgress(
                      OrderState.DONE,
                      assignee,
                      Jdbc.getLong(rs, "reporter_person_id"),
                      rs.getTimestamp("done_at").toInstant(),
                      rs.getInt("reopen_count"),
                      null)));
        }
      }
    }
    int confirmed = 0;
    try (PreparedStatement update =
            c.prepareStatement(
                "UPDATE workorder SET state = ?, updated_at = ?, version = version + 1"
                    + " WHERE id = ? AND state = 'done'");
        PreparedStatement event =
            c.prepareStatement(
                "INSERT INTO workorder_event (order_id, at, actor_kind, actor_id, action,"
                    + " from_state, to_state, note) VALUES (?, ?, 'system', NULL, ?, ?, ?, ?)")) {
      for (Done d : due) {
        Transition t;
        try {
          t = lifecycle.apply(d.progress(), Command.of(Action.CONFIRM, Actor.system()));
        } catch (TransitionRefused refused) {
          continue;
        }
        Timestamp at = Timestamp.from(t.entry().at());
        update.setString(1, t.after().state().code());
        update.setTimestamp(2, at);
        update.setLong(3, d.id());
        update.addBatch();
        event.setLong(1, d.id());
        event.setTimestamp(2, at);
        event.setString(3, t.entry().action().code());
        event.setString(4, t.entry().from().code());
        event.setString(5, t.entry().to().code());
        event.setString(6, t.entry().note());
        event.addBatch();
        confirmed++;
      }
      if (confirmed > 0) {
        update.executeBatch();
        event.executeBatch();
      }
    }
    return new int[] {due.size(), confirmed};
  }
}
