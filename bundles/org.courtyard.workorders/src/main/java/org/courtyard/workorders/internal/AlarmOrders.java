package org.courtyard.workorders.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.devices.DeviceDirectory;
import org.courtyard.devices.DevicePlace;
import org.courtyard.workorders.internal.alarms.AlarmPort;
import org.courtyard.workorders.internal.deadlines.Priority;
import org.courtyard.workorders.internal.dto.AlarmRuleView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders opened by device alarms (设备报警自动派单). The tenant's rules say which kind of alarm opens an
 * order in which category and at which priority; the sweep follows security's alarms from a cursor
 * and opens, for each alarm a rule covers, an order reported by the device, at the device's room
 * or, for a device of a building or an area, at that public place. Each alarm opens at most one
 * order (its request key is {@code alarm-<id>}), a device with an open order of the category opens
 * no second one, and the category's dispatch mode applies as for any order.
 */
final class AlarmOrders {

  private static final Logger LOG = LoggerFactory.getLogger(AlarmOrders.class);
  private static final Texts TEXTS = Texts.of(AlarmOrders.class);

  /** The alarm kinds security records, in the order the rules list them. */
  static final List<String> KINDS =
      List.of(
          "water_leak",
          "door_forced",
          "door_held_open",
          "smoke",
          "tamper",
          "low_battery",
          "sensor_fault",
          "device_offline");

  /** Alarms taken per intake at most. */
  static final int PAGE = 200;

  /** Whom the opened order's answer is for: nobody's actions are listed. */
  private static final Caller SYSTEM = new Caller(TenantPrincipal.Kind.API_KEY, Caller.COMPANY_KEY);

  private final Jdbc jdbc;
  private final Clock clock;
  private final ReentrantLock intake = new ReentrantLock();

  AlarmOrders(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Every alarm kind with its rule; a kind without one opens nothing. */
  List<AlarmRuleView> rules() {
    return jdbc.read(
        c -> {
          Map<String, AlarmRuleView> set = new HashMap<>();
          try (PreparedStatement ps = c.prepareStatement(RULES);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              AlarmRuleView r = rule(rs);
              set.put(r.kind(), r);
            }
          }
          List<AlarmRuleView> out = new ArrayList<>();
          for (String kind : KINDS) {
            out.add(set.getOrDefault(kind, new AlarmRuleView(kind, null, null, false, 0)));
          }
          return out;
        });
  }

