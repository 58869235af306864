package org.courtyard.residents.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.jpa.Transactions;
import org.courtyard.estate.EstateDirectory;
import org.courtyard.estate.RoomSummary;
import org.courtyard.residents.internal.entity.Occupancy;

/**
 * Fills the estate and building of a tenant's occupancies recorded before data scopes (#11), from
 * estate's {@link EstateDirectory}: the rooms between the lowest and the highest room id still
 * lacking a place, a page at a time, each page one {@code UPDATE … FROM unnest(…)}. Only rows still
 * null are written, so running it again, or beside new occupancies (which are written with their
 * place), changes nothing twice. An occupancy of a room estate does not have stays null: in no
 * scope but the whole company's.
 */
final class OccupancyPlaces {

  /** Rooms asked of estate at a time (it answers at most 5000). */
  static final int PAGE = 1000;

  private static final String PLACE =
      "UPDATE residents_occupancy o SET estate_id = r.estate_id, building_id = r.building_id"
          + " FROM unnest(?::bigint[], ?::bigint[], ?::bigint[]) AS r (room_id, estate_id,"
          + " building_id)"
          + " WHERE o.room_id = r.room_id AND o.estate_id IS NULL";

  private final TenantSlug tenant;
  private final Jdbc jdbc;
  private final Transactions transactions;
  private final EstateDirectory estate;

  OccupancyPlaces(
      TenantSlug tenant, DataSource dataSource, Transactions transactions, EstateDirectory estate) {
    this.tenant = tenant;
    this.jdbc = new Jdbc(dataSource);
    this.transactions = transactions;
    this.estate = estate;
  }

  TenantSlug tenant() {
    return tenant;
  }

  /**
   * Places what it can.
   *
   * @param running false once the tenant's module stops: the fill ends after the page it is on
   * @return how many occupancies it placed
   */
  long fill(BooleanSupplier running) {
    long[] range = jdbc.read(OccupancyPlaces::unplacedRooms);
    if (range.length == 0) {
      return 0;
    }
    long placed = 0;
    long after = range[0] - 1;
    while (after < range[1] && running.getAsBoolean()) {
      List<RoomSummary> rooms = estate.rooms(tenant, after, PAGE);
      if (rooms.isEmpty()) {
        break;
      }
      placed += jdbc.transaction(c -> place(c, rooms));
      after = rooms.get(rooms.size() - 1).id;
    }
    if (placed > 0) {
      // The rows changed under EclipseLink's shared cache, which would otherwise keep serving them
      // without a place (and so, to narrow scopes, as absent).
      transactions.read(
          em -> {
            em.getEntityManagerFactory().getCache().evict(Occupancy.class);
            return null;
          });
    }
    return placed;
  }

  /** The lowest and highest room id of occupancies without a place; empty when there are none. */
  private static long[] unplacedRooms(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT min(room_id), max(room_id) FROM residents_occupancy"
                    + " WHERE estate_id IS NULL");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      long low = rs.getLong(1);
      return rs.wasNull() ? new long[0] : new long[] {low, rs.getLong(2)};
    }
  }

  private static int place(Connection c, List<RoomSummary> rooms) throws SQLException {
    List<Long> ids = new ArrayList<>(rooms.size());
    List<Long> estates = new ArrayList<>(rooms.size());
    List<Long> buildings = new ArrayList<>(rooms.size());
    for (RoomSummary room : rooms) {
      ids.add(room.id);
      estates.add(room.estateId);
      buildings.add(room.buildingId);
    }
    try (PreparedStatement ps = c.prepareStatement(PLACE)) {
      ps.setArray(1, Jdbc.bigints(c, ids));
      ps.setArray(2, Jdbc.bigints(c, estates));
      ps.setArray(3, Jdbc.bigints(c, buildings));
      return ps.executeUpdate();
    }
  }
}
