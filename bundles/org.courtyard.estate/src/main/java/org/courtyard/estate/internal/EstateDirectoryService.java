package org.courtyard.estate.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.persistence.TypedQuery;
import org.courtyard.api.TenantInstances;
import org.courtyard.api.TenantSlug;
import org.courtyard.estate.EstateDirectory;
import org.courtyard.estate.RoomSummary;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Read-only room lookups for other modules, answered from each tenant's own estate instance. */
@Component(service = EstateDirectory.class)
public final class EstateDirectoryService implements EstateDirectory {

  private static final String ROOM_QUERY =
      "SELECT r.id, b.estateId, r.buildingId, r.unitId, e.code, b.code, u.code, r.number, r.floor,"
          + " r.area, r.type, r.status FROM Room r, Unit u, Building b, Estate e"
          + " WHERE u.id = r.unitId AND b.id = r.buildingId AND e.id = b.estateId";

  private final TenantInstances<EstateTenant> tenants =
      new TenantInstances<>(EstateTenant.class, EstateModule.ID);

  @Activate
  public EstateDirectoryService(BundleContext context) {
    tenants.activate(context);
  }

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "unbindTenant")
  void bindTenant(EstateTenant instance) {
    tenants.bind(instance);
  }

  void unbindTenant(EstateTenant instance) {
    tenants.unbind(instance);
  }

  @Override
  public Optional<RoomSummary> room(TenantSlug tenant, long roomId) {
    return instance(tenant)
        .transactions()
        .read(
            em -> {
              TypedQuery<Object[]> q =
                  em.createQuery(ROOM_QUERY + " AND r.id = :id", Object[].class);
              q.setParameter("id", roomId);
              return q.getResultList().stream().findFirst().map(EstateDirectoryService::summary);
            });
  }

  @Override
  public List<RoomSummary> rooms(TenantSlug tenant, long afterId, int limit) {
    if (limit < 1 || limit > 5000) {
      throw new IllegalArgumentException("limit must be 1..5000, was " + limit);
    }
    return instance(tenant)
        .transactions()
        .read(
            em -> {
              TypedQuery<Object[]> q =
                  em.createQuery(ROOM_QUERY + " AND r.id > :after ORDER BY r.id", Object[].class);
              q.setParameter("after", afterId);
              q.setMaxResults(limit);
              List<RoomSummary> result = new ArrayList<>();
              for (Object[] row : q.getResultList()) {
                result.add(summary(row));
              }
              return result;
            });
  }

  @Override
  public List<RoomSummary> rooms(TenantSlug tenant, java.util.Collection<Long> roomIds) {
    if (roomIds.size() > 5000) {
      throw new IllegalArgumentException("at most 5000 ids, were " + roomIds.size());
    }
    if (roomIds.isEmpty()) {
      return List.of();
    }
    List<Long> ids = roomIds.stream().distinct().toList();
    return instance(tenant)
        .transactions()
        .read(
            em -> {
              TypedQuery<Object[]> q =
                  em.createQuery(ROOM_QUERY + " AND r.id IN :ids ORDER BY r.id", Object[].class);
              q.setParameter("ids", ids);
              List<RoomSummary> result = new ArrayList<>();
              for (Object[] row : q.getResultList()) {
                result.add(summary(row));
              }
              return result;
            });
  }

  @Override
  public long roomCount(TenantSlug tenant) {
    return instance(tenant)
        .transactions()
        .read(em -> em.createQuery("SELECT COUNT(r) FROM Room r", Long.class).getSingleResult());
  }

  @Override
  public Optional<Long> estateOfBuilding(TenantSlug tenant, long buildingId) {
    return instance(tenant)
        .transactions()
        .read(
            em ->
                em
                    .createQuery("SELECT b.estateId FROM Building b WHERE b.id = :id", Long.class)
                    .setParameter("id", buildingId)
                    .getResultList()
                    .stream()
                    .findFirst());
  }

  @Override
  public boolean estateExists(TenantSlug tenant, long estateId) {
    return instance(tenant)
        .transactions()
        .read(
            em ->
                em.createQuery("SELECT COUNT(e) FROM Estate e WHERE e.id = :id", Long.class)
                        .setParameter("id", estateId)
                        .getSingleResult()
                    > 0);
  }

  private static RoomSummary summary(Object[] r) {
    String label = r[4] + "/" + r[5] + "/" + r[6] + "/" + r[7];
    return new RoomSummary(
        ((Number) r[0]).longValue(),
        ((Number) r[1]).longValue(),
        ((Number) r[2]).longValue(),
        ((Number) r[3]).longValue(),
        label,
        ((Number) r[8]).intValue(),
        (BigDecimal) r[9],
        (String) r[10],
        (String) r[11]);
  }

  private EstateTenant instance(TenantSlug tenant) {
    return tenants.require(tenant);
  }
}
