package org.courtyard.api.rest;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Where a caller may work: the whole company, or some estates and some buildings. A row is in scope
 * when its estate or its building is; rows that belong to no building (an estate's public area)
 * need their estate. Modules filter their queries with it: an object out of scope answers 404, so
 * that nothing about it is disclosed, and a write into it is refused the same way.
 */
public final class DataScope {

  /** The whole company: every estate, every building, and rows not tied to any. */
  public static final DataScope ALL = new DataScope(true, Set.of(), Set.of());

  /** Nothing at all: what a grant on estates that no longer exist leaves. */
  public static final DataScope NONE = new DataScope(false, Set.of(), Set.of());

  private final boolean all;
  private final Set<Long> estates;
  private final Set<Long> buildings;

  private DataScope(boolean all, Set<Long> estates, Set<Long> buildings) {
    this.all = all;
    this.estates = estates;
    this.buildings = buildings;
  }

  /** Some estates (each with all its buildings) and some single buildings. */
  public static DataScope of(Collection<Long> estates, Collection<Long> buildings) {
    return new DataScope(
        false,
        Collections.unmodifiableSet(new LinkedHashSet<>(estates)),
        Collections.unmodifiableSet(new LinkedHashSet<>(buildings)));
  }

  public boolean isAll() {
    return all;
  }

  /** Estates granted whole; empty when {@link #isAll()}. */
  public Set<Long> estates() {
    return estates;
  }

  /**
   * Buildings granted one by one (their estates are not, as a whole); empty when {@link #isAll()}.
   */
  public Set<Long> buildings() {
    return buildings;
  }

  /**
   * Whether a row of {@code estate} (and of {@code building}, null for a row tied to the estate
   * only) is in scope. A row tied to neither (null, null) is only in the whole company's scope.
   */
  public boolean covers(Long estate, Long building) {
    return all
        || (estate != null && estates.contains(estate))
        || (building != null && buildings.contains(building));
  }

  /** The estates granted whole, for {@code estate_id = any(?)}. */
  public Long[] estateArray() {
    return estates.toArray(new Long[0]);
  }

  /** The single buildings, for {@code building_id = any(?)}. */
  public Long[] buildingArray() {
    return buildings.toArray(new Long[0]);
  }

  /** Where either of two grants lets the caller work. */
  public DataScope union(DataScope other) {
    if (all || other.all) {
      return ALL;
    }
    Set<Long> e = new LinkedHashSet<>(estates);
    e.addAll(other.estates);
    Set<Long> b = new LinkedHashSet<>(buildings);
    b.addAll(other.buildings);
    return of(e, b);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DataScope
        && ((DataScope) o).all == all
        && ((DataScope) o).estates.equals(estates)
        && ((DataScope) o).buildings.equals(buildings);
  }

  @Override
  public int hashCode() {
    return Boolean.hashCode(all) * 31 * 31 + estates.hashCode() * 31 + buildings.hashCode();
  }

  @Override
  public String toString() {
    return all ? "company" : "estates " + estates + ", buildings " + buildings;
  }
}
