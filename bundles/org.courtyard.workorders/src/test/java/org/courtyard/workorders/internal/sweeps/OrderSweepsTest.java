package org.courtyard.workorders.internal.sweeps;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.courtyard.workorders.internal.MutableClock;
import org.courtyard.workorders.internal.TestSchema;
import org.courtyard.workorders.internal.lifecycle.LifecyclePolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sweep against a real tenant schema: each passed instant marked once with its timeline line,
 * whatever the backlog, and done orders confirmed by the system after the tenant's period.
 */
class OrderSweepsTest {

  private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);

  private TestSchema db;
  private final MutableClock clock = new MutableClock(NOW, ZoneOffset.UTC);
  private OrderSweeps sweeps;
  private long category;
  private int numbers;

  @BeforeEach
  void schema() throws Exception {
    db = TestSchema.fresh();
    db.execute(
        "insert into workorder_category (code, name_en, name_zh, kind, response_normal,"
            + " response_urgent, response_emergency, resolution_normal, resolution_urgent,"
            + " resolution_emergency) values ('plumbing', 'Plumbing', '水管', 'repair',"
            + " 120, 60, 30, 1440, 480, 240)");
    category = db.count("select id from workorder_category");
    // the tenant's confirmation period, read on the sweep's connection as TenantRules does
    sweeps =
        new OrderSweeps(
            db.jdbc(),
            clock,
            c -> {
              try (Statement s = c.createStatement();
                  ResultSet rs =
                      s.executeQuery(
                          "select auto_confirm_days, reopen_days from workorder_settings")) {
                rs.next();
                return LifecyclePolicy.ofDays(rs.getInt(1), rs.getInt(2));
              }
            });
  }

  @AfterEach
  void drop() throws Exception {
    db.close();
  }

  /** Instants of one order; null where the state leaves them null. */
  private record Times(
      Instant responseWarn, Instant responseDue, Instant resolutionWarn, Instant resolutionDue) {}

  private static Times times(Instant warn, Instant due, Instant resWarn, Instant resDue) {
    return new Times(warn, due, resWarn, resDue);
  }

  /** Inserts {@code n} orders in {@code state} with these instants; their ids. */
  private List<Long> insert(int n, String state, Times t, Instant doneAt) throws Exception {
    boolean responded = !List.of("new", "dispatched", "cancelled").contains(state);
    boolean assigned = !List.of("new", "cancelled").contains(state);
    boolean paused = state.equals("paused");
    boolean met = List.of("done", "confirmed", "closed", "cancelled").contains(state);
    Instant created = NOW.minus(Duration.ofDays(10));
    List<Long> ids = new ArrayList<>();
    try (Connection c = db.connection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into workorder (number, kind, category_id, state, description, estate_id,"
                    + " building_id, place, reporter_kind, reporter_user_id, channel,"
                    + " assignee_user_id, responded_at, pause_reason, cancel_reason, done_at,"
                    + " working_hours, response_minutes, resolution_minutes, response_due,"
                    + " response_warn_at, resolution_running_since, paused_since,"
                    + " resolution_met_at, resolution_due, resolution_warn_at, created_at)"
                    + " values (?, 'repair', ?, ?, 'a leak', 1, null, 'lobby', 'staff', 9,"
                    + " 'phone', ?, ?, ?, ?, ?, false, 120, 1440, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " returning id")) {
      for (int i = 0; i < n; i++) {
        ps.setString(1, "WO-" + (++numbers));
        ps.setLong(2, category);
        ps.setString(3, state);
        ps.setObject(4, assigned ? 7L : null);
        ps.setObject(5, responded ? ts(created.plus(HOUR)) : null);
        ps.setString(6, paused ? "parts" : null);
        ps.setString(7, state.equals("cancelled") ? "withdrawn" : null);
        ps.setObject(8, doneAt == null ? null : ts(doneAt));
        ps.setObject(9, ts(t.responseDue()));
        ps.setObject(10, ts(t.responseWarn()));
        ps.setObject(11, paused || met ? null : ts(created));
        ps.setObject(12, paused ? ts(NOW.minus(HOUR)) : null);
        ps.setObject(13, met ? ts(doneAt == null ? created.plus(HOUR) : doneAt) : null);
        ps.setObject(14, t.resolutionDue() == null ? null : ts(t.resolutionDue()));
        ps.setObject(15, t.resolutionWarn() == null ? null : ts(t.resolutionWarn()));
        ps.setObject(16, ts(created));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  private static java.sql.Timestamp ts(Instant i) {
    return i == null ? null : java.sql.Timestamp.from(i);
  }

  private static final Times FUTURE =
      times(
          NOW.plus(HOUR),
          NOW.plus(HOUR.multipliedBy(2)),
          NOW.plusSeconds(3 * 3600),
          NOW.plusSeconds(4 * 3600));

  private List<String> events(long order) throws Exception {
    List<String> lines = new ArrayList<>();
    try (Connection c = db.connection();
        PreparedStatement ps =
            c.prepareStatement(
                "select action, actor_kind, actor_id, from_state, to_state, note, at"
                    + " from workorder_event where order_id = ? order by id")) {
      ps.setLong(1, order);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          lines.add(
              rs.getString(1)
                  + " "
                  + rs.getString(2)
                  + " "
                  + rs.getObject(3)
                  + " "
                  + rs.getString(4)
                  + ">"
                  + rs.getString(5)
                  + " "
                  + rs.getString(6)
                  + " "
                  + rs.getTimestamp(7).toInstant());
        }
      }
    }
    return lines;
  }

  @Test
  void eachPassedInstantIsMarkedOnceWithItsTimelineLine() throws Exception {
    long warned =
        insert(
                1,
                "new",
                times(NOW.minus(HOUR), NOW.plus(HOUR), NOW.plus(HOUR), NOW.plus(HOUR)),
                null)
            .get(0);
    long late =
        insert(
                1,
                "dispatched",
                times(NOW.minusSeconds(7200), NOW.minusSeconds(1), NOW.plus(HOUR), NOW.plus(HOUR)),
                null)
            .get(0);
    long onTime = insert(1, "new", FUTURE, null).get(0);
    long working =
        insert(
                1,
                "in_progress",
                times(NOW.minusSeconds(99000), NOW.minusSeconds(90000), NOW.minus(HOUR), NOW),
                null)
            .get(0);
    long cancelled =
        insert(1, "cancelled", times(NOW.minus(HOUR), NOW.minus(HOUR), null, null), null).get(0);

    SweepCounts first = sweeps.sweep();

    // due at NOW is not late yet (done by the due instant is on time), but its warning has passed
    assertThat(first.withoutTime()).isEqualTo(SweepCounts.of(2, 1, 1, 0, 0));
    assertThat(events(warned)).containsExactly("warn system null new>new response " + NOW);
    assertThat(events(late))
        .containsExactly(
            "warn system null dispatched>dispatched response " + NOW,
            "breach system null dispatched>dispatched response " + NOW);
    assertThat(events(working))
        .containsExactly("warn system null in_progress>in_progress resolution " + NOW);
    assertThat(events(onTime)).isEmpty();
    assertThat(events(cancelled)).isEmpty();
    assertThat(db.count("select count(*) from workorder where response_warned_at = '" + NOW + "'"))
        .isEqualTo(2);
    assertThat(db.count("select sum(version) from workorder")).isZero();

    assertThat(sweeps.sweep().withoutTime()).isEqualTo(SweepCounts.of(0, 0, 0, 0, 0));
    assertThat(db.count("select count(*) from workorder_event")).isEqualTo(4);

    clock.advance(Duration.ofSeconds(1));
    assertThat(sweeps.sweep().withoutTime()).isEqualTo(SweepCounts.of(0, 0, 0, 1, 0));
    assertThat(events(working))
        .endsWith("breach system null in_progress>in_progress resolution " + NOW.plusSeconds(1));
  }

  @Test
  void aBacklogLargerThanABatchIsMarkedWhole() throws Exception {
    int backlog = 2 * OrderSweeps.BATCH + 1;
    insert(
        backlog,
        "new",
        times(NOW.minus(HOUR), NOW.plus(HOUR), NOW.plus(HOUR), NOW.plus(HOUR)),
        null);
    insert(3, "new", FUTURE, null);

    assertThat(sweeps.sweep().responseWarned()).isEqualTo(backlog);
    assertThat(db.count("select count(*) from workorder_event where action = 'warn'"))
        .isEqualTo(backlog);
    assertThat(db.count("select count(distinct order_id) from workorder_event")).isEqualTo(backlog);
    assertThat(sweeps.sweep().responseWarned()).isZero();
  }

  @Test
  void aSmallBatchLoopsUntilNothingIsLeft() throws Exception {
    OrderSweeps small = new OrderSweeps(db.jdbc(), clock, c -> LifecyclePolicy.DEFAULT, 7);
    insert(
        20,
        "new",
        times(NOW.minus(HOUR), NOW.minusSeconds(60), NOW.plus(HOUR), NOW.plus(HOUR)),
        null);
    assertThat(small.sweep().withoutTime()).isEqualTo(SweepCounts.of(20, 20, 0, 0, 0));
    assertThat(db.count("select count(*) from workorder_event")).isEqualTo(40);
  }

  @Test
  void aPausedOrderIsNotWarnedWhileItsClockStandsStill() throws Exception {
    long paused =
        insert(
                1,
                "paused",
                times(NOW.minusSeconds(99000), NOW.minusSeconds(90000), null, null),
                null)
            .get(0);
    assertThat(sweeps.sweep().withoutTime()).isEqualTo(SweepCounts.of(0, 0, 0, 0, 0));
    assertThat(events(paused)).isEmpty();

    // resumed: the clock runs again with instants that have passed by the next sweep
    db.execute(
        "update workorder set state = 'in_progress', pause_reason = null, paused_since = null,"
            + " resolution_running_since = '"
            + NOW
            + "', resolution_warn_at = '"
            + NOW
            + "', resolution_due = '"
            + NOW.plus(HOUR)
            + "' where id = "
            + paused);
    assertThat(sweeps.sweep().withoutTime()).isEqualTo(SweepCounts.of(0, 0, 1, 0, 0));
  }

  @Test
  void anOrderAnotherTransactionHoldsIsMarkedAtTheNextRun() throws Exception {
    List<Long> ids =
        insert(
            3, "new", times(NOW.minus(HOUR), NOW.plus(HOUR), NOW.plus(HOUR), NOW.plus(HOUR)), null);
    try (Connection holder = db.connection()) {
      holder.setAutoCommit(false);
      try (Statement s = holder.createStatement()) {
        s.execute("select 1 from workorder where id = " + ids.get(1) + " for update");
      }
      assertThat(sweeps.sweep().responseWarned()).isEqualTo(2);
      assertThat(events(ids.get(1))).isEmpty();
      holder.rollback();
    }
    assertThat(sweeps.sweep().responseWarned()).isEqualTo(1);
    assertThat(events(ids.get(1))).hasSize(1);
  }

  @Test
  void doneOrdersAreConfirmedByTheSystemAfterTheTenantsDays() throws Exception {
    Instant past = NOW.minus(HOUR.multipliedBy(100));
    Times met = times(past, past, null, null);
    long overdue = insert(1, "done", met, NOW.minus(Duration.ofDays(3)).minusSeconds(1)).get(0);
    long exactly = insert(1, "done", met, NOW.minus(Duration.ofDays(3))).get(0);
    long recent = insert(1, "done", met, NOW.minus(Duration.ofDays(2))).get(0);

    assertThat(sweeps.sweep().autoConfirmed()).isEqualTo(2);
    assertThat(events(overdue)).containsExactly("confirm system null done>confirmed null " + NOW);
    assertThat(events(exactly)).hasSize(1);
    assertThat(events(recent)).isEmpty();
    assertThat(db.count("select version from workorder where id = " + overdue)).isEqualTo(1);
    assertThat(
            db.count(
                "select count(*) from workorder where state = 'confirmed' and done_at is not null"))
        .isEqualTo(2);

    assertThat(sweeps.sweep().autoConfirmed()).isZero();

    // the tenant shortens its period: the rule in force is read at each sweep
    db.execute("update workorder_settings set auto_confirm_days = 1");
    assertThat(sweeps.sweep().autoConfirmed()).isEqualTo(1);
    assertThat(events(recent)).containsExactly("confirm system null done>confirmed null " + NOW);
  }
}
