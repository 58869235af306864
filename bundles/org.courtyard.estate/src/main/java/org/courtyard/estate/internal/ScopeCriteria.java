package org.courtyard.estate.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.persistence.criteria.CriteriaBuilder;
import javax.persistence.criteria.CriteriaQuery;
import javax.persistence.criteria.Path;
import javax.persistence.criteria.Predicate;
import javax.persistence.criteria.Root;
import javax.persistence.criteria.Subquery;
import org.courtyard.api.rest.DataScope;
import org.courtyard.estate.internal.entity.Building;

/**
 * A data scope as part of a list's query. For the whole company nothing is added, so the owner's
 * query is the one it always was.
 *
 * <p>A scope of one estate (or one building) is the common case and the measured one, and needs
 * care: with {@code estate_id = ? AND id > ? ORDER BY id LIMIT n} PostgreSQL prices walking the
 * primary key and skipping other estates' rows about the same as reading the (estate_id, id) index,
 * assuming the estate's rows are spread evenly; they are not (rooms come estate by estate), and
 * with a generic plan the walk past every earlier estate's rooms is what it picks. So such a scope
 * is written as {@code estate_id BETWEEN ? AND ?} (the same id twice) and the list is ordered by
 * {@code estate_id, id}: the column is no longer a known constant, only the (estate_id, id) index
 * gives that order, and the page is read from it and nothing else. Since every row of the page has
 * that one estate, the order is still the order of ids, and so is the keyset.
 */
final class ScopeCriteria {

  /**
   * Adds the scope's condition to a list query of {@code E} and answers the column to order by
   * before id, or null.
   */
  @FunctionalInterface
  interface Where<E> {
    Path<Long> addTo(
        CriteriaBuilder cb, CriteriaQuery<?> query, Root<E> root, List<Predicate> where);
  }

  private ScopeCriteria() {}

  /**
   * Rows that belong to a building of an estate (units and rooms; buildings, with their own id as
   * {@code building}): in scope when their estate is granted whole or their building is.
   *
   * @return the column to order by before id: the one key of a scope of one estate or one building,
   *     else null
   */
  static Path<Long> placed(
      CriteriaBuilder cb,
      Path<Long> estate,
      Path<Long> building,
      DataScope scope,
      List<Predicate> where) {
    if (scope.isAll()) {
      return null;
    }
    Set<Long> estates = scope.estates();
    Set<Long> buildings = scope.buildings();
    if (estates.size() == 1 && buildings.isEmpty()) {
      return onlyOne(cb, estate, estates, where);
    }
    if (buildings.size() == 1 && estates.isEmpty()) {
      return onlyOne(cb, building, buildings, where);
    }
    List<Predicate> any = new ArrayList<>(2);
    if (!estates.isEmpty()) {
      any.add(estate.in(estates));
    }
    if (!buildings.isEmpty()) {
      any.add(building.in(buildings));
    }
    where.add(anyOf(cb, any));
    return null;
  }

  /**
   * Estates the caller may read: those granted whole, and those holding a building granted on its
   * own (to navigate to it). Estates are few; their list needs no special order.
   */
  static Path<Long> estates(
      CriteriaBuilder cb,
      CriteriaQuery<?> query,
      Path<Long> estate,
      DataScope scope,
      List<Predicate> where) {
    if (scope.isAll()) {
      return null;
    }
    List<Predicate> any = new ArrayList<>(2);
    if (!scope.estates().isEmpty()) {
      any.add(estate.in(scope.estates()));
    }
    if (!scope.buildings().isEmpty()) {
      Subquery<Long> ofBuildings = query.subquery(Long.class);
      Root<Building> b = ofBuildings.from(Building.class);
      ofBuildings.select(b.<Long>get("estateId")).where(b.get("id").in(scope.buildings()));
      any.add(estate.in(ofBuildings));
    }
    where.add(anyOf(cb, any));
    return null;
  }

  /** {@code key BETWEEN id AND id}, ordered by key: see the class comment. */
  private static Path<Long> onlyOne(
      CriteriaBuilder cb, Path<Long> key, Set<Long> ids, List<Predicate> where) {
    Long id = ids.iterator().next();
    where.add(cb.between(key, id, id));
    return key;
  }

  /** A scope that names nothing (its grant's estates are gone) matches no row. */
  private static Predicate anyOf(CriteriaBuilder cb, List<Predicate> any) {
    return switch (any.size()) {
      case 0 -> cb.disjunction();
      case 1 -> any.get(0);
      default -> cb.or(any.toArray(new Predicate[0]));
    };
  }
}
