package org.courtyard.parking.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.estate.Places;
import org.courtyard.estate.Referrer;
import org.courtyard.estate.RoomReferences;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Tells estate what of parking refers to an estate or a room it is about to delete: the lots of an
 * estate, and the leases and owners (current or past) whose rent or fee is billed to a room. Both
 * must stay readable, so the delete is refused. Read-only, through the tenant's running instance.
 */
@Component(service = RoomReferences.class)
public final class ParkingRoomReferences implements RoomReferences {

  private final ParkingInstances instances;

  @Activate
  public ParkingRoomReferences(@Reference ParkingInstances instances) {
    this.instances = instances;
  }

  @Override
  public List<Referrer> referencesTo(TenantSlug tenant, Places places) {
    ParkingTenant instance = instances.find(tenant);
    if (instance == null) {
      return List.of();
    }
    return instance
        .jdbc()
        .read(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT (SELECT count(*) FROM parking_lot WHERE estate_id = ANY(?)),"
                          + " (SELECT count(*) FROM parking_booking WHERE room_id = ANY(?)),"
                          + " (SELECT count(*) FROM parking_space_owner WHERE room_id = ANY(?))")) {
                ps.setArray(1, Jdbc.bigints(c, places.estateIds));
                ps.setArray(2, Jdbc.bigints(c, places.roomIds));
                ps.setArray(3, Jdbc.bigints(c, places.roomIds));
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  List<Referrer> out = new ArrayList<>();
                  add(out, rs.getLong(1), "parking lot", "parking lots");
                  add(out, rs.getLong(2), "parking lease", "parking leases");
                  add(out, rs.getLong(3), "parking space owner", "parking space owners");
                  return out;
                }
              }
            });
  }

  private static void add(List<Referrer> out, long count, String one, String many) {
    if (count > 0) {
      out.add(Referrer.of(ParkingModule.ID, count, one, many));
    }
  }
}
