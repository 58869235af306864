package org.courtyard.estate.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import org.courtyard.api.rest.DataScope;
import org.courtyard.estate.internal.dto.EstateTreeView;
import org.courtyard.estate.internal.dto.EstateView;
import org.courtyard.estate.internal.entity.Building;
import org.courtyard.estate.internal.entity.Unit;

/**
 * The estate → building → unit tree with room counts, in three queries whatever its size: the
 * buildings in scope, their units, and one count of rooms grouped by unit (from the {@code
 * (estate_id, ...)} index a scope of one estate reads anyway).
 */
final class EstateTree {

  private EstateTree() {}

  static EstateTreeView of(EntityManager em, EstateView estate, DataScope scope) {
    boolean whole = scope.isAll() || scope.estates().contains(estate.id());
    TypedQuery<Building> inScope =
        em.createQuery(
                "SELECT b FROM Building b WHERE b.estateId = :estate"
                    + (whole ? "" : " AND b.id IN :buildings")
                    + " ORDER BY b.code, b.id",
                Building.class)
            .setParameter("estate", estate.id());
    if (!whole) {
      if (scope.buildings().isEmpty()) {
        return new EstateTreeView(estate, 0, List.of());
      }
      inScope.setParameter("buildings", scope.buildings());
    }
    List<Building> buildings = inScope.getResultList();
    if (buildings.isEmpty()) {
      return new EstateTreeView(estate, 0, List.of());
    }
    List<Long> ids = buildings.stream().map(Building::getId).toList();
    List<Unit> units =
        em.createQuery(
                "SELECT u FROM Unit u WHERE u.buildingId IN :buildings ORDER BY u.code, u.id",
                Unit.class)
            .setParameter("buildings", ids)
            .getResultList();
    Map<Long, Long> roomsByUnit = new HashMap<>();
    TypedQuery<Object[]> counts =
        em.createQuery(
                "SELECT r.unitId, COUNT(r) FROM Room r WHERE r.estateId = :estate"
                    + (whole ? "" : " AND r.buildingId IN :buildings")
                    + " GROUP BY r.unitId",
                Object[].class)
            .setParameter("estate", estate.id());
    if (!whole) {
      counts.setParameter("buildings", ids);
    }
    for (Object[] row : counts.getResultList()) {
      roomsByUnit.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }
    Map<Long, List<EstateTreeView.UnitNode>> unitsByBuilding = new HashMap<>();
    for (Unit u : units) {
      unitsByBuilding
          .computeIfAbsent(u.getBuildingId(), b -> new ArrayList<>())
          .add(
              new EstateTreeView.UnitNode(
                  EstateService.unitView(u), roomsByUnit.getOrDefault(u.getId(), 0L)));
    }
    List<EstateTreeView.BuildingNode> nodes = new ArrayList<>(buildings.size());
    long total = 0;
    for (Building b : buildings) {
      List<EstateTreeView.UnitNode> its = unitsByBuilding.getOrDefault(b.getId(), List.of());
      long rooms = its.stream().mapToLong(EstateTreeView.UnitNode::rooms).sum();
      total += rooms;
      nodes.add(new EstateTreeView.BuildingNode(EstateService.buildingView(b), rooms, its));
    }
    return new EstateTreeView(estate, total, nodes);
  }
}
