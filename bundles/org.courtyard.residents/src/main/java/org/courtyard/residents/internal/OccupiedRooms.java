package org.courtyard.residents.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import org.courtyard.api.jpa.Transactions;
import org.courtyard.api.rest.Page;
import org.courtyard.residents.internal.dto.OccupiedRoomView;

/**
 * The rooms someone currently owns, rents or lives in: a room with at least one current occupancy
 * (any role, {@code moveOut} not set) in the caller's scope. The Today tile counts them and {@code
 * GET /occupied-rooms} lists them through the one condition here ({@link #where}), so the tile's
 * number is always the length of the list it links to.
 *
 * <p>Derived from occupancies, never from estate's hand-kept room status. A room's estate and
 * building are the copies its occupancies keep (#11); its label is estate's, asked for the whole
 * page at once ({@link RoomLabels}).
 */
final class OccupiedRooms {

  /** Optional narrowing of the list: one estate, one building, or both. */
  record Filter(Long estateId, Long buildingId) {

    static final Filter NONE = new Filter(null, null);
  }

  private final Transactions transactions;
  private final RoomLabels labels;

  OccupiedRooms(Transactions transactions, RoomLabels labels) {
    this.transactions = transactions;
    this.labels = labels;
  }

  /** How many rooms the list holds for this scope, without a filter: the Today tile's number. */
  static long count(EntityManager em, ResidentScope scope) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    String jpql =
        "SELECT COUNT(DISTINCT o.roomId) FROM Occupancy o WHERE "
            + where(scope, Filter.NONE, parameters);
    return ResidentsService.count(em, jpql, parameters);
  }

  /**
   * One page of the rooms in room id order, each with its current occupants counted once (a person
   * who is owner and occupant of a room is one occupant of it).
   */
  Page<OccupiedRoomView> page(ResidentScope scope, Filter filter, long afterRoomId, int limit) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    String jpql =
        "SELECT o.roomId, COUNT(DISTINCT o.personId), MIN(o.estateId), MIN(o.buildingId)"
            + " FROM Occupancy o WHERE o.roomId > :after AND "
            + where(scope, filter, parameters)
            + " GROUP BY o.roomId ORDER BY o.roomId";
    parameters.put("after", afterRoomId);
    Page<Object[]> rows =
        transactions.read(
            em -> {
              TypedQuery<Object[]> query = em.createQuery(jpql, Object[].class);
              parameters.forEach(query::setParameter);
              return Page.byId(
                  query.setMaxResults(limit + 1).getResultList(), limit, OccupiedRooms::roomId);
            });
    Map<Long, String> byRoom = labels.of(rows.items.stream().map(OccupiedRooms::roomId).toList());
    List<OccupiedRoomView> rooms =
        rows.items.stream()
            .map(
                r ->
                    new OccupiedRoomView(
                        roomId(r),
                        byRoom.get(roomId(r)),
                        (Long) r[2],
                        (Long) r[3],
                        ((Number) r[1]).longValue()))
            .toList();
    return new Page<>(rooms, rows.nextCursor);
  }

  /**
   * The condition on occupancy {@code o}: current, in the scope, and in the filter's estate and
   * building; its parameters go into {@code parameters}.
   */
  static String where(ResidentScope scope, Filter filter, Map<String, Object> parameters) {
    StringBuilder where = new StringBuilder("o.moveOut IS NULL");
    if (filter.estateId() != null) {
      where.append(" AND o.estateId = :estate");
      parameters.put("estate", filter.estateId());
    }
    if (filter.buildingId() != null) {
      where.append(" AND o.buildingId = :building");
      parameters.put("building", filter.buildingId());
    }
    String scoped = scope.occupancy("o");
    if (scoped != null) {
      where.append(" AND ").append(scoped);
    }
    scope.bind(where, parameters);
    return where.toString();
  }

  private static long roomId(Object[] row) {
    return ((Number) row[0]).longValue();
  }
}
