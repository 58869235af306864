package org.courtyard.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import org.courtyard.admin.api.ModuleInfo;
import org.courtyard.admin.api.OperatorApi;
import org.courtyard.admin.api.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModulesViewTest extends ConsoleTestBase {

  private static final String SLUG = "modular";

  @BeforeEach
  void tenantAndLogin() {
    OperatorApi api = new OperatorApi(fake.baseUrl(), PASSWORD);
    if (api.tenants().stream().noneMatch(t -> t.slug().equals(SLUG))) {
      api.onboard(SLUG, "Modular Co", List.of());
    }
    api.tenant(SLUG).modules().stream()
        .sorted((a, b) -> a.equals("estate") ? 1 : b.equals("estate") ? -1 : 0)
        .forEach(m -> api.disableModule(SLUG, m));
    api.setPlan(SLUG, null);
    login();
    UI.getCurrent().navigate(ModulesView.class, QueryParameters.of("tenant", SLUG));
  }

  @SuppressWarnings("unchecked")
  private static Grid<ModuleInfo> perTenant() {
    return _get(Grid.class, spec -> spec.withId("tenant-modules"));
  }

  private static Button switchOf(String module) {
    List<ModuleInfo> rows = GridKt._findAll(perTenant());
    int row =
        rows.indexOf(rows.stream().filter(m -> m.id().equals(module)).findFirst().orElseThrow());
    return (Button) GridKt._getCellComponent(perTenant(), row, "switch");
  }

  private static List<String> outcomes() {
    return _find(_get(VerticalLayout.class, spec -> spec.withId("module-outcomes")), Span.class)
        .stream()
        .map(Span::getText)
        .toList();
  }

  @Test
  void theTenantFromTheLinkIsSelected() {
    @SuppressWarnings("unchecked")
    ComboBox<Tenant> tenant = _get(ComboBox.class, spec -> spec.withId("module-tenant"));
    assertThat(tenant.getValue().slug()).isEqualTo(SLUG);
    assertThat(GridKt._findAll(perTenant()))
        .extracting(ModuleInfo::id)
        .containsExactly("billing", "devices", "estate", "residents", "security");
  }

  private static Checkbox checkbox(String id) {
    return _get(Checkbox.class, spec -> spec.withId(id));
  }

  private static Checkbox planOf(String module) {
    List<ModuleInfo> rows = GridKt._findAll(perTenant());
    int row =
        rows.indexOf(rows.stream().filter(m -> m.id().equals(module)).findFirst().orElseThrow());
    return (Checkbox) GridKt._getCellComponent(perTenant(), row, "plan");
  }

  @Test
  void aPlanLocksTheModulesOutsideItUntilTheyAreTicked() {
    assertThat(checkbox("plan-open").getValue()).isTrue();
    assertThat(planOf("estate").isEnabled()).isFalse();

    HasValueUtilsKt._setValue(checkbox("plan-open"), false);
    assertThat(new OperatorApi(fake.baseUrl(), PASSWORD).tenant(SLUG).plan()).isEmpty();
    assertThat(outcomes().get(0)).isEqualTo("Plan of modular: —");
    assertThat(switchOf("estate").isEnabled()).isFalse();
    assertThat(switchOf("estate").getTooltip().getText())
        .isEqualTo("Not in the plan of this company: tick it under \"In plan\" first");

    HasValueUtilsKt._setValue(planOf("estate"), true);
    assertThat(outcomes().get(0)).isEqualTo("Plan of modular: estate");
    assertThat(switchOf("estate").isEnabled()).isTrue();
    ButtonKt._click(switchOf("estate"));
    await(() -> outcomes().get(0).startsWith("Enabled estate"));
    // an enabled module cannot be taken out of the plan
    assertThat(planOf("estate").isEnabled()).isFalse();
    assertThat(switchOf("billing").getTooltip().getText()).startsWith("Not in the plan");

    HasValueUtilsKt._setValue(checkbox("plan-open"), true);
    assertThat(outcomes().get(0)).isEqualTo("Plan of modular: every module");
    assertThat(new OperatorApi(fake.baseUrl(), PASSWORD).tenant(SLUG).plan()).isNull();
    assertThat(switchOf("billing").isEnabled()).isTrue();
  }

  @Test
  void aModuleWhoseRequirementIsOffCannotBeSwitchedOn() {
    Button billing = switchOf("billing");
    assertThat(billing.getText()).isEqualTo("Enable");
    assertThat(billing.isEnabled()).isFalse();
    assertThat(billing.getTooltip().getText()).isEqualTo("Enable estate first");
    assertThat(switchOf("estate").isEnabled()).isTrue();
  }

  @Test
  void switchingOnShowsTookMsAndUnlocksWhatNeededIt() {
    ButtonKt._click(switchOf("estate"));
    await(() -> !outcomes().isEmpty());

    assertThat(outcomes().get(0)).matches("Enabled estate for modular in \\d+ ms");
    assertThat(switchOf("estate").getText()).isEqualTo("Disable");
    assertThat(switchOf("billing").isEnabled()).isTrue();

    ButtonKt._click(switchOf("billing"));
    await(() -> outcomes().size() == 2);
    assertThat(outcomes().get(0)).matches("Enabled billing for modular in \\d+ ms");
    // estate is required by billing now: it cannot be switched off
    assertThat(switchOf("estate").isEnabled()).isFalse();
    assertThat(switchOf("estate").getTooltip().getText()).isEqualTo("Still required by billing");

    ButtonKt._click(switchOf("billing"));
    await(() -> outcomes().size() == 3);
    assertThat(outcomes().get(0)).matches("Disabled billing for modular in \\d+ ms");
  }

  @Test
  void aRefusalIsListedWithTheApiDetail() {
    OperatorApi other = new OperatorApi(fake.baseUrl(), PASSWORD);
    other.enableModule(SLUG, "estate");
    UI.getCurrent().navigate(TenantsView.class);
    UI.getCurrent().navigate(ModulesView.class, QueryParameters.of("tenant", SLUG));
    Button devices = switchOf("devices");
    assertThat(devices.isEnabled()).isTrue();
    // another operator switches estate off behind this page's back
    other.disableModule(SLUG, "estate");

    ButtonKt._click(devices);
    await(() -> !outcomes().isEmpty());

    assertThat(outcomes().get(0))
        .isEqualTo(
            "devices for modular: Required module not enabled: Module 'devices' requires module"
                + " 'estate', which is not enabled for this tenant. Enable 'estate' first.");
    assertThat(notificationTexts()).anyMatch(t -> t.startsWith("Required module not enabled"));
    // the page reloaded the tenant: devices is locked again
    assertThat(switchOf("devices").isEnabled()).isFalse();
  }

  @Test
  void theContainerTableListsVersionsOfInstalledModules() {
    ButtonKt._click(switchOf("estate"));
    await(() -> !outcomes().isEmpty());

    @SuppressWarnings("unchecked")
    Grid<ModuleInfo> installed = _get(Grid.class, spec -> spec.withId("installed-modules"));
    List<ModuleInfo> rows = GridKt._findAll(installed);
    int estate =
        rows.indexOf(rows.stream().filter(m -> m.id().equals("estate")).findFirst().orElseThrow());
    assertThat(GridKt._getFormatted(installed, estate, "version")).isEqualTo("0.1.0.SNAPSHOT");
    assertThat(GridKt._getFormatted(installed, estate, "installed")).isEqualTo("yes");
    int billing =
        rows.indexOf(rows.stream().filter(m -> m.id().equals("billing")).findFirst().orElseThrow());
    assertThat(GridKt._getFormatted(installed, billing, "requires")).isEqualTo("estate");
  }
}