  /**
   * Sets the rule of one alarm kind at the version read (0 for a kind without one).
   *
   * @throws ProblemException 404 for an unknown kind, 422 for an unknown, retired or non-repair
   *     category or priority, 409 {@code stale-version}
   */
  AlarmRuleView put(String kind, AlarmRuleView in) {
    if (!KINDS.contains(kind)) {
      throw TEXTS.problem(404, "not-found", "alarm-rule.kind", kind);
    }
    org.courtyard.api.FieldErrors errors = new org.courtyard.api.FieldErrors();
    if (in == null || in.categoryId() == null) {
      errors.add("categoryId", TEXTS.text("alarm-rule.category"));
    }
    String priority = in == null || in.priority() == null ? "urgent" : in.priority();
    if (!List.of("normal", "urgent", "emergency").contains(priority)) {
      errors.add("priority", TEXTS.text("alarm-rule.priority"));
    }
    errors.throwIfAny();
    return jdbc.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT kind, active FROM workorder_category WHERE id = ?")) {
            ps.setLong(1, in.categoryId());
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next() || !rs.getBoolean(2)) {
                throw TEXTS.problem(
                    422, "unknown-category", "alarm-rule.no-category", in.categoryId());
              }
              if (!"repair".equals(rs.getString(1))) {
                throw TEXTS.problem(
                    422, "validation-failed", "alarm-rule.not-repair", in.categoryId());
              }
            }
          }
          int version = in.version() == null ? 0 : in.version();
          boolean enabled = in.enabled() == null || in.enabled();
          int changed;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE workorder_alarm_rule SET category_id = ?, priority = ?, enabled = ?,"
                      + " version = version + 1, updated_at = ? WHERE kind = ? AND version = ?")) {
            ps.setLong(1, in.categoryId());
            ps.setString(2, priority);
            ps.setBoolean(3, enabled);
            ps.setTimestamp(4, Timestamp.from(clock.instant()));
            ps.setString(5, kind);
            ps.setInt(6, version);
            changed = ps.executeUpdate();
          }
          if (changed == 0 && version == 0) {
            // a kind without a rule yet
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO workorder_alarm_rule (kind, category_id, priority, enabled,"
                        + " version, updated_at) VALUES (?, ?, ?, ?, 1, ?)"
                        + " ON CONFLICT (kind) DO NOTHING")) {
              ps.setString(1, kind);
              ps.setLong(2, in.categoryId());
              ps.setString(3, priority);
              ps.setBoolean(4, enabled);
              ps.setTimestamp(5, Timestamp.from(clock.instant()));
              changed = ps.executeUpdate();
            }
          }
          if (changed == 0) {
            int current = rule(c, kind).map(AlarmRuleView::version).orElse(0);
            throw org.courtyard.api.Problems.staleVersion(
                TEXTS.text("label.alarm-rule"), kind, current, version);
          }
          return rule(c, kind).orElseThrow();
        });
  }

  /**
   * Opens the orders the alarms recorded since the last intake call for, one page at most. A second
   * intake running at once for the tenant takes nothing. The cursor moves past every alarm taken,
   * whether it opened an order or not (no rule, a device placed nowhere, an order of the device
   * already open, a retired category); an error that is not such an answer (the database away)
   * stops the page before that alarm, which the next intake takes again.
   *
   * @param opened told of each order opened, after it committed
   * @return the orders opened
   */
  int intake(
      TenantSlug tenant,
      AlarmPort feed,
      DeviceDirectory devices,
      Places places,
      Orders orders,
      Consumer<Orders.Created> opened) {
    if (feed == null || !feed.enabled(tenant) || !intake.tryLock()) {
      return 0;
    }
    try {
      Optional<Long> cursor = jdbc.read(AlarmOrders::cursor);
      if (cursor.isEmpty()) {
        // a first intake starts at the latest alarm: the past is not reopened as orders
        OptionalLong latest = feed.latest(tenant);
        move(latest.isPresent() ? latest.getAsLong() : 0L);
        return 0;
      }
      List<AlarmPort.Alarm> alarms = feed.after(tenant, cursor.get(), PAGE);
      if (alarms.isEmpty()) {
        return 0;
      }
      Map<String, AlarmRuleView> rules = new HashMap<>();
      for (AlarmRuleView r : rules()) {
        if (r.categoryId() != null && Boolean.TRUE.equals(r.enabled())) {
          rules.put(r.kind(), r);
        }
      }
      boolean covered = alarms.stream().anyMatch(a -> rules.containsKey(a.kind()));
      if (covered && devices == null) {
        // the devices module is away for a moment (a bundle update): these alarms wait for it,
        // rather than being passed over as devices placed nowhere
        LOG.info("Tenant {}: alarms wait for the devices module to place them", tenant);
        return 0;
      }
      Map<String, DevicePlace> where =
          !covered
              ? Map.of()
              : devices.places(
                  tenant,
                  alarms.stream()
                      .filter(a -> rules.containsKey(a.kind()))
                      .map(AlarmPort.Alarm::deviceId)
                      .distinct()
                      .toList());
      long done = cursor.get();
      int count = 0;
      try {
        for (AlarmPort.Alarm a : alarms) {
          AlarmRuleView rule = rules.get(a.kind());
          if (rule != null
              && open(tenant, a, rule, where.get(a.deviceId()), places, orders, opened)) {
            count++;
          }
          done = a.id();
        }
      } catch (RuntimeException e) {
        LOG.warn("Tenant {}: alarm intake stopped before alarm {}", tenant, done + 1, e);
      }
      move(done);
      return count;
    } finally {
      intake.unlock();
    }
  }

  /** Orders whose alarm is followed per intake at most: the oldest first. */
  static final int FOLLOWED = 500;

  /**
   * Notes on each order an alarm opened what became of the alarm since (a guard acknowledged it, it
   * was resolved by a person or cleared by the device), once per change, as a timeline entry by the
   * system; an order closed or cancelled is no longer followed.
   *
   * @return the entries written
   */
  int follow(TenantSlug tenant, AlarmPort feed) {
    if (feed == null || !feed.enabled(tenant)) {
      return 0;
    }
    Map<Long, Object[]> followed =
        jdbc.read(
            c -> {
              Map<Long, Object[]> out = new LinkedHashMap<>();
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT alarm_id, id, alarm_status, state FROM workorder"
                          + " WHERE alarm_id IS NOT NULL AND alarm_status <> 'resolved'"
                          + " AND state NOT IN ('closed', 'cancelled') ORDER BY alarm_id LIMIT "
                          + FOLLOWED)) {
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    out.put(
                        rs.getLong(1),
                        new Object[] {rs.getLong(2), rs.getString(3), rs.getString(4)});
                  }
                }
              }
              return out;
            });
    if (followed.isEmpty()) {
      return 0;
    }
    int noted = 0;
    for (AlarmPort.Alarm a : feed.of(tenant, followed.keySet())) {
      Object[] o = followed.get(a.id());
      if (o == null || a.status().equals(o[1])) {
        continue;
      }
      String note =
          "resolved".equals(a.status())
              ? "报警已解除 alarm resolved by " + who(a.resolvedBy())
              : "报警已确认 alarm acknowledged by " + who(a.acknowledgedBy());
      boolean changed =
          jdbc.transaction(
              c -> {
                String state;
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "UPDATE workorder SET alarm_status = ? WHERE id = ? AND alarm_status = ?"
                            + " RETURNING state")) {
                  ps.setString(1, a.status());
                  ps.setLong(2, (Long) o[0]);
                  ps.setString(3, (String) o[1]);
                  try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                      return false; // another intake noted it first
                    }
                    state = rs.getString(1);
                  }
                }
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "INSERT INTO workorder_event (order_id, at, actor_kind, actor_id, action,"
                            + " from_state, to_state, note) VALUES (?, ?, 'system', NULL, 'alarm',"
                            + " ?, ?, ?)")) {
                  ps.setLong(1, (Long) o[0]);
                  ps.setTimestamp(2, Timestamp.from(clock.instant()));
                  ps.setString(3, state);
                  ps.setString(4, state);
                  ps.setString(5, clip(note, 500));
                  ps.executeUpdate();
                }
                return true;
              });
      if (changed) {
        noted++;
      }
    }
    return noted;
  }

  private static String who(String by) {
    return by == null || by.isBlank() ? "—" : "device".equals(by) ? "设备 the device" : by;
  }

  /** Opens the order of one alarm; false when it opens none, and why in the log. */
  private boolean open(
      TenantSlug tenant,
      AlarmPort.Alarm a,
      AlarmRuleView rule,
      DevicePlace device,
      Places places,
      Orders orders,
      Consumer<Orders.Created> opened) {
    if (device == null || device.estateId() == null) {
      LOG.info(
          "Tenant {}: alarm {} ({}) of device {} opens no order: the device is placed in no estate",
          tenant,
          a.id(),
          a.kind(),
          a.deviceId());
      return false;
    }
    Optional<Places.Place> place =
        device.roomId() != null
            ? places.room(device.roomId())
            : places.area(device.estateId(), device.buildingId());
    if (place.isEmpty()) {
      LOG.info(
          "Tenant {}: alarm {} opens no order: device {}'s place is gone",
          tenant,
          a.id(),
          a.deviceId());
      return false;
    }
    if (jdbc.read(c -> openOrder(c, a.deviceId(), rule.categoryId()))) {
      LOG.info(
          "Tenant {}: alarm {} ({}) of device {} opens no order: one is open for it",
          tenant,
          a.id(),
          a.kind(),
          a.deviceId());
      return false;
    }
    String where =
        device.roomId() != null ? null : clip(device.name() + " · " + device.locationRef(), 200);
    OrderRules.Checked in =
        new OrderRules.Checked(
            rule.categoryId(),
            Priority.ofCode(rule.priority()),
            description(a, device),
            device.roomId(),
            device.estateId(),
            device.buildingId(),
            where,
            "device_alarm",
            null,
            null,
            null);
    Orders.Created created;
    try {
      created =
          orders.create(
              in,
              place.get(),
              Orders.Reporter.alarm(a.deviceId(), a.id(), "alarm " + a.id() + " " + a.kind()),
              SYSTEM,
              "alarm-" + a.id(),
              x -> false);
    } catch (ProblemException refused) {
      // the rule's category retired since: the alarm is still security's to handle
      LOG.info("Tenant {}: alarm {} opens no order: {}", tenant, a.id(), refused.detail());
      return false;
    }
    if (created.replayed()) {
      return false;
    }
    opened.accept(created);
    return true;
  }

  /** What the order says: the alarm in both languages, the device, the driver's detail. */
  static String description(AlarmPort.Alarm a, DevicePlace device) {
    String[] label = LABELS.getOrDefault(a.kind(), new String[] {a.kind(), a.kind()});
    StringBuilder b =
        new StringBuilder()
            .append(label[0])
            .append(" ")
            .append(label[1])
            .append(": ")
            .append(device.name())
            .append(" (")
            .append(a.deviceId());
    if (a.source() != null && !a.source().isBlank()) {
      b.append(" · ").append(a.source());
    }
    b.append(")");
    if (a.detail() != null && !a.detail().isBlank()) {
      b.append(" — ").append(a.detail().strip());
    }
    b.append(" [报警 alarm #").append(a.id()).append("]");
    return clip(b.toString(), 2000);
  }

  private static final Map<String, String[]> LABELS = new LinkedHashMap<>();

  static {
    LABELS.put("water_leak", new String[] {"漏水报警", "Water leak"});
    LABELS.put("door_forced", new String[] {"门被强行打开", "Door forced"});
    LABELS.put("door_held_open", new String[] {"门长时间未关", "Door held open"});
    LABELS.put("smoke", new String[] {"烟感报警", "Smoke"});
    LABELS.put("tamper", new String[] {"设备被拆动", "Tamper"});
    LABELS.put("low_battery", new String[] {"电池电量低", "Low battery"});
    LABELS.put("sensor_fault", new String[] {"传感器故障", "Sensor fault"});
    LABELS.put("device_offline", new String[] {"设备离线", "Device offline"});
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  private static boolean openOrder(Connection c, String deviceId, long categoryId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM workorder WHERE reporter_device_id = ? AND category_id = ?"
                + " AND state NOT IN ('done', 'confirmed', 'closed', 'cancelled') LIMIT 1")) {
      ps.setString(1, deviceId);
      ps.setLong(2, categoryId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static Optional<Long> cursor(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT last_alarm_id FROM workorder_alarm_cursor WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
    }
  }

  private void move(long to) {
    jdbc.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO workorder_alarm_cursor (id, last_alarm_id, updated_at)"
                      + " VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET last_alarm_id ="
                      + " GREATEST(workorder_alarm_cursor.last_alarm_id, EXCLUDED.last_alarm_id),"
                      + " updated_at = EXCLUDED.updated_at")) {
            ps.setLong(1, to);
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.executeUpdate();
          }
          return null;
        });
  }

  private static final String RULES =
      "SELECT kind, category_id, priority, enabled, version FROM workorder_alarm_rule";

  private static Optional<AlarmRuleView> rule(Connection c, String kind) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(RULES + " WHERE kind = ?")) {
      ps.setString(1, kind);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rule(rs)) : Optional.empty();
      }
    }
  }

  private static AlarmRuleView rule(ResultSet rs) throws SQLException {
    return new AlarmRuleView(
        rs.getString(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4), rs.getInt(5));
  }
}
