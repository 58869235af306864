package org.courtyard.estate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.courtyard.api.Languages;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Texts;
import org.courtyard.api.rest.DataScope;
import org.junit.jupiter.api.Test;

class EstateReachTest {

  private static final long ESTATE = 7;

  /** Counts how often the query behind "holds a building of it" ran, answering {@code answer}. */
  private static final class BuildingQuery implements BooleanSupplier {
    final AtomicInteger runs = new AtomicInteger();
    final boolean answer;

    BuildingQuery(boolean answer) {
      this.answer = answer;
    }

    @Override
    public boolean getAsBoolean() {
      runs.incrementAndGet();
      return answer;
    }
  }

  @Test
  void theWholeCompanyReachesEveryEstateWithoutAQuery() {
    BuildingQuery query = new BuildingQuery(false);
    assertThat(EstateReach.of(DataScope.ALL, ESTATE, query)).isEqualTo(EstateReach.WHOLE);
    assertThat(query.runs).hasValue(0);
  }

  @Test
  void anEstateGrantedWholeIsReachedWhole() {
    BuildingQuery query = new BuildingQuery(false);
    DataScope scope = DataScope.of(List.of(3L, ESTATE), List.of(40L));
    assertThat(EstateReach.of(scope, ESTATE, query)).isEqualTo(EstateReach.WHOLE);
    assertThat(query.runs).hasValue(0);
  }

  @Test
  void aGrantedBuildingMakesItsEstateReadableButNoMore() {
    EstateReach reach =
        EstateReach.of(DataScope.of(List.of(), List.of(40L)), ESTATE, new BuildingQuery(true));
    assertThat(reach).isEqualTo(EstateReach.THROUGH_BUILDINGS);
    assertThat(reach.readable()).isTrue();
  }

  @Test
  void buildingsOfOtherEstatesReachNothing() {
    EstateReach reach =
        EstateReach.of(DataScope.of(List.of(3L), List.of(40L)), ESTATE, new BuildingQuery(false));
    assertThat(reach).isEqualTo(EstateReach.NONE);
    assertThat(reach.readable()).isFalse();
  }

  @Test
  void aScopeOfEstatesOnlyNeverAsksForBuildings() {
    BuildingQuery query = new BuildingQuery(true);
    assertThat(EstateReach.of(DataScope.of(List.of(3L), List.of()), ESTATE, query))
        .isEqualTo(EstateReach.NONE);
    assertThat(EstateReach.of(DataScope.NONE, ESTATE, query)).isEqualTo(EstateReach.NONE);
    assertThat(query.runs).hasValue(0);
  }

  @Test
  void outsideScopeIsA403NamingTheChangeAndTheScopeItNeeds() {
    Texts texts = Texts.of(EstateService.class);
    ProblemException p =
        EstateReach.outsideScope(
            texts.text("scope.changing-estate", 7), texts.text("scope.whole-estate"));
    assertThat(p.status()).isEqualTo(403);
    assertThat(p.type()).isEqualTo("outside-scope");
    assertThat(p.title()).isEqualTo("Outside your scope");
    assertThat(p.detail())
        .isEqualTo("Changing estate 7 needs the permission granted for the whole estate.");
    assertThat(p.title(Languages.CHINESE)).isEqualTo("超出您的权限范围");
    assertThat(p.detail(Languages.CHINESE)).isEqualTo("修改小区 7需要针对整个小区授予的权限。");
  }
}
