package org.courtyard.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.courtyard.api.Languages;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Text;
import org.courtyard.api.Texts;
import org.courtyard.api.rest.DataScope;
import org.courtyard.estate.RoomSummary;
import org.junit.jupiter.api.Test;

class ScopesTest {

  /** Estate 1 with buildings 10 and 11, estate 2 with building 20. */
  private static final RoomSummary IN_10 = room(100, 1, 10);

  private static final RoomSummary IN_11 = room(101, 1, 11);
  private static final RoomSummary IN_20 = room(102, 2, 20);
  private static final List<RoomSummary> ROOMS = List.of(IN_10, IN_11, IN_20);

  private static RoomSummary room(long id, long estate, long building) {
    return new RoomSummary(
        id,
        estate,
        building,
        building * 10,
        "E/B/U/" + id,
        1,
        BigDecimal.TEN,
        "residential",
        "vacant");
  }

  @Test
  void theWholeCompanyHasNoPredicateAndEveryRoom() {
    assertThat(Scopes.and(DataScope.ALL, "b.")).isEmpty();
    assertThat(Scopes.covered(DataScope.ALL, ROOMS)).isSameAs(ROOMS);
  }

  @Test
  void aNarrowScopeMatchesEstatesGrantedWholeOrSingleBuildings() {
    assertThat(Scopes.and(DataScope.of(Set.of(1L), Set.of()), "b."))
        .isEqualTo(" AND (b.estate_id = ANY(?) OR b.building_id = ANY(?))");
    assertThat(Scopes.covered(DataScope.of(Set.of(1L), Set.of()), ROOMS))
        .containsExactly(IN_10, IN_11);
    assertThat(Scopes.covered(DataScope.of(Set.of(), Set.of(11L)), ROOMS)).containsExactly(IN_11);
    assertThat(Scopes.covered(DataScope.of(Set.of(2L), Set.of(10L)), ROOMS))
        .containsExactly(IN_10, IN_20);
    assertThat(Scopes.covered(DataScope.NONE, ROOMS)).isEmpty();
  }

  @Test
  void companyWritesAreRefusedOutsideTheWholeCompanyWithTheOutsideScopeProblem() {
    Text settings = Texts.of(Scopes.class).text("scope.the-settings");
    Scopes.requireCompany(DataScope.ALL, "billing.settings.manage", settings);

    assertThatThrownBy(
            () ->
                Scopes.requireCompany(
                    DataScope.of(Set.of(1L), Set.of()), "billing.settings.manage", settings))
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> {
              assertThat(p.status()).isEqualTo(403);
              assertThat(p.type()).isEqualTo("outside-scope");
              assertThat(p.title()).isEqualTo("Outside your scope");
              assertThat(p.getMessage())
                  .isEqualTo(
                      "Changing the billing settings, which affects the whole company, needs the"
                          + " permission granted for the whole company (billing.settings.manage).");
              assertThat(p.detail(Languages.CHINESE))
                  .isEqualTo("修改收费设置会影响整个公司，需要针对整个公司（billing.settings.manage）授予的权限。");
            });
  }

  @Test
  void aNarrowPageIsReadPlaceByPlaceInTheOrderOfTheirIndexesAndMergedOnce() {
    assertThat(Scopes.page("id, room_id", "bill", "id > ? AND period = ?", "id", 21))
        .isEqualTo(
            "SELECT id, room_id FROM ("
                + "SELECT s.* FROM unnest(?::bigint[]) AS k(place) CROSS JOIN LATERAL"
                + " (SELECT id, room_id FROM bill WHERE estate_id BETWEEN k.place AND k.place"
                + " AND id > ? AND period = ? ORDER BY estate_id, id LIMIT 21) s"
                + " UNION SELECT s.* FROM unnest(?::bigint[]) AS k(place) CROSS JOIN LATERAL"
                + " (SELECT id, room_id FROM bill WHERE building_id BETWEEN k.place AND k.place"
                + " AND id > ? AND period = ? ORDER BY building_id, id LIMIT 21) s"
                + ") page ORDER BY id LIMIT 21");
  }
}
