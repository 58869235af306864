package org.courtyard.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.courtyard.api.ProblemException;
import org.junit.jupiter.api.Test;

class ModuleOrderTest {

  private static final Map<String, List<String>> REQUIRES =
      Map.of(
          "estate", List.of(),
          "residents", List.of("estate"),
          "billing", List.of("estate", "residents"),
          "security", List.of("estate"));

  @Test
  void requiredModulesComeFirstWhateverTheRequestOrder() {
    List<String> order =
        ModuleOrder.resolve(
            List.of("billing", "security", "residents", "estate"), REQUIRES, Set.of());
    assertThat(order).containsExactlyInAnyOrder("estate", "residents", "billing", "security");
    assertThat(order.indexOf("estate")).isLessThan(order.indexOf("residents"));
    assertThat(order.indexOf("residents")).isLessThan(order.indexOf("billing"));
    assertThat(order.indexOf("estate")).isLessThan(order.indexOf("security"));
  }

  @Test
  void alreadyEnabledModulesSatisfyRequirements() {
    assertThat(ModuleOrder.resolve(List.of("residents"), REQUIRES, Set.of("estate")))
        .containsExactly("residents");
  }

  @Test
  void aMissingRequirementIsAConflictNamingIt() {
    assertThatThrownBy(() -> ModuleOrder.resolve(List.of("billing", "estate"), REQUIRES, Set.of()))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("'billing' requires module 'residents'")
        .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(409));
  }

  @Test
  void cyclesAreReported() {
    Map<String, List<String>> cyclic = Map.of("a1", List.of("b1"), "b1", List.of("a1"));
    assertThatThrownBy(() -> ModuleOrder.resolve(List.of("a1", "b1"), cyclic, Set.of()))
        .isInstanceOf(ProblemException.class)
        .satisfies(
            e -> assertThat(((ProblemException) e).type()).isEqualTo("module-dependency-cycle"));
  }
}
