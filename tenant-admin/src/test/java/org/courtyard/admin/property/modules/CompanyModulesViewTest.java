package org.courtyard.admin.property.modules;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.courtyard.admin.contract.FakeCompanyModulesArea;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.property.PropertyTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CompanyModulesViewTest extends PropertyTestBase {

  private static final List<String> ALL =
      List.of("billing", "devices", "estate", "parking", "residents", "security", "workorders");

  private FakeCompanyModulesArea modules;

  @BeforeEach
  void companyWithALockedModule() {
    modules = fake.area(FakeCompanyModulesArea.class);
    modules.plan(COMPANY, List.of("billing", "devices", "estate", "residents"));
    modules.enabled(COMPANY, List.of("billing", "devices", "estate", "residents"));
  }

  @AfterEach
  void everyModuleAgain() {
    modules.plan(COMPANY, null);
    modules.enabled(COMPANY, ALL);
  }

  private static void open(String user) {
    signIn(user);
    UI.getCurrent().navigate(CompanyModulesView.class);
  }

  @SuppressWarnings("unchecked")
  private static Grid<CompanyModule> grid() {
    return _get(Grid.class, spec -> spec.withId("company-modules-grid"));
  }

  private static Button action(String module) {
    List<CompanyModule> rows = GridKt._findAll(grid());
    int row =
        rows.indexOf(rows.stream().filter(m -> m.id().equals(module)).findFirst().orElseThrow());
    return (Button) GridKt._getCellComponent(grid(), row, "action");
  }

  private static String state(String module) {
    List<CompanyModule> rows = GridKt._findAll(grid());
    int row =
        rows.indexOf(rows.stream().filter(m -> m.id().equals(module)).findFirst().orElseThrow());
    Span s = (Span) GridKt._getCellComponent(grid(), row, "state");
    return _find(s, Span.class).stream()
        .map(Span::getText)
        .filter(t -> t != null && !t.isBlank())
        .findFirst()
        .orElse(s.getText());
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      MockVaadin.clientRoundtrip();
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the UI did not reach the expected state in 10 s");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void everyModuleIsListedWithItsStateAndAModuleOutsideThePlanIsLocked() {
    open("admin");

    assertThat(GridKt._findAll(grid()))
        .extracting(CompanyModule::id)
        .containsExactly(
            "billing", "devices", "estate", "parking", "residents", "security", "workorders");
    assertThat(state("billing")).isEqualTo("Enabled");
    assertThat(state("security")).isEqualTo("Not in your plan");
    assertThat(action("security").isEnabled()).isFalse();
    assertThat(action("security").getTooltip().getText())
        .isEqualTo("Your plan does not include this module; your Courtyard provider can add it.");
    assertThat(action("estate").isEnabled()).isFalse();
    assertThat(action("estate").getTooltip().getText()).startsWith("Still required by ");
  }

  @Test
  void disablingAsksFirstThenHidesTheModulesScreensAndKeepsTheRest() {
    open("admin");
    assertThat(PropertySession.can("billing.bill.read")).isTrue();

    ButtonKt._click(action("billing"));
    Button cancel = _get(Button.class, spec -> spec.withId("disable-cancel"));
    ButtonKt._click(cancel);
    assertThat(state("billing")).isEqualTo("Enabled");

    ButtonKt._click(action("billing"));
    ButtonKt._click(_get(Button.class, spec -> spec.withId("disable-confirm")));
    await(() -> state("billing").equals("Off"));

    assertThat(PropertySession.modules().orElseThrow()).doesNotContain("billing");
    assertThat(PropertySession.can("billing.bill.read")).isFalse();
    assertThat(action("billing").getText()).isEqualTo("Enable");
    assertThat(_get(PropertyLayout.class)).isNotNull();

    ButtonKt._click(action("billing"));
    await(() -> state("billing").equals("Enabled"));
    assertThat(PropertySession.can("billing.bill.read")).isTrue();
  }

  @Test
  void aModuleWhoseRequirementIsOffSaysWhichToEnableFirst() {
    modules.enabled(COMPANY, List.of("estate"));
    modules.plan(COMPANY, null);
    open("admin");

    assertThat(action("security").isEnabled()).isFalse();
    assertThat(action("security").getTooltip().getText()).isEqualTo("Enable Devices first");
    assertThat(action("devices").isEnabled()).isTrue();
  }

  @Test
  void staffWithoutTheModulePermissionSeeTheListButNoSwitches() {
    open("cashier");

    assertThat(state("billing")).isEqualTo("Enabled");
    assertThat(grid().getColumnByKey("action")).isNull();
  }
}
