package org.courtyard.residents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.estate.RoomSummary;
import org.junit.jupiter.api.Test;

class ResidentScopeTest {

  private static final DataScope ESTATE_1 = DataScope.of(List.of(1L), List.of());
  private static final DataScope TWO_ESTATES_AND_A_BUILDING =
      DataScope.of(List.of(1L, 2L), List.of(30L));

  private static RoomSummary room(long estate, long building) {
    return new RoomSummary(
        9, estate, building, 90, "E/B/U/9", 1, new BigDecimal("80.00"), "residential", "vacant");
  }

  @Test
  void theWholeCompanyAddsNoConditionAndNoParameter() {
    Map<String, Object> parameters = new LinkedHashMap<>();
    ResidentScope.ALL.bind("anything :scopeEstates :scopeCaller", parameters);
    assertThat(ResidentScope.ALL.occupancy("o")).isNull();
    assertThat(ResidentScope.ALL.person("p")).isNull();
    assertThat(parameters).isEmpty();
    assertThat(ResidentScope.ALL.coversPlace(null, null)).isTrue();
  }

  @Test
  void oneEstateIsAnEqualitySoTheIndexOrderServesThePage() {
    ResidentScope scope = new ResidentScope(ESTATE_1, "staff:7");
    String condition = scope.occupancy("o");
    assertThat(condition).isEqualTo("(o.estateId = :scopeEstates)");
    Map<String, Object> parameters = new LinkedHashMap<>();
    scope.bind(condition, parameters);
    assertThat(parameters).containsExactly(Map.entry("scopeEstates", 1L));
  }

  @Test
  void estatesAndBuildingsAreEitherOr() {
    ResidentScope scope = new ResidentScope(TWO_ESTATES_AND_A_BUILDING, "staff:7");
    String condition = scope.occupancy("o");
    assertThat(condition)
        .isEqualTo("(o.estateId IN :scopeEstates OR o.buildingId = :scopeBuildings)");
    Map<String, Object> parameters = new LinkedHashMap<>();
    scope.bind(condition, parameters);
    assertThat(parameters)
        .containsEntry("scopeEstates", List.of(1L, 2L))
        .containsEntry("scopeBuildings", 30L)
        .doesNotContainKey("scopeCaller");
  }

  @Test
  void aScopeNamingNothingMatchesNoOccupancy() {
    ResidentScope scope = new ResidentScope(DataScope.NONE, "staff:7");
    assertThat(scope.occupancy("o")).isEqualTo("o.id IS NULL");
    assertThat(scope.coversPlace(1L, 30L)).isFalse();
  }

  @Test
  void aPersonIsSeenThroughAnyOccupancyInScopeOrAsTheirRecordersOwnUntilPlaced() {
    ResidentScope scope = new ResidentScope(ESTATE_1, "staff:7");
    String condition = scope.person("p");
    assertThat(condition)
        .isEqualTo(
            "(EXISTS (SELECT so.id FROM Occupancy so WHERE so.personId = p.id AND"
                + " (so.estateId = :scopeEstates)) OR (p.createdBy = :scopeCaller AND NOT EXISTS"
                + " (SELECT sn.id FROM Occupancy sn WHERE sn.personId = p.id)))");
    // current or past: nothing in the condition looks at moveOut
    assertThat(condition).doesNotContain("moveOut");
    Map<String, Object> parameters = new LinkedHashMap<>();
    scope.bind(condition, parameters);
    assertThat(parameters).containsEntry("scopeCaller", "staff:7");
  }

  @Test
  void occupanciesWithoutAPlaceYetAreInNoNarrowScope() {
    ResidentScope scope = new ResidentScope(TWO_ESTATES_AND_A_BUILDING, "staff:7");
    assertThat(scope.coversPlace(null, null)).isFalse();
    assertThat(scope.coversPlace(2L, 20L)).isTrue();
    assertThat(scope.coversPlace(5L, 30L)).isTrue();
    assertThat(scope.coversPlace(5L, 31L)).isFalse();
  }

  @Test
  void roomsAreCoveredByTheirEstateOrTheirBuilding() {
    ResidentScope scope = new ResidentScope(DataScope.of(List.of(), List.of(30L)), "staff:7");
    assertThat(scope.covers(room(5, 30))).isTrue();
    assertThat(scope.covers(room(5, 31))).isFalse();
  }

  @Test
  void callersAreNamedByKindAndSubjectSoAKeyIsNoUserOfTheSameId() {
    TenantSlug acme = TenantSlug.of("acme");
    TenantPrincipal user =
        new TenantPrincipal(
            acme, TenantPrincipal.Kind.STAFF, "17", "li", permission -> Optional.of(ESTATE_1));
    TenantPrincipal key =
        new TenantPrincipal(
            acme, TenantPrincipal.Kind.API_KEY, "17", "gate", permission -> Optional.of(ESTATE_1));
    assertThat(ResidentScope.caller(user)).isEqualTo("staff:17");
    assertThat(ResidentScope.caller(key)).isEqualTo("api_key:17");
    ResidentScope bound = ResidentScope.of(user.bound(ESTATE_1));
    assertThat(bound.caller()).isEqualTo("staff:17");
    assertThat(bound.isAll()).isFalse();
    assertThat(ResidentScope.of(new TenantPrincipal(acme, "tok1")).isAll()).isTrue();
  }
}
