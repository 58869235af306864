package org.courtyard.workorders.internal;

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
 * Tells estate which work orders (open or history) are about a room, building or estate it is about
 * to delete, and which stocks of materials an estate keeps: an order's place and a stock's estate
 * must stay readable. Read-only, through the tenant's running work-order instance.
 */
@Component(service = RoomReferences.class)
public final class WorkordersRoomReferences implements RoomReferences {

  private final WorkordersInstances instances;

  @Activate
  public WorkordersRoomReferences(@Reference WorkordersInstances instances) {
    this.instances = instances;
  }

  @Override
  public List<Referrer> referencesTo(TenantSlug tenant, Places places) {
    WorkordersTenant instance = instances.find(tenant);
    if (instance == null) {
      return List.of();
    }
    return instance
        .jdbc()
        .read(
            c -> {
              List<Referrer> out = new ArrayList<>();
              long orders;
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT count(*) FROM workorder WHERE room_id = ANY(?)"
                          + " OR building_id = ANY(?) OR estate_id = ANY(?)")) {
                ps.setArray(1, Jdbc.bigints(c, places.roomIds));
                ps.setArray(2, Jdbc.bigints(c, places.buildingIds));
                ps.setArray(3, Jdbc.bigints(c, places.estateIds));
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  orders = rs.getLong(1);
                }
              }
              if (orders > 0) {
                out.add(Referrer.of(WorkordersModule.ID, orders, "work order", "work orders"));
              }
              if (!places.estateIds.isEmpty()) {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "SELECT count(*) FROM workorder_material WHERE estate_id = ANY(?)")) {
                  ps.setArray(1, Jdbc.bigints(c, places.estateIds));
                  try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long materials = rs.getLong(1);
                    if (materials > 0) {
                      out.add(Referrer.of(WorkordersModule.ID, materials, "material", "materials"));
                    }
                  }
                }
              }
              return out;
            });
  }
}
