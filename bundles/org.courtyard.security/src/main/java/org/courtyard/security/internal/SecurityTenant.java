package org.courtyard.security.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TenantModule;
import org.courtyard.api.TenantPersistence;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.TextRules;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.Page;
import org.courtyard.devices.DeviceEvent;
import org.courtyard.driver.DeviceRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The security module of one tenant: its access log and its alarms. */
@Component(
    name = SecurityTenant.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    immediate = true,
    service = {TenantModule.class, SecurityTenant.class},
    property = CourtyardConstants.MODULE + "=" + SecurityModule.ID)
@Designate(ocd = SecurityTenant.Config.class, factory = true)
public final class SecurityTenant implements TenantModule {

  static final String PID = CourtyardConstants.MODULE_FACTORY_PID_PREFIX + SecurityModule.ID;

  @ObjectClassDefinition(id = PID, name = "Courtyard security module, per tenant")
  @interface Config {
    @AttributeDefinition(name = "Tenant")
    String tenant();
  }

  /** An access decision as the log shows it. */
  public record AccessView(
      long id,
      String deviceId,
      String door,
      String credentialKind,
      String credential,
      boolean granted,
      String reason,
      Instant at,
      String holder) {}

  /** An alarm and where it is in its life. */
  public record AlarmView(
      long id,
      String kind,
      String deviceId,
      String source,
      String detail,
      String status,
      Instant raisedAt,
      Instant acknowledgedAt,
      String acknowledgedBy,
      Instant resolvedAt,
      String resolvedBy,
      String note) {}

  private final TenantSlug tenant;
  private final Jdbc jdbc;
  private final Credentials credentials;
  private final Patrols patrols;
  private final Clock clock = Clock.systemUTC();

  @Activate
  public SecurityTenant(
      Config config, @Reference(name = "persistence") TenantPersistence persistence) {
    this.tenant = TenantSlug.of(config.tenant());
    this.jdbc = new Jdbc(persistence.dataSource(tenant));
    this.credentials = new Credentials(jdbc);
    this.patrols = new Patrols(jdbc);
    // one cheap query: a schema that is not there fails the enable, not the first event
    jdbc.read(c -> c.prepareStatement("SELECT 1 FROM alarm LIMIT 0").executeQuery().next());
  }

  Patrols patrols() {
    return patrols;
  }

  Credentials credentials() {
    return credentials;
  }

  Instant now() {
    return clock.instant();
  }

  @Override
  public TenantSlug tenant() {
    return tenant;
  }

  @Override
  public String moduleId() {
    return SecurityModule.ID;
  }

