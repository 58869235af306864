package org.courtyard.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.courtyard.api.Languages;
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
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.detail())
                  .isEqualTo(
                      "Module 'billing' requires module 'residents', which is not enabled for"
                          + " this tenant. Enable 'residents' first.");
              assertThat(e.title(Languages.CHINESE)).isEqualTo("所需模块未启用");
              assertThat(e.detail(Languages.CHINESE))
                  .isEqualTo("模块“billing”依赖模块“residents”，而本物业公司尚未启用它。请先启用“residents”。");
            });
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
