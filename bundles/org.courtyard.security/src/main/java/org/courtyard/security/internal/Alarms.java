package org.courtyard.security.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.Page;
import org.courtyard.devices.DeviceStatus;
import org.courtyard.driver.DeviceRecord;
import org.courtyard.security.internal.dto.AlarmAction;
import org.courtyard.security.internal.dto.AlarmView;

/**
 * The alarms (报警) of one tenant: raised by its devices or by the device-offline check, moved on by
 * guards ({@link AlarmRules}), resolved by the device when the condition ends. Raising an alarm
 * that is open already adds nothing.
 */
final class Alarms {

  private static final Texts TEXTS = Texts.of(Alarms.class);

  private static final int SOURCE_MAX = 32;
  private static final int DETAIL_MAX = 200;
  private static final String COLUMNS =
      "id, kind, device_id, source, detail, status, raised_at, acknowledged_at, acknowledged_by,"
          + " resolved_at, resolved_by, note";
  private static final String DEVICE_OFFLINE = "device_offline";

  private final Jdbc jdbc;
  private final Clock clock;

  Alarms(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The alarms one batch of device reports raises and clears, on the caller's connection. */
  static final class Reports implements AutoCloseable {

    private final PreparedStatement raise;
    private final PreparedStatement clear;

    private Reports(Connection c) throws SQLException {
      this.raise =
          c.prepareStatement(
              "INSERT INTO alarm (kind, device_id, source, detail, raised_at)"
                  + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (device_id, kind, source)"
                  + " WHERE status <> 'resolved' DO NOTHING");
      try {
        this.clear =
            c.prepareStatement(
                "UPDATE alarm SET status = 'resolved', resolved_at = ?, resolved_by ="
                    + " 'device' WHERE device_id = ? AND kind = ? AND source = ? AND status"
                    + " <> 'resolved'");
      } catch (SQLException e) {
        raise.close();
        throw e;
      }
    }

    /** Raises the alarm a device reports active (unless open), resolves the one it reports over. */
    void report(String deviceId, DeviceRecord.Alarm a) throws SQLException {
      String kind = a.kind().name().toLowerCase(Locale.ROOT);
      if (a.active()) {
        raise.setString(1, kind);
        raise.setString(2, deviceId);
        raise.setString(3, TextRules.clip(a.source(), SOURCE_MAX));
        raise.setString(4, TextRules.clip(a.detail(), DETAIL_MAX));
        raise.setTimestamp(5, Timestamp.from(a.at()));
        raise.executeUpdate();
      } else {
        clear.setTimestamp(1, Timestamp.from(a.at()));
        clear.setString(2, deviceId);
        clear.setString(3, kind);
        clear.setString(4, TextRules.clip(a.source(), SOURCE_MAX));
        clear.executeUpdate();
      }
    }

    @Override
    public void close() throws SQLException {
      try {
        raise.close();
      } finally {
        clear.close();
      }
    }
  }

  Reports reports(Connection c) throws SQLException {
    return new Reports(c);
  }

  /**
   * Raises a {@code device_offline} alarm for each device heard from before but not within the
   * heartbeat timeout, and resolves it (by {@code device}) once the device is heard from again.
   */
  void checkOffline(List<DeviceStatus> statuses) {
    Instant now = clock.instant();
    jdbc.transaction(
        c -> {
          try (PreparedStatement raise =
                  c.prepareStatement(
                      "INSERT INTO alarm (kind, device_id, source, detail, raised_at)"
                          + " VALUES ('"
                          + DEVICE_OFFLINE
                          + "', ?, 'heartbeat', ?, ?) ON CONFLICT"
                          + " (device_id, kind, source) WHERE status <> 'resolved' DO NOTHING");
              PreparedStatement clear =
                  c.prepareStatement(
                      "UPDATE alarm SET status = 'resolved', resolved_at = ?, resolved_by ="
                          + " 'device' WHERE device_id = ? AND kind = '"
                          + DEVICE_OFFLINE
                          + "' AND status <> 'resolved'")) {
            for (DeviceStatus s : statuses) {
              if (s.lastSeenAt() == null) {
                continue; // never heard from: installed, not yet reporting
              }
              if (s.online()) {
                clear.setTimestamp(1, Timestamp.from(now));
                clear.setString(2, s.deviceId());
                clear.addBatch();
              } else {
                raise.setString(1, s.deviceId());
                raise.setString(2, "last heard from at " + s.lastSeenAt());
                raise.setTimestamp(3, Timestamp.from(now));
                raise.addBatch();
              }
            }
            raise.executeBatch();
            clear.executeBatch();
          }
          return null;
        });
  }

  /**
   * One page of alarms, newest raised first (then by id), after {@code after} (null: from the
   * newest); {@code status} keeps one state. Only the alarms of devices {@code scope} reaches.
   */
  Page<AlarmView> list(
      java.util.Set<String> statuses, TimeCursor after, int limit, DeviceScope scope) {
    if (scope.reachesNone()) {
      return new Page<>(List.of(), null);
    }
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM alarm WHERE true");
    List<Object> params = new ArrayList<>();
    if (!statuses.isEmpty()) {
      sql.append(" AND status = ANY(?)");
      params.add(statuses.toArray(String[]::new));
    }
    if (after != null) {
      sql.append(" AND (raised_at, id) < (?, ?)");
      params.add(Timestamp.from(after.at()));
      params.add(after.id());
    }
    if (!scope.isAll()) {
      sql.append(" AND device_id = ANY(?)");
      params.add(scope.idArray());
    }
    sql.append(" ORDER BY raised_at DESC, id DESC LIMIT ").append(limit + 1);
    List<AlarmView> rows =
        jdbc.read(
            c -> {
              try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                SqlParams.bind(c, ps, params);
                List<AlarmView> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    out.add(view(rs));
                  }
                }
                return out;
              }
            });
    return Page.of(
        rows, limit, a -> new TimeCursor(a.raisedAt(), a.id()).encode(TimeCursor.Listing.ALARMS));
  }

  /** The alarms not yet resolved: raised (nobody has taken charge) and acknowledged. */
  record Open(long raised, long acknowledged) {}

  /**
   * How many alarms of the devices {@code scope} reaches are open, by state: one count over the
   * {@code (status, raised_at, id)} index, which holds the open ones apart from the resolved
   * history however long it grows.
   */
  Open open(DeviceScope scope) {
    if (scope.reachesNone()) {
      return new Open(0, 0);
    }
    String sql =
        "SELECT COUNT(*) FILTER (WHERE status = 'raised'),"
            + " COUNT(*) FILTER (WHERE status = 'acknowledged') FROM alarm"
            + " WHERE status IN ('raised', 'acknowledged')"
            + (scope.isAll() ? "" : " AND device_id = ANY(?)");
    return jdbc.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (!scope.isAll()) {
              ps.setArray(1, c.createArrayOf("text", scope.idArray()));
            }
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return new Open(rs.getLong(1), rs.getLong(2));
            }
          }
        });
  }

  /**
   * Moves an alarm on ({@link AlarmRules#checkMove}): {@code acknowledged} or {@code resolved} by
   * the guard the action names, its note replacing the alarm's when given. An alarm of a device
   * {@code scope} does not reach is not found.
   *
   * @throws ProblemException 422 {@code validation-failed}, 404 {@code alarm-not-found}, 409 {@code
   *     alarm-<status>}
   */
  AlarmView move(long id, String to, AlarmAction action, DeviceScope scope) {
    AlarmAction checked = AlarmRules.check(action);
    String by = checked.by().strip();
    String note = checked.note();
    Instant now = clock.instant();
    return jdbc.transaction(
        c -> {
          AlarmView current;
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + COLUMNS + " FROM alarm WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw notFound(id);
              }
              current = view(rs);
            }
          }
          if (!scope.reaches(List.of(current.deviceId()))) {
            throw notFound(id);
          }
          AlarmRules.checkMove(id, current.status(), to);
          String sql =
              to.equals(AlarmRules.ACKNOWLEDGED)
                  ? "UPDATE alarm SET status = 'acknowledged', acknowledged_at = ?,"
                      + " acknowledged_by = ?, note = COALESCE(?, note) WHERE id = ?"
                  : "UPDATE alarm SET status = 'resolved', resolved_at = ?, resolved_by = ?,"
                      + " note = COALESCE(?, note) WHERE id = ?";
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, by);
            ps.setString(3, note);
            ps.setLong(4, id);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + COLUMNS + " FROM alarm WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return view(rs);
            }
          }
        });
  }

  private static ProblemException notFound(long id) {
    return TEXTS.problem(404, "alarm-not-found", "alarm.not-found", id);
  }

  private static AlarmView view(ResultSet rs) throws SQLException {
    return new AlarmView(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getTimestamp(7).toInstant(),
        Jdbc.instant(rs.getTimestamp(8)),
        rs.getString(9),
        Jdbc.instant(rs.getTimestamp(10)),
        rs.getString(11),
        rs.getString(12));
  }
}
