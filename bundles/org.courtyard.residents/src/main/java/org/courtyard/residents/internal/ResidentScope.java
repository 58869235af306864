package org.courtyard.residents.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.estate.RoomSummary;

/**
 * Where a caller may work among residents (#11), and who the caller is. Rows map to places through
 * rooms:
 *
 * <ul>
 *   <li>an occupancy is in scope when its room's estate or building is (the copy it keeps);
 *   <li>a person is in scope when any of their occupancies is, current or past: whoever looks after
 *       a room also deals with its former owners' affairs (arrears, a deposit, a dispute); and a
 *       person with no occupancy at all is in no estate, so only the whole company sees them, and
 *       the caller who recorded them, until a first occupancy places them;
 *   <li>a vehicle is in scope when its person is.
 * </ul>
 *
 * <p>An occupancy whose place is still unknown (recorded before #11 and not yet backfilled) is in
 * no scope but the whole company's. For the whole company every condition here is absent, so the
 * owner's queries are the ones they always were.
 */
final class ResidentScope {

  /** The whole company, as owner tokens and company-wide grants work. */
  static final ResidentScope ALL = new ResidentScope(DataScope.ALL, null);

  /** The names of the parameters the conditions use; no query of the module has these. */
  private static final String ESTATES = "scopeEstates";

  private static final String BUILDINGS = "scopeBuildings";
  private static final String CALLER = "scopeCaller";

  private final DataScope scope;
  private final String caller;

  ResidentScope(DataScope scope, String caller) {
    this.scope = scope;
    this.caller = caller;
  }

  /** The caller of a request, in the scope bound for its operation. */
  static ResidentScope of(TenantPrincipal principal) {
    return new ResidentScope(principal.scope(), caller(principal));
  }

  /**
   * How a person's {@code createdBy} names a caller: kind and subject, so that a staff user and an
   * API key with the same id are not taken for each other.
   */
  static String caller(TenantPrincipal principal) {
    return principal.kind().name().toLowerCase(Locale.ROOT) + ":" + principal.subject();
  }

  boolean isAll() {
    return scope.isAll();
  }

  /** What a person recorded by this caller keeps in {@code createdBy}. */
  String caller() {
    return caller;
  }

  /** Whether a room of estate's is in scope. */
  boolean covers(RoomSummary room) {
    return scope.covers(room.estateId, room.buildingId);
  }

  /** Whether an occupancy with this copy of its room's place is in scope (null: not yet known). */
  boolean coversPlace(Long estateId, Long buildingId) {
    return scope.covers(estateId, buildingId);
  }

  /**
   * The JPQL condition "occupancy {@code o} is in scope", or null for the whole company. Its
   * parameters are set by {@link #bind}.
   */
  String occupancy(String o) {
    if (scope.isAll()) {
      return null;
    }
    List<String> any = new ArrayList<>(2);
    if (!scope.estates().isEmpty()) {
      any.add(oneOf(o + ".estateId", ESTATES, scope.estates()));
    }
    if (!scope.buildings().isEmpty()) {
      any.add(oneOf(o + ".buildingId", BUILDINGS, scope.buildings()));
    }
    // A scope naming nothing (its grant's estates are gone) matches no occupancy: ids are never
    // null.
    return any.isEmpty() ? o + ".id IS NULL" : "(" + String.join(" OR ", any) + ")";
  }

  /**
   * The JPQL condition "person {@code p} is in scope", or null for the whole company: an occupancy
   * in scope, current or past, or none at all and recorded by this caller. Its subqueries use the
   * aliases {@code so} and {@code sn}.
   */
  String person(String p) {
    if (scope.isAll()) {
      return null;
    }
    String placed =
        "EXISTS (SELECT so.id FROM Occupancy so WHERE so.personId = "
            + p
            + ".id AND "
            + occupancy("so")
            + ")";
    if (caller == null) {
      return placed;
    }
    return "("
        + placed
        + " OR ("
        + p
        + ".createdBy = :"
        + CALLER
        + " AND NOT EXISTS (SELECT sn.id FROM Occupancy sn"
        + " WHERE sn.personId = "
        + p
        + ".id)))";
  }

  /**
   * Sets the parameters of this scope's conditions that {@code jpql} uses (JPA refuses a parameter
   * a query does not have); nothing for the whole company.
   */
  void bind(CharSequence jpql, Map<String, Object> parameters) {
    if (scope.isAll()) {
      return;
    }
    String text = jpql.toString();
    if (text.contains(":" + ESTATES)) {
      parameters.put(ESTATES, oneOrList(scope.estates()));
    }
    if (text.contains(":" + BUILDINGS)) {
      parameters.put(BUILDINGS, oneOrList(scope.buildings()));
    }
    if (text.contains(":" + CALLER)) {
      parameters.put(CALLER, caller);
    }
  }

  /**
   * One id as {@code =}, so that PostgreSQL can use an index's order after it; several as {@code
   * IN}. The names are constants of this class, never user input.
   */
  private static String oneOf(String attribute, String parameter, Set<Long> ids) {
    return attribute + (ids.size() == 1 ? " = :" : " IN :") + parameter;
  }

  private static Object oneOrList(Set<Long> ids) {
    return ids.size() == 1 ? ids.iterator().next() : List.copyOf(ids);
  }

  @Override
  public String toString() {
    return scope + (caller == null ? "" : " as " + caller);
  }
}
