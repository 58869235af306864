package org.courtyard.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.courtyard.admin.api.OperatorApi;
import org.courtyard.admin.api.TenantStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthViewTest extends ConsoleTestBase {

  @BeforeEach
  void tenantAndLogin() {
    OperatorApi api = new OperatorApi(fake.baseUrl(), PASSWORD);
    if (api.tenants().stream().noneMatch(t -> t.slug().equals("counted"))) {
      api.onboard("counted", "Counted Co", List.of("estate", "residents"));
    }
    fake.counts("counted", 120, 340, 0);
    login();
    UI.getCurrent().navigate(HealthView.class);
  }

  @AfterEach
  void databaseBack() {
    fake.databaseDown(false);
  }

  @SuppressWarnings("unchecked")
  private static <T> Grid<T> grid(String id) {
    return _get(Grid.class, spec -> spec.withId(id));
  }

  @Test
  void showsContainerDatabaseAndBroker() {
    assertThat(_get(Span.class, spec -> spec.withId("health-status")).getText())
        .isEqualTo("Courtyard is up");
    Grid<HealthView.ComponentRow> components = grid("health-components");
    assertThat(GridKt._findAll(components))
        .extracting(HealthView.ComponentRow::name, HealthView.ComponentRow::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Container", "up"),
            org.assertj.core.groups.Tuple.tuple("Database", "up"),
            org.assertj.core.groups.Tuple.tuple("MQTT broker", "up"));
    assertThat(GridKt._getFormattedRow(components, 1)).contains("1 ms", "PostgreSQL 15.19 (fake)");
    assertThat(_get(Span.class, spec -> spec.withId("health-facts")).getText())
        .contains("0.1.0-SNAPSHOT");
  }

  @Test
  void aDatabaseOutageShowsAfterRefresh() {
    fake.databaseDown(true);

    ButtonKt._click(_get(Button.class, spec -> spec.withId("health-refresh")));

    assertThat(_get(Span.class, spec -> spec.withId("health-status")).getText())
        .isEqualTo("Courtyard is degraded");
    assertThat(GridKt._getFormattedRow(grid("health-components"), 1)).contains("Database", "down");
  }

  @Test
  void perTenantCountsSayWhenAModuleIsOff() {
    Grid<TenantStats> stats = grid("tenant-stats");
    int row = GridKt._findAll(stats).stream().map(TenantStats::tenant).toList().indexOf("counted");
    assertThat(GridKt._getFormattedRow(stats, row))
        .containsExactly("counted", "120", "340", "module off", "—");
  }

  @Test
  void drawsTheTrafficOfTheLastHourAsSvg() {
    fake.ingested(7);
    ButtonKt._click(_get(Button.class, spec -> spec.withId("health-refresh")));
    String svg = _get(HealthView.class).chartSvg();
    assertThat(svg).startsWith("<svg").endsWith("</svg>");
    assertThat(svg)
        .contains(
            "class=\"series-api\"",
            "class=\"series-ingest\"",
            "API requests",
            "Device messages stored");
    // 60 minutes: 60 points per series, the last one at the right edge
    String ingest = svg.substring(svg.indexOf("class=\"series-ingest\""));
    String points = ingest.substring(ingest.indexOf("points=\"") + 8, ingest.indexOf("\"/>"));
    assertThat(points.split(" ")).hasSize(60);
    // the fake counted this test's own requests: the API line is not flat at zero
    String api = svg.substring(svg.indexOf("class=\"series-api\""));
    String apiPoints = api.substring(api.indexOf("points=\"") + 8, api.indexOf("\"/>"));
    assertThat(apiPoints.split(" ")).hasSize(60).anyMatch(p -> !p.endsWith(",212.0"));
    assertThat(points.split(" ")).anyMatch(p -> !p.endsWith(",212.0"));
  }

  @Test
  void autoRefreshPollsWhileOnThePage() {
    assertThat(UI.getCurrent().getPollInterval()).isEqualTo(HealthView.REFRESH_SECONDS * 1000);
    UI.getCurrent().navigate(TenantsView.class);
    assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
  }
}
