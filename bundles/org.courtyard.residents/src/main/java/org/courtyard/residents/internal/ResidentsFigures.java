package org.courtyard.residents.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.persistence.EntityManager;
import org.courtyard.api.jpa.Transactions;

/**
 * The counts of residents' Today tiles, with the lists' own scope rules ({@link ResidentScope}):
 * the persons the caller may see, and the rooms with someone currently in them (an owner, tenant,
 * occupant or family member whose occupancy has not ended: {@link OccupiedRooms}). One count each,
 * in one read; a narrow scope reads the occupancies' {@code (estate_id, person_id)} or {@code
 * (building_id, person_id)} index.
 */
final class ResidentsFigures {

  /** The counts; a kind the caller may not read is null. */
  record Counts(Long persons, Long occupiedRooms) {}

  private final Transactions transactions;

  ResidentsFigures(Transactions transactions) {
    this.transactions = transactions;
  }

  /** Counts each kind in its scope; an empty one (permission not held) is not counted. */
  Counts counts(Optional<ResidentScope> persons, Optional<ResidentScope> occupancies) {
    return transactions.read(
        em ->
            new Counts(
                persons.map(s -> persons(em, s)).orElse(null),
                occupancies.map(s -> occupiedRooms(em, s)).orElse(null)));
  }

  private static long persons(EntityManager em, ResidentScope scope) {
    return count(em, "SELECT COUNT(p) FROM Person p", scope.person("p"), scope);
  }

  /** Counted by the list's own condition: the tile's number is the length of its link's list. */
  private static long occupiedRooms(EntityManager em, ResidentScope scope) {
    return OccupiedRooms.count(em, scope);
  }

  /** {@code jpql} with the scope's condition (none for the whole company) and its parameters. */
  private static long count(EntityManager em, String jpql, String condition, ResidentScope scope) {
    String scoped =
        condition == null
            ? jpql
            : jpql + (jpql.contains(" WHERE ") ? " AND " : " WHERE ") + condition;
    Map<String, Object> parameters = new LinkedHashMap<>();
    scope.bind(scoped, parameters);
    return ResidentsService.count(em, scoped, parameters);
  }
}
