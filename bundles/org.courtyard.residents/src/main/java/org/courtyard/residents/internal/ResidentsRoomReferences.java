package org.courtyard.residents.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.courtyard.api.TenantPersistence;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.estate.Places;
import org.courtyard.estate.Referrer;
import org.courtyard.estate.RoomReferences;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Tells estate which occupancies, current or past, refer to a room it is about to delete: the
 * history of who lived where is kept, so a room with any stays. It reads the tenant's residents
 * tables whether or not the module is enabled right now (a disabled module keeps its data).
 */
@Component(service = RoomReferences.class)
public final class ResidentsRoomReferences implements RoomReferences {

  private final TenantPersistence persistence;

  @Activate
  public ResidentsRoomReferences(@Reference(name = "persistence") TenantPersistence persistence) {
    this.persistence = persistence;
  }

  @Override
  public List<Referrer> referencesTo(TenantSlug tenant, Places places) {
    if (places.roomIds.isEmpty()) {
      return List.of();
    }
    return new Jdbc(persistence.dataSource(tenant)).read(c -> count(c, places));
  }

  private static List<Referrer> count(Connection c, Places places) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT to_regclass('residents_occupancy') IS NULL");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      if (rs.getBoolean(1)) {
        return List.of();
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement("SELECT COUNT(*) FROM residents_occupancy WHERE room_id = ANY(?)")) {
      ps.setArray(1, Jdbc.bigints(c, places.roomIds));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long n = rs.getLong(1);
        return n == 0
            ? List.of()
            : List.of(Referrer.of(ResidentsModule.ID, n, "occupancy", "occupancies"));
      }
    }
  }
}
