package org.courtyard.billing.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.estate.EstateDirectory;
import org.courtyard.estate.RoomSummary;

/**
 * Where the rooms of billing's rows are, for the data scopes: bills, meters and room accounts carry
 * the estate and building of their room. Rows get them when they are written; the rows written
 * before the module kept them (V6) get them from {@link #backfill}, which {@link BillingTenant}
 * starts on the shared workers ({@link PlaceBackfills}). Until then their place is null, which no
 * narrow scope matches: the whole company's callers see them, nobody else does.
 *
 * <p>The backfill reads rooms only through estate's {@link EstateDirectory}, in id order, and only
 * from the rooms that still have rows without a place (partial indexes hold exactly those rows, so
 * finding them costs nothing once all are done). It is idempotent: it fills nulls only, each page
 * in its own transaction, so a stop or a second node doing the same loses nothing.
 */
final class RoomPlaces {

  /** Rooms per page and per transaction. */
  static final int PAGE = 500;

  /** What a backfill did: rows given a place, and whether rows of rooms estate lacks remain. */
  record Filled(int rows, boolean complete) {}

  private final TenantSlug tenant;
  private final Jdbc jdbc;
  private final EstateDirectory estate;

  RoomPlaces(TenantSlug tenant, Jdbc jdbc, EstateDirectory estate) {
    this.tenant = tenant;
    this.jdbc = jdbc;
    this.estate = estate;
  }

  /**
   * Gives every row without a place the place of its room, page by page.
   *
   * @param stop asked between pages; true ends the backfill (the next start goes on)
   * @return the rows filled, and whether no row is left without a place (false when stopped, or for
   *     rows of rooms estate no longer has)
   */
  Filled backfill(BooleanSupplier stop) {
    int rows = 0;
    long after = 0;
    while (true) {
      if (stop.getAsBoolean()) {
        return new Filled(rows, false);
      }
      long from = after;
      Long next = jdbc.read(c -> firstMissingAfter(c, from));
      // estate's rooms from the first one lacking a place: pages skip the rooms already done
      List<RoomSummary> page = next == null ? List.of() : estate.rooms(tenant, next - 1, PAGE);
      if (page.isEmpty()) {
        // rows of rooms estate does not have (deleted before their rows were) stay as they are
        return new Filled(rows, jdbc.read(c -> firstMissingAfter(c, 0)) == null);
      }
      rows += jdbc.transaction(c -> fill(c, page));
      after = page.get(page.size() - 1).id;
    }
  }

  /** The lowest room id above {@code after} with a bill, meter or account without a place. */
  private static Long firstMissingAfter(Connection c, long after) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT LEAST("
                + "(SELECT MIN(room_id) FROM bill WHERE estate_id IS NULL AND room_id > ?),"
                + " (SELECT MIN(room_id) FROM meter WHERE estate_id IS NULL AND room_id > ?),"
                + " (SELECT MIN(room_id) FROM room_account WHERE estate_id IS NULL AND room_id > ?))")) {
      ps.setLong(1, after);
      ps.setLong(2, after);
      ps.setLong(3, after);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long id = rs.getLong(1);
        return rs.wasNull() ? null : id;
      }
    }
  }

  /**
   * Fills the places of these rooms' rows, in the order every writer locks them: the accounts (in
   * room order; a room billed before V6 gets its account here, as a room's first bill does now),
   * then the bills, then the meters.
   *
   * @return the rows changed
   */
  static int fill(Connection c, List<RoomSummary> rooms) throws SQLException {
    List<Long> ids = rooms.stream().map(r -> r.id).toList();
    List<Long> estates = rooms.stream().map(r -> r.estateId).toList();
    List<Long> buildings = rooms.stream().map(r -> r.buildingId).toList();
    int rows = 0;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO room_account (room_id, estate_id, building_id)"
                + " SELECT u.room_id, u.estate_id, u.building_id"
                + " FROM unnest(?::bigint[], ?::bigint[], ?::bigint[])"
                + " AS u(room_id, estate_id, building_id)"
                + " WHERE EXISTS (SELECT 1 FROM room_account a"
                + " WHERE a.room_id = u.room_id AND a.estate_id IS NULL)"
                + " OR (NOT EXISTS (SELECT 1 FROM room_account a WHERE a.room_id = u.room_id)"
                + " AND EXISTS (SELECT 1 FROM bill b WHERE b.room_id = u.room_id))"
                + " ORDER BY u.room_id"
                + " ON CONFLICT (room_id) DO UPDATE SET estate_id = EXCLUDED.estate_id,"
                + " building_id = EXCLUDED.building_id WHERE room_account.estate_id IS NULL")) {
      ps.setArray(1, Jdbc.bigints(c, ids));
      ps.setArray(2, Jdbc.bigints(c, estates));
      ps.setArray(3, Jdbc.bigints(c, buildings));
      rows += ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE bill SET estate_id = u.estate_id"
                + " FROM unnest(?::bigint[], ?::bigint[]) AS u(room_id, estate_id)"
                + " WHERE bill.room_id = u.room_id AND bill.estate_id IS NULL")) {
      ps.setArray(1, Jdbc.bigints(c, ids));
      ps.setArray(2, Jdbc.bigints(c, estates));
      rows += ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE meter SET estate_id = u.estate_id, building_id = u.building_id"
                + " FROM unnest(?::bigint[], ?::bigint[], ?::bigint[])"
                + " AS u(room_id, estate_id, building_id)"
                + " WHERE meter.room_id = u.room_id AND meter.estate_id IS NULL")) {
      ps.setArray(1, Jdbc.bigints(c, ids));
      ps.setArray(2, Jdbc.bigints(c, estates));
      ps.setArray(3, Jdbc.bigints(c, buildings));
      rows += ps.executeUpdate();
    }
    return rows;
  }
}
