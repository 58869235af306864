package org.courtyard.estate.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.persistence.EntityManager;
import javax.persistence.Tuple;
import javax.persistence.criteria.CriteriaBuilder;
import javax.persistence.criteria.CriteriaQuery;
import javax.persistence.criteria.Expression;
import javax.persistence.criteria.Predicate;
import javax.persistence.criteria.Root;
import org.courtyard.api.jpa.Transactions;
import org.courtyard.api.rest.DataScope;
import org.courtyard.estate.internal.entity.Building;
import org.courtyard.estate.internal.entity.Estate;
import org.courtyard.estate.internal.entity.Room;

/**
 * The counts of estate's Today tiles, each in its own scope and with the lists' own scope rules
 * ({@link ScopeCriteria}): the estates the caller may read, the buildings and the rooms in scope,
 * and of those rooms the vacant ones. One count per kind in one read: estates and buildings are
 * few, and rooms are counted from the {@code (estate_id, id)} or {@code (building_id, id)} index of
 * a narrow scope.
 */
final class EstateFigures {

  /** The counts; a kind the caller may not read is null. */
  record Counts(Long estates, Long buildings, Long rooms, Long vacantRooms) {}

  private final Transactions transactions;

  EstateFigures(Transactions transactions) {
    this.transactions = transactions;
  }

  /** Counts each kind in its scope; an empty scope (permission not held) is not counted. */
  Counts counts(
      Optional<DataScope> estates, Optional<DataScope> buildings, Optional<DataScope> rooms) {
    return transactions.read(
        em -> {
          Long estateCount = estates.map(s -> estates(em, s)).orElse(null);
          Long buildingCount = buildings.map(s -> buildings(em, s)).orElse(null);
          Tuple roomCounts = rooms.map(s -> rooms(em, s)).orElse(null);
          return new Counts(
              estateCount,
              buildingCount,
              roomCounts == null ? null : count(roomCounts.get(0)),
              roomCounts == null ? null : count(roomCounts.get(1)));
        });
  }

  private static long estates(EntityManager em, DataScope scope) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> query = cb.createQuery(Long.class);
    Root<Estate> e = query.from(Estate.class);
    List<Predicate> where = new ArrayList<>();
    ScopeCriteria.estates(cb, query, e.get("id"), scope, where);
    query.select(cb.count(e)).where(where.toArray(new Predicate[0]));
    return em.createQuery(query).getSingleResult();
  }

  private static long buildings(EntityManager em, DataScope scope) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> query = cb.createQuery(Long.class);
    Root<Building> b = query.from(Building.class);
    List<Predicate> where = new ArrayList<>();
    ScopeCriteria.placed(cb, b.get("estateId"), b.get("id"), scope, where);
    query.select(cb.count(b)).where(where.toArray(new Predicate[0]));
    return em.createQuery(query).getSingleResult();
  }

  /** All rooms in scope and the vacant ones, in one pass. */
  private static Tuple rooms(EntityManager em, DataScope scope) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Tuple> query = cb.createTupleQuery();
    Root<Room> r = query.from(Room.class);
    List<Predicate> where = new ArrayList<>();
    ScopeCriteria.placed(cb, r.get("estateId"), r.get("buildingId"), scope, where);
    Expression<Long> vacant =
        cb.<Long>selectCase().when(cb.equal(r.get("status"), "vacant"), 1L).otherwise(0L);
    query.multiselect(cb.count(r), cb.sum(vacant)).where(where.toArray(new Predicate[0]));
    return em.createQuery(query).getSingleResult();
  }

  /** A count or sum as JPA answers it; a sum over no row is null. */
  private static long count(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