  /**
   * Stores what the tenant's devices reported: access decisions into the log; alarms raised (one
   * open alarm per device, kind and source) and, when a device says the condition ended, resolved.
   */
  void record(List<DeviceEvent> events) {
    jdbc.transaction(
        c -> {
          try (PreparedStatement access =
                  c.prepareStatement(
                      "INSERT INTO access_event (device_id, door, credential_kind, credential,"
                          + " granted, reason, at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
              PreparedStatement raise =
                  c.prepareStatement(
                      "INSERT INTO alarm (kind, device_id, source, detail, raised_at)"
                          + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (device_id, kind, source)"
                          + " WHERE status <> 'resolved' DO NOTHING");
              PreparedStatement clear =
                  c.prepareStatement(
                      "UPDATE alarm SET status = 'resolved', resolved_at = ?, resolved_by ="
                          + " 'device' WHERE device_id = ? AND kind = ? AND source = ? AND status"
                          + " <> 'resolved'")) {
            for (DeviceEvent e : events) {
              if (e.record() instanceof DeviceRecord.AccessEvent a) {
                access.setString(1, e.deviceId());
                access.setString(2, TextRules.clip(a.door(), 32));
                access.setString(3, a.credentialKind().name().toLowerCase(Locale.ROOT));
                access.setString(4, TextRules.clip(a.credential(), 64));
                access.setBoolean(5, a.granted());
                access.setString(6, a.reason() == null ? null : TextRules.clip(a.reason(), 200));
                access.setTimestamp(7, Timestamp.from(a.at()));
                access.setTimestamp(8, Timestamp.from(e.receivedAt()));
                access.addBatch();
                // a guard badging at a reader that is a patrol checkpoint checks in
                patrols.badged(c, e.deviceId() + ":" + a.door(), holder(c, a), a.at());
              } else if (e.record() instanceof DeviceRecord.Alarm a) {
                String kind = a.kind().name().toLowerCase(Locale.ROOT);
                if (a.active()) {
                  raise.setString(1, kind);
                  raise.setString(2, e.deviceId());
                  raise.setString(3, TextRules.clip(a.source(), 32));
                  raise.setString(4, a.detail() == null ? null : TextRules.clip(a.detail(), 200));
                  raise.setTimestamp(5, Timestamp.from(a.at()));
                  raise.executeUpdate();
                } else {
                  clear.setTimestamp(1, Timestamp.from(a.at()));
                  clear.setString(2, e.deviceId());
                  clear.setString(3, kind);
                  clear.setString(4, TextRules.clip(a.source(), 32));
                  clear.executeUpdate();
                }
              }
            }
            access.executeBatch();
          }
          return null;
        });
  }

  /**
   * Raises a {@code device_offline} alarm for each device heard from before but not within the
   * heartbeat timeout, and resolves it (by {@code device}) once the device is heard from again.
   */
  void checkOffline(List<org.courtyard.devices.DeviceStatus> statuses) {
    Instant now = clock.instant();
    jdbc.transaction(
        c -> {
          try (PreparedStatement raise =
                  c.prepareStatement(
                      "INSERT INTO alarm (kind, device_id, source, detail, raised_at)"
                          + " VALUES ('device_offline', ?, 'heartbeat', ?, ?) ON CONFLICT"
                          + " (device_id, kind, source) WHERE status <> 'resolved' DO NOTHING");
              PreparedStatement clear =
                  c.prepareStatement(
                      "UPDATE alarm SET status = 'resolved', resolved_at = ?, resolved_by ="
                          + " 'device' WHERE device_id = ? AND kind = 'device_offline' AND status"
                          + " <> 'resolved'")) {
            for (org.courtyard.devices.DeviceStatus s : statuses) {
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
   * The access-log line of a door opened from the guard room: granted, kind {@code remote}, the
   * command as credential and who and why in the reason, as the log lists it later.
   */
  AccessView openedRemotely(String deviceId, String door, String by, String why, long commandId) {
    Instant now = clock.instant();
    String reason = "opened remotely by " + by + (why == null || why.isBlank() ? "" : ": " + why);
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
                ps.setString(4, TextRules.clip(reason, 200));
                ps.setTimestamp(5, Timestamp.from(now));
                ps.setTimestamp(6, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  return rs.getLong(1);
                }
              }
            });
    return new AccessView(
        id, deviceId, door, "remote", credential, true, TextRules.clip(reason, 200), now, null);
  }

  /**
   * One page of the access log, newest first (by time, then id), after {@code after} (null: from
   * the newest); {@code deviceId} and {@code granted} keep some lines.
   */
  Page<AccessView> accessLog(String deviceId, Boolean granted, TimeCursor after, int limit) {
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
                for (int i = 0; i < params.size(); i++) {
                  ps.setObject(i + 1, params.get(i));
                }
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

  private static final String ALARM_COLUMNS =
      "id, kind, device_id, source, detail, status, raised_at, acknowledged_at, acknowledged_by,"
          + " resolved_at, resolved_by, note";

  /**
   * One page of alarms, newest raised first (then by id), after {@code after} (null: from the
   * newest); {@code status} keeps one state.
   */
  Page<AlarmView> alarms(String status, TimeCursor after, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + ALARM_COLUMNS + " FROM alarm WHERE true");
    List<Object> params = new ArrayList<>();
    if (status != null) {
      sql.append(" AND status = ?");
      params.add(status);
    }
    if (after != null) {
      sql.append(" AND (raised_at, id) < (?, ?)");
      params.add(Timestamp.from(after.at()));
      params.add(after.id());
    }
    sql.append(" ORDER BY raised_at DESC, id DESC LIMIT ").append(limit + 1);
    List<AlarmView> rows =
        jdbc.read(
            c -> {
              try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                  ps.setObject(i + 1, params.get(i));
                }
                List<AlarmView> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    out.add(alarm(rs));
                  }
                }
                return out;
              }
            });
    return Page.of(
        rows, limit, a -> new TimeCursor(a.raisedAt(), a.id()).encode(TimeCursor.Listing.ALARMS));
  }

  /**
   * Moves an alarm on: {@code acknowledged} from raised, {@code resolved} from raised or
   * acknowledged. Anything else is a 409 that says where the alarm is.
   */
  AlarmView advance(long id, String to, String by, String note) {
    Instant now = clock.instant();
    return jdbc.transaction(
        c -> {
          AlarmView current;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + ALARM_COLUMNS + " FROM alarm WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw ProblemException.notFound(
                    "alarm-not-found", "Alarm not found", "This tenant has no alarm " + id + ".");
              }
              current = alarm(rs);
            }
          }
          boolean allowed =
              to.equals("acknowledged")
                  ? current.status().equals("raised")
                  : !current.status().equals("resolved");
          if (!allowed) {
            throw ProblemException.conflict(
                "alarm-" + current.status(),
                "Alarm is " + current.status(),
                "Alarm " + id + " is " + current.status() + "; it cannot be " + to + ".");
          }
          String sql =
              to.equals("acknowledged")
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
              c.prepareStatement("SELECT " + ALARM_COLUMNS + " FROM alarm WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return alarm(rs);
            }
          }
        });
  }

  private static AlarmView alarm(ResultSet rs) throws SQLException {
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

  /** The holder of the credential a controller reported, or the credential itself. */
  private static String holder(java.sql.Connection c, DeviceRecord.AccessEvent a)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT holder FROM access_credential WHERE kind = ? AND credential = ?"
                + " ORDER BY (status = 'active') DESC, id DESC LIMIT 1")) {
      ps.setString(1, a.credentialKind().name().toLowerCase(Locale.ROOT));
      ps.setString(2, a.credential());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : a.credential();
      }
    }
  }
}
