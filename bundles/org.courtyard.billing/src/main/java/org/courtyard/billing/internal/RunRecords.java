package org.courtyard.billing.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Problems;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.Page;
import org.courtyard.billing.internal.dto.RunView;

/**
 * The tenant's {@code billing_run} rows: a run posted (at most one queued or running per period, by
 * the partial unique index), read and listed, marked running, its progress, its end. {@link
 * BillingRuns} decides what a run bills; this class only keeps its record.
 */
final class RunRecords {

  private static final Texts TEXTS = Texts.of(BillingRuns.class);

  private final Jdbc jdbc;
  private final Clock clock;

  RunRecords(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Runs left {@code running} or {@code queued} by a container that stopped mid-run can never
   * finish; they are marked failed so that the period can be posted again, which completes the
   * missing rooms.
   */
  int failInterrupted() {
    return jdbc.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE billing_run SET status = 'failed', finished_at = ?, error = ?"
                      + " WHERE status IN ('queued', 'running')")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setString(
                2,
                "interrupted: the module stopped while the run was in progress;"
                    + " post the period again to complete it");
            return ps.executeUpdate();
          }
        });
  }

  /**
   * @throws ProblemException 409 {@code run-in-progress} naming the period and the run that holds
   *     it ({@code runId}), for the screen to follow that run instead
   */
  long insert(YearMonth period, DataScope scope, long total) {
    // the run holding the period may finish between the refusal and the look-up that names it:
    // the period is free again then, and the insert is tried once more
    for (int attempt = 1; ; attempt++) {
      Optional<Long> holder = insertOrHolder(period, scope, total);
      if (holder.isPresent() && holder.get() > 0) {
        return holder.get();
      }
      Optional<Long> active = activeRun(period);
      if (active.isPresent() || attempt == 3) {
        Map<String, Object> extensions = new java.util.LinkedHashMap<>();
        extensions.put("period", period.toString());
        active.ifPresent(runId -> extensions.put("runId", runId));
        throw TEXTS.problem(409, "run-in-progress", extensions, "run.in-progress", period);
      }
    }
  }

  /** The new run's id, or empty when another run holds the period. */
  private Optional<Long> insertOrHolder(YearMonth period, DataScope scope, long total) {
    try {
      return Optional.of(
          jdbc.transaction(
              c -> {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "INSERT INTO billing_run (period, status, rooms_total, posted_at,"
                            + " estate_ids, building_ids) VALUES (?, 'queued', ?, ?, ?, ?)"
                            + " RETURNING id")) {
                  ps.setString(1, period.toString());
                  ps.setInt(2, (int) Math.min(Integer.MAX_VALUE, total));
                  ps.setTimestamp(3, Timestamp.from(clock.instant()));
                  ps.setArray(
                      4, scope.isAll() ? null : c.createArrayOf("bigint", scope.estateArray()));
                  ps.setArray(
                      5, scope.isAll() ? null : c.createArrayOf("bigint", scope.buildingArray()));
                  try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                  }
                } catch (SQLException e) {
                  if (Jdbc.isUniqueViolation(e)) {
                    throw new RunTaken();
                  }
                  throw e;
                }
              }));
    } catch (RunTaken e) {
      // answered by the caller, outside the rolled-back transaction
      return Optional.empty();
    }
  }

  /** The period's queued or running run, if one still is. */
  private java.util.Optional<Long> activeRun(YearMonth period) {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id FROM billing_run WHERE period = ?"
                      + " AND status IN ('queued', 'running') ORDER BY id LIMIT 1")) {
            ps.setString(1, period.toString());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? java.util.Optional.of(rs.getLong(1)) : java.util.Optional.empty();
            }
          }
        });
  }

  /** The insert met another active run of the period; its transaction is rolled back. */
  private static final class RunTaken extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RunTaken() {
      super(null, null, false, false);
    }
  }

  RunView get(long id) {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(RUN_SELECT + " WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw Problems.notFound(TEXTS.text("label.billing-run"), id);
              }
              return run(rs);
            }
          }
        });
  }

  Page<RunView> list(long after, int limit) {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(RUN_SELECT + " WHERE id > ? ORDER BY id LIMIT ?")) {
            ps.setLong(1, after);
            ps.setInt(2, limit + 1);
            List<RunView> items = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                items.add(run(rs));
              }
            }
            String next = null;
            if (items.size() > limit) {
              items = items.subList(0, limit);
              next = Cursor.encode(items.get(limit - 1).id());
            }
            return new Page<>(items, next);
          }
        });
  }

  private static final String RUN_SELECT =
      "SELECT id, period, status, rooms_total, rooms_done,"
          + " bills_created, error, posted_at, started_at, finished_at, estate_ids, building_ids"
          + " FROM billing_run";

  private static RunView run(ResultSet rs) throws SQLException {
    Array estates = rs.getArray(11);
    Array buildings = rs.getArray(12);
    return new RunView(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getInt(4),
        rs.getInt(5),
        rs.getInt(6),
        rs.getString(7),
        Jdbc.instant(rs.getTimestamp(8)),
        Jdbc.instant(rs.getTimestamp(9)),
        Jdbc.instant(rs.getTimestamp(10)),
        estates == null ? null : new RunView.Scope(ids(estates), ids(buildings)));
  }

  private static List<Long> ids(Array array) throws SQLException {
    return Arrays.stream((Long[]) array.getArray()).sorted().toList();
  }

  boolean markRunning(long runId) {
    return jdbc.transaction(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "UPDATE billing_run SET status = 'running', started_at = ?"
                          + " WHERE id = ? AND status = 'queued'")) {
                ps.setTimestamp(1, Timestamp.from(clock.instant()));
                ps.setLong(2, runId);
                return ps.executeUpdate();
              }
            })
        == 1;
  }

  static void progress(Connection c, long runId, int rooms, int bills) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE billing_run SET rooms_done = rooms_done + ?, bills_created = bills_created + ?"
                + " WHERE id = ?")) {
      ps.setInt(1, rooms);
      ps.setInt(2, bills);
      ps.setLong(3, runId);
      ps.executeUpdate();
    }
  }

  void finish(long runId, String status, String error) {
    jdbc.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE billing_run SET status = ?, error = ?, finished_at = ?,"
                      + " rooms_total = GREATEST(rooms_total, rooms_done) WHERE id = ?")) {
            ps.setString(1, status);
            ps.setString(2, error);
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            ps.setLong(4, runId);
            return ps.executeUpdate();
          }
        });
  }
}
