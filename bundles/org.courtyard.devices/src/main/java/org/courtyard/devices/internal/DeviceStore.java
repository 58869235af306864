package org.courtyard.devices.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.DataScope;
import org.courtyard.devices.internal.dto.CommandView;
import org.courtyard.devices.internal.dto.DeviceRecordView;
import org.courtyard.devices.platform.DecodedMessage;
import org.courtyard.devices.platform.RefusedMessage;
import org.courtyard.devices.platform.RegisteredDevice;
import org.courtyard.devices.platform.StoredBatch;
import org.courtyard.driver.DeviceRecord;

/** The tenant's device tables, in plain JDBC: the registry, the ingest batches, the commands. */
final class DeviceStore {

  private static final Texts TEXTS = Texts.of(DeviceStore.class);

  /** A device row. */
  record Row(
      String id,
      String type,
      String driver,
      String name,
      String locationKind,
      String locationRef,
      Long roomId,
      Map<String, String> settings,
      String secretHash,
      String status,
      Instant createdAt,
      Instant revokedAt,
      Instant lastSeenAt,
      Long lastSequence,
      long messages,
      long duplicates,
      long rejected,
      String lastRefusal,
      Instant lastRefusedAt,
      Long estateId,
      Long buildingId) {

    DevicePlaces.Place place() {
      return new DevicePlaces.Place(estateId, buildingId);
    }
  }

  /** A device whose place was not stored when it was registered, for the backfill. */
  record Unplaced(String id, String locationKind, String locationRef, Long roomId) {}

  private static final String COLUMNS =
      "id, type, driver, name, location_kind, location_ref, room_id, settings::text, secret_hash,"
          + " status, created_at, revoked_at, last_seen_at, last_sequence, messages, duplicates,"
          + " rejected, last_refusal, last_refused_at, estate_id, building_id";
  private static final TypeReference<Map<String, String>> SETTINGS = new TypeReference<>() {};

  private final TenantSlug tenant;
  private final Jdbc jdbc;

  DeviceStore(TenantSlug tenant, Jdbc jdbc) {
    this.tenant = tenant;
    this.jdbc = jdbc;
  }

