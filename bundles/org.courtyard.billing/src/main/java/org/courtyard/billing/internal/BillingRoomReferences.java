package org.courtyard.billing.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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
 * Tells estate which bills, payments, refunds and meters refer to a room or building it is about to
 * delete. It reads the tenant's billing tables whether or not billing is enabled right now: a
 * disabled module keeps its data, and a room deleted meanwhile would leave its bills pointing
 * nowhere once billing is enabled again.
 */
@Component(service = RoomReferences.class)
public final class BillingRoomReferences implements RoomReferences {

  private final TenantPersistence persistence;

  @Activate
  public BillingRoomReferences(@Reference(name = "persistence") TenantPersistence persistence) {
    this.persistence = persistence;
  }

  @Override
  public List<Referrer> referencesTo(TenantSlug tenant, Places places) {
    if (places.roomIds.isEmpty() && places.buildingIds.isEmpty()) {
      return List.of();
    }
    return new Jdbc(persistence.dataSource(tenant)).read(c -> count(c, places));
  }

  private static List<Referrer> count(Connection c, Places places) throws SQLException {
    // never migrated for this tenant: nothing of billing's can refer to anything
    try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass('billing_run') IS NULL");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      if (rs.getBoolean(1)) {
        return List.of();
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT (SELECT COUNT(*) FROM bill WHERE room_id = ANY(?) OR building_id = ANY(?)),"
                + " (SELECT COUNT(*) FROM payment WHERE room_id = ANY(?)),"
                + " (SELECT COUNT(*) FROM refund WHERE room_id = ANY(?)),"
                + " (SELECT COUNT(*) FROM meter WHERE room_id = ANY(?))")) {
      ps.setArray(1, Jdbc.bigints(c, places.roomIds));
      ps.setArray(2, Jdbc.bigints(c, places.buildingIds));
      ps.setArray(3, Jdbc.bigints(c, places.roomIds));
      ps.setArray(4, Jdbc.bigints(c, places.roomIds));
      ps.setArray(5, Jdbc.bigints(c, places.roomIds));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        List<Referrer> found = new ArrayList<>();
        add(found, rs.getLong(1), "bill", "bills");
        add(found, rs.getLong(2), "payment", "payments");
        add(found, rs.getLong(3), "refund", "refunds");
        add(found, rs.getLong(4), "meter", "meters");
        return found;
      }
    }
  }

  private static void add(List<Referrer> found, long count, String one, String many) {
    if (count > 0) {
      found.add(Referrer.of(BillingModule.ID, count, one, many));
    }
  }
}
