package org.courtyard.security.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import org.courtyard.api.TenantSlug;
import org.courtyard.security.AlarmFeed;
import org.courtyard.security.RaisedAlarm;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link AlarmFeed} from the tenants' own security module instances. */
@Component(service = AlarmFeed.class)
public final class SecurityAlarmFeed implements AlarmFeed {

  /** How old an alarm's row is before it is handed out: longer than any ingest transaction. */
  static final String SETTLED = "clock_timestamp() - interval '5 seconds'";

  private static final String COLUMNS =
      "id, kind, device_id, source, detail, status, raised_at, acknowledged_at, acknowledged_by,"
          + " resolved_at, resolved_by";

  private final SecurityInstances tenants;

  @Activate
  public SecurityAlarmFeed(@Reference SecurityInstances tenants) {
    this.tenants = tenants;
  }

  @Override
  public boolean enabled(TenantSlug tenant) {
    return tenants.find(tenant) != null;
  }

  @Override
  public List<RaisedAlarm> after(TenantSlug tenant, long afterId, int limit) {
    return list(
        tenant,
        "SELECT "
            + COLUMNS
            + " FROM alarm WHERE id > ? AND (recorded_at IS NULL OR recorded_at < "
            + SETTLED
            + ") ORDER BY id LIMIT ?",
        (c, ps) -> {
          ps.setLong(1, afterId);
          ps.setInt(2, Math.max(1, Math.min(limit, 1000)));
        });
  }

  @Override
  public OptionalLong latest(TenantSlug tenant) {
    SecurityTenant t = tenants.find(tenant);
    if (t == null) {
      return OptionalLong.empty();
    }
    return t.jdbc()
        .read(
            c -> {
              try (PreparedStatement ps =
                      c.prepareStatement(
                          "SELECT MAX(id) FROM alarm WHERE recorded_at IS NULL OR recorded_at < "
                              + SETTLED);
                  ResultSet rs = ps.executeQuery()) {
                rs.next();
                long max = rs.getLong(1);
                return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(max);
              }
            });
  }

  @Override
  public List<RaisedAlarm> of(TenantSlug tenant, Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return list(
        tenant,
        "SELECT " + COLUMNS + " FROM alarm WHERE id = ANY(?) ORDER BY id",
        (c, ps) -> ps.setArray(1, c.createArrayOf("bigint", ids.toArray())));
  }

  /** Binds a statement's parameters. */
  @FunctionalInterface
  private interface Binder {
    void bind(Connection c, PreparedStatement ps) throws SQLException;
  }

  /** The alarms a query answers; none without a security module. */
  private List<RaisedAlarm> list(TenantSlug tenant, String sql, Binder binder) {
    SecurityTenant t = tenants.find(tenant);
    if (t == null) {
      return List.of();
    }
    return t.jdbc()
        .read(
            c -> {
              List<RaisedAlarm> out = new ArrayList<>();
              try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(c, ps);
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    out.add(read(rs));
                  }
                }
              }
              return out;
            });
  }

  private static RaisedAlarm read(ResultSet rs) throws SQLException {
    return new RaisedAlarm(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getTimestamp(7).toInstant(),
        instant(rs.getTimestamp(8)),
        rs.getString(9),
        instant(rs.getTimestamp(10)),
        rs.getString(11));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