  /** Devices registered (revoked ones too) and when the last message was stored, for operators. */
  Map<String, Object> statistics() {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT count(*), max(last_seen_at) FROM device");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("devices", rs.getLong(1));
            m.put("lastIngestAt", Jdbc.instant(rs.getTimestamp(2)));
            return m;
          }
        });
  }

  /** Active devices placed in any of these rooms (revoked ones are history). */
  long activeInRooms(Collection<Long> roomIds) {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT count(*) FROM device WHERE room_id = ANY(?) AND status = 'active'")) {
            ps.setArray(1, Jdbc.bigints(c, roomIds));
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  /** Inserts a device; false if the id is taken. */
  boolean insert(Row r, Instant now) {
    return jdbc.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO device (id, type, driver, name, location_kind, location_ref,"
                      + " room_id, settings, secret_hash, created_at, estate_id, building_id)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)"
                      + " ON CONFLICT (id) DO NOTHING")) {
            ps.setString(1, r.id());
            ps.setString(2, r.type());
            ps.setString(3, r.driver());
            ps.setString(4, r.name());
            ps.setString(5, r.locationKind());
            ps.setString(6, r.locationRef());
            Jdbc.setLong(ps, 7, r.roomId());
            ps.setString(8, json(r.settings()));
            ps.setString(9, r.secretHash());
            ps.setTimestamp(10, Timestamp.from(now));
            Jdbc.setLong(ps, 11, r.estateId());
            Jdbc.setLong(ps, 12, r.buildingId());
            return ps.executeUpdate() == 1;
          }
        });
  }

  /** Deletes a device that was just inserted and never used (its broker account failed). */
  void delete(String id) {
    jdbc.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM device WHERE id = ? AND messages = 0 AND last_seen_at IS NULL")) {
            ps.setString(1, id);
            return ps.executeUpdate();
          }
        });
  }

  Row get(String id) {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + COLUMNS + " FROM device WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? row(rs) : null;
            }
          }
        });
  }

  /**
   * Devices after {@code afterId} in id order, optionally of one type or status, within {@code
   * scope} (no predicate at all for the whole company's).
   */
  List<Row> list(String type, String status, String afterId, int limit, DataScope scope) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM device WHERE id > ?");
    List<String> params = new ArrayList<>(List.of(afterId == null ? "" : afterId));
    if (type != null) {
      sql.append(" AND type = ?");
      params.add(type);
    }
    if (status != null) {
      sql.append(" AND status = ?");
      params.add(status);
    }
    if (!scope.isAll()) {
      sql.append(" AND ").append(WITHIN);
    }
    sql.append(" ORDER BY id LIMIT ").append(limit);
    return jdbc.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 0;
            for (; i < params.size(); i++) {
              ps.setString(i + 1, params.get(i));
            }
            if (!scope.isAll()) {
              bindWithin(c, ps, i + 1, scope);
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(row(rs));
              }
            }
            return rows;
          }
        });
  }

  /** A device within a narrow scope: its estate granted whole, or its building. */
  private static final String WITHIN = "(estate_id = ANY(?) OR building_id = ANY(?))";

  private static void bindWithin(Connection c, PreparedStatement ps, int index, DataScope scope)
      throws SQLException {
    ps.setArray(index, Jdbc.bigints(c, scope.estates()));
    ps.setArray(index + 1, Jdbc.bigints(c, scope.buildings()));
  }

  /** The ids of the devices, revoked ones too, within {@code scope}. */
  List<String> idsWithin(DataScope scope) {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id FROM device"
                      + (scope.isAll() ? "" : " WHERE " + WITHIN)
                      + " ORDER BY id")) {
            if (!scope.isAll()) {
              bindWithin(c, ps, 1, scope);
            }
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getString(1));
              }
            }
            return ids;
          }
        });
  }

  /** Those of {@code ids} that are devices within {@code scope}. */
  Set<String> within(DataScope scope, Collection<String> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, estate_id, building_id FROM device WHERE id = ANY(?)")) {
            ps.setArray(1, Jdbc.texts(c, ids));
            Set<String> found = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                if (scope.covers(Jdbc.getLong(rs, "estate_id"), Jdbc.getLong(rs, "building_id"))) {
                  found.add(rs.getString(1));
                }
              }
            }
            return found;
          }
        });
  }

  /** Where each of {@code ids} that is a device is, by id. */
  Map<String, org.courtyard.devices.DevicePlace> places(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, name, type, location_kind, location_ref, room_id, estate_id,"
                      + " building_id FROM device WHERE id = ANY(?)")) {
            ps.setArray(1, Jdbc.texts(c, ids));
            Map<String, org.courtyard.devices.DevicePlace> found = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                found.put(
                    rs.getString(1),
                    new org.courtyard.devices.DevicePlace(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        Jdbc.getLong(rs, "room_id"),
                        Jdbc.getLong(rs, "estate_id"),
                        Jdbc.getLong(rs, "building_id")));
              }
            }
            return found;
          }
        });
  }

  /** Devices of a room or building whose estate and building are not stored yet. */
  List<Unplaced> unplaced() {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, location_kind, location_ref, room_id FROM device"
                      + " WHERE estate_id IS NULL AND location_kind IN ('room', 'building')"
                      + " ORDER BY id")) {
            List<Unplaced> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new Unplaced(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        Jdbc.getLong(rs, "room_id")));
              }
            }
            return out;
          }
        });
  }

  /** Stores the places found for devices that had none; a device placed meanwhile keeps its own. */
  int place(Map<String, DevicePlaces.Place> places) {
    if (places.isEmpty()) {
      return 0;
    }
    List<String> ids = new ArrayList<>();
    List<Long> estates = new ArrayList<>();
    List<Long> buildings = new ArrayList<>();
    places.forEach(
        (id, p) -> {
          ids.add(id);
          estates.add(p.estateId());
          buildings.add(p.buildingId());
        });
    return jdbc.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE device d SET estate_id = u.estate_id, building_id = u.building_id"
                      + " FROM unnest(?::text[], ?::bigint[], ?::bigint[])"
                      + " AS u(id, estate_id, building_id)"
                      + " WHERE d.id = u.id AND d.estate_id IS NULL")) {
            ps.setArray(1, Jdbc.texts(c, ids));
            ps.setArray(2, Jdbc.bigints(c, estates));
            ps.setArray(3, Jdbc.bigints(c, buildings));
            return ps.executeUpdate();
          }
        });
  }

  /** An active device as far as its state needs: its driver and when it was last heard from. */
  record Presence(String id, String driver, Instant lastSeenAt) {}

  /**
   * The active devices within {@code scope}, three columns each, for the Today screen's counts: one
   * query, over the {@code (estate_id, id)} and {@code (building_id, id)} indexes for a narrow
   * scope. Whether a device is faulty is the runtime's (its driver and quarantines live in memory),
   * so the rows come here to be judged, not counted in SQL.
   */
  List<Presence> presence(DataScope scope) {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, driver, last_seen_at FROM device WHERE status = 'active'"
                      + (scope.isAll() ? "" : " AND " + WITHIN))) {
            if (!scope.isAll()) {
              bindWithin(c, ps, 1, scope);
            }
            List<Presence> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(
                    new Presence(
                        rs.getString(1), rs.getString(2), Jdbc.instant(rs.getTimestamp(3))));
              }
            }
            return rows;
          }
        });
  }

  /** Every active device, for the registry. */
  List<Row> active() {
    List<Row> all = new ArrayList<>();
    String after = "";
    while (true) {
      List<Row> page = list(null, "active", after, 1000, DataScope.ALL);
      all.addAll(page);
      if (page.size() < 1000) {
        return all;
      }
      after = page.get(page.size() - 1).id();
    }
  }

  /** Marks a device revoked; false if it was not active. */
  boolean revoke(String id, Instant now) {
    return jdbc.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE device SET status = 'revoked', revoked_at = ? WHERE id = ? AND status ="
                      + " 'active'")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, id);
            return ps.executeUpdate() == 1;
          }
        });
  }

  /** Replaces an active device's password hash; false if it is not active. */
  boolean replaceSecret(String id, String secretHash) {
    return jdbc.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE device SET secret_hash = ? WHERE id = ? AND status = 'active'")) {
            ps.setString(1, secretHash);
            ps.setString(2, id);
            return ps.executeUpdate() == 1;
          }
        });
  }

  /**
   * Stores a batch in one transaction: a message row per accepted message unless its (device,
   * sequence) is stored already, the GOOD records of the new ones, the answers to commands, the
   * refused messages with their reasons, and each device's counters and last-seen time.
   */
  StoredBatch store(List<DecodedMessage> batch, List<RefusedMessage> refusals) {
    return jdbc.transaction(
        c -> {
          Set<String> fresh = batch.isEmpty() ? Set.of() : insertMessages(c, batch);
          List<DecodedMessage> stored = new ArrayList<>();
          Map<String, long[]> perDevice = new LinkedHashMap<>();
          for (DecodedMessage a : batch) {
            long[] counters = perDevice.computeIfAbsent(a.device().id(), k -> new long[4]);
            // messages, duplicates, last seen (epoch ms), last sequence
            counters[2] = Math.max(counters[2], a.receivedAt().toEpochMilli());
            if (fresh.remove(a.device().id() + "\u0000" + a.seq())) {
              stored.add(a);
              counters[0]++;
              counters[3] = Math.max(counters[3], a.seq());
            } else {
              counters[1]++;
            }
          }
          answerCommands(c, stored);
          Map<String, RefusedMessage> lastRefusal = insertRefusals(c, refusals);
          updateDevices(c, perDevice, refusals, lastRefusal);
          return new StoredBatch(stored, batch.size() - stored.size());
        });
  }

  /** Refusals kept per device; older ones are deleted when new ones arrive. */
  static final int REFUSALS_KEPT = 100;

  private static Map<String, RefusedMessage> insertRefusals(
      Connection c, List<RefusedMessage> refusals) throws SQLException {
    Map<String, RefusedMessage> last = new LinkedHashMap<>();
    if (refusals.isEmpty()) {
      return last;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO device_refusal (device_id, received_at, reason, payload, payload_bytes)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      for (RefusedMessage r : refusals) {
        byte[] p = r.payload() == null ? new byte[0] : r.payload();
        ps.setString(1, r.device().id());
        ps.setTimestamp(2, Timestamp.from(r.receivedAt()));
        ps.setString(3, r.reason());
        ps.setBytes(
            4,
            p.length > RefusedMessage.KEPT_BYTES
                ? java.util.Arrays.copyOf(p, RefusedMessage.KEPT_BYTES)
                : p);
        ps.setInt(5, p.length);
        ps.addBatch();
        last.put(r.device().id(), r);
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM device_refusal r USING (SELECT id FROM (SELECT id, row_number() OVER"
                + " (PARTITION BY device_id ORDER BY id DESC) AS n FROM device_refusal"
                + " WHERE device_id = ANY (?)) k WHERE k.n > "
                + REFUSALS_KEPT
                + ") old WHERE r.id = old.id")) {
      ps.setArray(1, Jdbc.texts(c, last.keySet()));
      ps.executeUpdate();
    }
    return last;
  }

  /** The device's latest refused messages, newest first. */
  List<Map<String, Object>> refusals(String deviceId, int limit) {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, received_at, reason, payload, payload_bytes FROM device_refusal"
                      + " WHERE device_id = ? ORDER BY id DESC LIMIT "
                      + limit)) {
            ps.setString(1, deviceId);
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", rs.getLong(1));
                m.put("receivedAt", Jdbc.instant(rs.getTimestamp(2)));
                m.put("reason", rs.getString(3));
                m.put(
                    "payloadBase64", java.util.Base64.getEncoder().encodeToString(rs.getBytes(4)));
                m.put("payloadBytes", rs.getInt(5));
                out.add(m);
              }
            }
            return out;
          }
        });
  }

  private static Set<String> insertMessages(Connection c, List<DecodedMessage> batch)
      throws SQLException {
    List<String> devices = new ArrayList<>();
    List<Long> seqs = new ArrayList<>();
    List<String> times = new ArrayList<>();
    List<Integer> items = new ArrayList<>();
    List<Integer> bad = new ArrayList<>();
    List<String> records = new ArrayList<>();
    for (DecodedMessage a : batch) {
      devices.add(a.device().id());
      seqs.add(a.seq());
      times.add(a.receivedAt().toString());
      items.add(a.result().items().size());
      bad.add((int) a.result().items().stream().filter(d -> !d.isGood()).count());
      records.add(RecordJson.records(a.result().items()));
    }
    Set<String> fresh = new HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO device_message (device_id, seq, received_at, items, bad_items, records)"
                + " SELECT * FROM unnest(?::text[], ?::bigint[], ?::text[]::timestamptz[],"
                + " ?::int[]::smallint[], ?::int[]::smallint[], ?::text[]::jsonb[])"
                + " ON CONFLICT (device_id, seq) DO NOTHING RETURNING device_id, seq")) {
      ps.setArray(1, Jdbc.texts(c, devices));
      ps.setArray(2, Jdbc.bigints(c, seqs));
      ps.setArray(3, Jdbc.texts(c, times));
      ps.setArray(4, Jdbc.ints(c, items));
      ps.setArray(5, Jdbc.ints(c, bad));
      ps.setArray(6, Jdbc.texts(c, records));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          fresh.add(rs.getString(1) + "\u0000" + rs.getLong(2));
        }
      }
    }
    return fresh;
  }

  private static void answerCommands(Connection c, List<DecodedMessage> stored)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE device_command SET status = ?, detail = ?, answered_at = ?"
                + " WHERE device_id = ? AND id & 4294967295 = ? AND status = 'sent'")) {
      boolean any = false;
      for (DecodedMessage a : stored) {
        for (var d : a.result().items()) {
          if (d.isGood() && d.record() instanceof DeviceRecord.CommandAck ack) {
            ps.setString(1, ack.success() ? "acked" : "failed");
            ps.setString(2, ack.detail() == null ? null : TextRules.clip(ack.detail(), 500));
            ps.setTimestamp(3, Timestamp.from(a.receivedAt()));
            ps.setString(4, a.device().id());
            ps.setLong(5, ack.commandId() & 0xFFFFFFFFL);
            ps.addBatch();
            any = true;
          }
        }
      }
      if (any) {
        ps.executeBatch();
      }
    }
  }

  private static void updateDevices(
      Connection c,
      Map<String, long[]> perDevice,
      List<RefusedMessage> refusals,
      Map<String, RefusedMessage> lastRefusal)
      throws SQLException {
    Map<String, long[]> all = new HashMap<>(perDevice);
    Map<String, Long> rejectedByDevice = new HashMap<>();
    for (RefusedMessage r : refusals) {
      rejectedByDevice.merge(r.device().id(), 1L, Long::sum);
      all.computeIfAbsent(r.device().id(), k -> new long[4]);
    }
    if (all.isEmpty()) {
      return;
    }
    List<String> ids = new ArrayList<>();
    List<Long> messages = new ArrayList<>();
    List<Long> duplicates = new ArrayList<>();
    List<Long> rejected = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    List<Long> sequences = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    List<String> refusedAt = new ArrayList<>();
    for (Map.Entry<String, long[]> e : all.entrySet()) {
      long[] v = e.getValue();
      ids.add(e.getKey());
      messages.add(v[0]);
      duplicates.add(v[1]);
      rejected.add(rejectedByDevice.getOrDefault(e.getKey(), 0L));
      seen.add(v[2] == 0 ? null : Instant.ofEpochMilli(v[2]).toString());
      sequences.add(v[0] == 0 ? null : v[3]);
      RefusedMessage last = lastRefusal.get(e.getKey());
      reasons.add(last == null ? null : last.reason());
      refusedAt.add(last == null ? null : last.receivedAt().toString());
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE device d SET messages = d.messages + u.messages,"
                + " duplicates = d.duplicates + u.duplicates, rejected = d.rejected + u.rejected,"
                + " last_seen_at = GREATEST(d.last_seen_at, u.seen),"
                + " last_sequence = CASE WHEN u.seq IS NULL THEN d.last_sequence"
                + " ELSE GREATEST(d.last_sequence, u.seq) END,"
                + " last_refusal = COALESCE(u.reason, d.last_refusal),"
                + " last_refused_at = COALESCE(u.refused_at, d.last_refused_at)"
                + " FROM unnest(?::text[], ?::bigint[], ?::bigint[], ?::bigint[],"
                + " ?::text[]::timestamptz[], ?::bigint[], ?::text[], ?::text[]::timestamptz[])"
                + " AS u(id, messages, duplicates, rejected, seen, seq, reason, refused_at)"
                + " WHERE d.id = u.id")) {
      ps.setArray(1, Jdbc.texts(c, ids));
      ps.setArray(2, Jdbc.bigints(c, messages));
      ps.setArray(3, Jdbc.bigints(c, duplicates));
      ps.setArray(4, Jdbc.bigints(c, rejected));
      ps.setArray(5, Jdbc.texts(c, seen));
      ps.setArray(6, Jdbc.bigints(c, sequences));
      ps.setArray(7, Jdbc.texts(c, reasons));
      ps.setArray(8, Jdbc.texts(c, refusedAt));
      ps.executeUpdate();
    }
  }

  /** The device's latest stored records, newest message first; {@code kind} keeps one kind. */
  List<DeviceRecordView> records(String deviceId, String kind, int limit) {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT m.seq, (r->>'item')::int, r->>'kind', (r->>'at')::timestamptz,"
                      + " (r->'data')::text FROM device_message m,"
                      + " jsonb_array_elements(m.records) r WHERE m.device_id = ?"
                      + (kind == null ? "" : " AND r->>'kind' = ?")
                      + " ORDER BY m.seq DESC, 2 LIMIT "
                      + limit)) {
            ps.setString(1, deviceId);
            if (kind != null) {
              ps.setString(2, kind);
            }
            List<DeviceRecordView> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new DeviceRecordView(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        RecordJson.MAPPER.readTree(rs.getString(5))));
              }
            } catch (JsonProcessingException e) {
              throw new IllegalStateException(e);
            }
            return out;
          }
        });
  }

  /** A command stored by {@link #insertCommand}: new, or the one sent earlier under its key. */
  record StoredCommand(long id, boolean replayed) {}

  /**
   * Stores a command to be sent. With an idempotency key, a command stored earlier under it is
   * returned instead (a concurrent request with the same key waits for the first one's commit).
   *
   * @throws ProblemException 422 {@code idempotency-key-reused} when the key was used for another
   *     device, command or arguments
   */
  StoredCommand insertCommand(
      String deviceId, String name, Map<String, String> arguments, Instant now, String key) {
    return jdbc.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO device_command (device_id, name, arguments, status, created_at,"
                      + " sent_at, idempotency_key) VALUES (?, ?, ?::jsonb, 'sent', ?, ?, ?)"
                      + " ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL"
                      + " DO NOTHING RETURNING id")) {
            ps.setString(1, deviceId);
            ps.setString(2, name);
            ps.setString(3, json(arguments));
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setString(6, key);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                return new StoredCommand(rs.getLong(1), false);
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, device_id, name, arguments = ?::jsonb FROM device_command"
                      + " WHERE idempotency_key = ?")) {
            ps.setString(1, json(arguments));
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              if (!deviceId.equals(rs.getString(2))
                  || !name.equals(rs.getString(3))
                  || !rs.getBoolean(4)) {
                throw TEXTS.problem(
                    422,
                    "idempotency-key-reused",
                    "command.idempotency-key-reused",
                    rs.getLong(1),
                    rs.getString(2));
              }
              return new StoredCommand(rs.getLong(1), true);
            }
          }
        });
  }

  /** Marks a command failed before the device saw it (the publish failed). */
  void failCommand(long id, String detail) {
    jdbc.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE device_command SET status = 'failed', detail = ? WHERE id = ?")) {
            ps.setString(1, TextRules.clip(detail, 500));
            ps.setLong(2, id);
            return ps.executeUpdate();
          }
        });
  }

  List<CommandView> commands(String deviceId, int limit) {
    return commands(deviceId, null, limit);
  }

  CommandView command(String deviceId, long id) {
    List<CommandView> one = commands(deviceId, id, 1);
    return one.isEmpty() ? null : one.get(0);
  }

  private List<CommandView> commands(String deviceId, Long id, int limit) {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, name, arguments::text, status, detail, created_at, sent_at,"
                      + " answered_at FROM device_command WHERE device_id = ?"
                      + (id == null ? "" : " AND id = ?")
                      + " ORDER BY id DESC LIMIT "
                      + limit)) {
            ps.setString(1, deviceId);
            if (id != null) {
              ps.setLong(2, id);
            }
            List<CommandView> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new CommandView(
                        rs.getLong(1),
                        deviceId,
                        rs.getString(2),
                        parse(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        Jdbc.instant(rs.getTimestamp(6)),
                        Jdbc.instant(rs.getTimestamp(7)),
                        Jdbc.instant(rs.getTimestamp(8))));
              }
            }
            return out;
          }
        });
  }

  private Row row(ResultSet rs) throws SQLException {
    return new Row(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        Jdbc.getLong(rs, "room_id"),
        parse(rs.getString(8)),
        rs.getString(9),
        rs.getString(10),
        Jdbc.instant(rs.getTimestamp(11)),
        Jdbc.instant(rs.getTimestamp(12)),
        Jdbc.instant(rs.getTimestamp(13)),
        Jdbc.getLong(rs, "last_sequence"),
        rs.getLong(15),
        rs.getLong(16),
        rs.getLong(17),
        rs.getString(18),
        Jdbc.instant(rs.getTimestamp(19)),
        Jdbc.getLong(rs, "estate_id"),
        Jdbc.getLong(rs, "building_id"));
  }

  RegisteredDevice entry(Row r) {
    return new RegisteredDevice(
        tenant, r.id(), r.type(), r.driver(), r.settings(), r.secretHash(), r.roomId());
  }

  private static String json(Map<String, String> map) {
    try {
      return RecordJson.MAPPER.writeValueAsString(map == null ? Map.of() : map);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> parse(String json) {
    try {
      return RecordJson.MAPPER.readValue(json, SETTINGS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
