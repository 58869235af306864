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
import org.courtyard.api.TextRules;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.Page;
import org.courtyard.driver.DeviceRecord;
import org.courtyard.security.internal.dto.AccessView;

/**
 * The access log (门禁记录) of one tenant: every decision its door and gate controllers reported,
 * granted or not, and the doors opened from the guard room. Values a device reports are cut to
 * their columns' sizes rather than refused: the log keeps what happened.
 */
final class AccessLog {

  private static final int DOOR_MAX = 32;
  private static final int CREDENTIAL_MAX = 64;
  private static final int REASON_MAX = 200;
  private static final String INSERT =
      "INSERT INTO access_event (device_id, door, credential_kind, credential, granted, reason, at,"
          + " received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  private final Jdbc jdbc;
  private final Clock clock;

  AccessLog(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The lines of one batch of device reports, written on the caller's connection. */
  static final class Lines implements AutoCloseable {

    private final PreparedStatement insert;

    private Lines(Connection c) throws SQLException {
      this.insert = c.prepareStatement(INSERT);
    }

    void add(String deviceId, DeviceRecord.AccessEvent a, Instant receivedAt) throws SQLException {
      insert.setString(1, deviceId);
      insert.setString(2, TextRules.clip(a.door(), DOOR_MAX));
      insert.setString(3, a.credentialKind().name().toLowerCase(Locale.ROOT));
      insert.setString(4, TextRules.clip(a.credential(), CREDENTIAL_MAX));
      insert.setBoolean(5, a.granted());
      insert.setString(6, TextRules.clip(a.reason(), REASON_MAX));
      insert.setTimestamp(7, Timestamp.from(a.at()));
      insert.setTimestamp(8, Timestamp.from(receivedAt));
      insert.addBatch();
    }

    /** Writes the lines added so far. */
    void flush() throws SQLException {
      insert.executeBatch();
    }

    @Override
    public void close() throws SQLException {
      insert.close();
    }
  }

  Lines lines(Connection c) throws SQLException {
    return new Lines(c);
  }

  /**
   * The line of a door opened from the guard room: granted, kind {@code remote}, the command as
   * credential and who and why in the reason, as the log lists it later.
   */
  AccessView openedRemotely(String deviceId, String door, String by, String why, long commandId) {
    Instant now = clock.instant();
    String reason = TextRules.clip(AccessRules.remoteReason(by, why), REASON_MAX);
    String credential = "command-" + commandId;
    long id =
        jdbc.transaction(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO access_event (device_id, door, credential_kind, credential,"
                          + " granted, reason, at, received_at) VALUES (?, ?, 'remote', ?, true,"
                          + " ?, ?, ?) RETURNING id")) {
                ps.setString(1, deviceId);
                ps.setString(2, door);
                ps.setString(3, credential);
                ps.setString(4, reason);
                ps.setTimestamp(5, Timestamp.from(now));
                ps.setTimestamp(6, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  return rs.getLong(1);
                }
              }
            });
    return new AccessView(id, deviceId, door, "remote", credential, true, reason, now, null);
  }

  /**
   * One page of the log, newest first (by time, then id), after {@code after} (null: from the
   * newest); {@code deviceId} and {@code granted} keep some lines, and only the lines of devices
   * {@code scope} reaches are listed. Each line names the holder of the credential when the tenant
   * issued it.
   */
  Page<AccessView> list(
      String deviceId, Boolean granted, TimeCursor after, int limit, DeviceScope scope) {
    if (scope.reachesNone()) {
      return new Page<>(List.of(), null);
    }
    StringBuilder sql =
        new StringBuilder(
            "SELECT e.id, e.device_id, e.door, e.credential_kind, e.credential, e.granted,"
                + " e.reason, e.at, h.holder FROM access_event e LEFT JOIN LATERAL (SELECT"
                + " c.holder FROM access_credential c WHERE c.kind = e.credential_kind AND"
                + " c.credential = e.credential ORDER BY (c.status = 'active') DESC, c.id DESC"
                + " LIMIT 1) h ON true WHERE true");
    List<Object> params = new ArrayList<>();
    if (deviceId != null) {
      sql.append(" AND e.device_id = ?");
      params.add(deviceId);
    }
    if (granted != null) {
      sql.append(" AND e.granted = ?");
      params.add(granted);
    }
    if (!scope.isAll()) {
      sql.append(" AND e.device_id = ANY(?)");
      params.add(scope.idArray());
    }
    if (after != null) {
      sql.append(" AND (e.at, e.id) < (?, ?)");
      params.add(Timestamp.from(after.at()));
      params.add(after.id());
    }
    sql.append(" ORDER BY e.at DESC, e.id DESC LIMIT ").append(limit + 1);
    List<AccessView> rows =
        jdbc.read(
            c -> {
              try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                SqlParams.bind(c, ps, params);
                List<AccessView> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    out.add(
                        new AccessView(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getBoolean(6),
                            rs.getString(7),
                            rs.getTimestamp(8).toInstant(),
                            rs.getString(9)));
                  }
                }
                return out;
              }
            });
    return Page.of(
        rows, limit, e -> new TimeCursor(e.at(), e.id()).encode(TimeCursor.Listing.ACCESS_EVENTS));
  }
}
