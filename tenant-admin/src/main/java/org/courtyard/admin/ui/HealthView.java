package org.courtyard.admin.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.api.Health;
import org.courtyard.admin.api.OperatorApi;
import org.courtyard.admin.api.TenantStats;
import org.courtyard.admin.api.Traffic;

/**
 * Container, database and broker status, per-tenant counts, and API/ingest traffic of the last
 * hour; refreshed every {@value #REFRESH_SECONDS} s while auto-refresh is on.
 */
@Route(value = "health", layout = MainLayout.class)
public final class HealthView extends VerticalLayout implements HasDynamicTitle {

  static final int REFRESH_SECONDS = 10;
  static final int TRAFFIC_MINUTES = 60;

  /** A component of the platform as a row. */
  record ComponentRow(String name, String status, String latency, String detail) {}

  private final OperatorApi api = ConsoleSession.requireApi();

  private final Span overall = new Span();
  private final Span facts = new Span();
  private final Grid<ComponentRow> components = new Grid<>(ComponentRow.class, false);
  private final Grid<TenantStats> stats = new Grid<>(TenantStats.class, false);
  private final Div chart = new Div();
  private final Span updated = new Span();
  private final Checkbox auto = new Checkbox();
  private Registration pollListener;

  public HealthView() {
    add(new H2(getTranslation("health.title")));

    Button refresh = new Button(getTranslation("action.refresh"), e -> refresh());
    refresh.setId("health-refresh");
    auto.setLabel(getTranslation("health.auto", String.valueOf(REFRESH_SECONDS)));
    auto.setId("health-auto");
    auto.setValue(true);
    auto.addValueChangeListener(e -> getUI().ifPresent(this::applyPolling));
    HorizontalLayout tools = new HorizontalLayout(refresh, auto, updated);
    tools.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    add(tools);

    overall.setId("health-status");
    overall.getStyle().set("font-weight", "bold");
    facts.setId("health-facts");
    add(new HorizontalLayout(overall, facts));

    components.setId("health-components");
    components.addThemeVariants(GridVariant.LUMO_COMPACT);
    components.setAllRowsVisible(true);
    components
        .addColumn(ComponentRow::name)
        .setKey("name")
        .setHeader(getTranslation("health.component"))
        .setAutoWidth(true);
    components
        .addColumn(ComponentRow::status)
        .setKey("status")
        .setHeader(getTranslation("health.status"))
        .setAutoWidth(true);
    components
        .addColumn(ComponentRow::latency)
        .setKey("latency")
        .setHeader(getTranslation("health.latency"))
        .setAutoWidth(true);
    components
        .addColumn(ComponentRow::detail)
        .setKey("detail")
        .setHeader(getTranslation("health.detail"));
    add(components);

    stats.setId("tenant-stats");
    stats.addThemeVariants(GridVariant.LUMO_COMPACT);
    stats.setAllRowsVisible(true);
    stats
        .addColumn(TenantStats::tenant)
        .setKey("tenant")
        .setHeader(getTranslation("health.tenant"))
        .setAutoWidth(true);
    stats
        .addColumn(s -> count(s.rooms()))
        .setKey("rooms")
        .setHeader(getTranslation("health.rooms"))
        .setAutoWidth(true);
    stats
        .addColumn(s -> count(s.residents()))
        .setKey("residents")
        .setHeader(getTranslation("health.residents"))
        .setAutoWidth(true);
    stats
        .addColumn(s -> count(s.devices()))
        .setKey("devices")
        .setHeader(getTranslation("health.devices"))
        .setAutoWidth(true);
    stats
        .addColumn(
            s -> s.lastIngestAt() == null ? "—" : TenantsView.CREATED.format(s.lastIngestAt()))
        .setKey("lastIngest")
        .setHeader(getTranslation("health.lastIngest"))
        .setAutoWidth(true);
    add(new H3(getTranslation("health.tenants")), stats);

    chart.setId("traffic-chart");
    add(new H3(getTranslation("health.traffic")), chart);

    refresh();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("health.title");
  }

  @Override
  protected void onAttach(AttachEvent event) {
    pollListener = event.getUI().addPollListener(e -> refresh());
    applyPolling(event.getUI());
  }

  @Override
  protected void onDetach(DetachEvent event) {
    if (pollListener != null) {
      pollListener.remove();
      pollListener = null;
    }
    Background.setBasePollInterval(event.getUI(), -1);
  }

  private void applyPolling(com.vaadin.flow.component.UI ui) {
    Background.setBasePollInterval(ui, auto.getValue() ? REFRESH_SECONDS * 1000 : -1);
  }

  private String count(Integer n) {
    return n == null ? getTranslation("health.notEnabled") : String.valueOf(n);
  }

  void refresh() {
    try {
      Health h = api.health();
      overall.setText(getTranslation("health.overall", Texts.state("status.", h.status())));
      overall
          .getStyle()
          .set(
              "color",
              "up".equals(h.status())
                  ? "var(--lumo-success-text-color)"
                  : "var(--lumo-error-text-color)");
      facts.setText(
          getTranslation(
              "health.facts",
              String.valueOf(h.version()),
              uptime(h.uptimeSeconds()),
              String.valueOf(h.tenants()),
              String.valueOf(h.java()),
              String.valueOf(h.heapUsedMb())));
      List<ComponentRow> rows = new ArrayList<>();
      for (String name : List.of("container", "database", "broker")) {
        Health.Component c = h.components().get(name);
        rows.add(
            c == null
                ? new ComponentRow(
                    getTranslation("health.c." + name), getTranslation("status.unknown"), "", "")
                : new ComponentRow(
                    getTranslation("health.c." + name),
                    Texts.state("status.", c.status()),
                    c.latencyMs() == null ? "" : c.latencyMs() + " ms",
                    c.detail() == null ? "" : c.detail()));
      }
      for (Map.Entry<String, Health.Component> e : h.components().entrySet()) {
        if (!List.of("container", "database", "broker").contains(e.getKey())) {
          Health.Component c = e.getValue();
          rows.add(
              new ComponentRow(
                  e.getKey(),
                  Texts.state("status.", c.status()),
                  c.latencyMs() == null ? "" : c.latencyMs() + " ms",
                  c.detail() == null ? "" : c.detail()));
        }
      }
      components.setItems(rows);
      stats.setItems(api.stats());
      Traffic t = api.traffic(TRAFFIC_MINUTES);
      chart
          .getElement()
          .setProperty(
              "innerHTML",
              TrafficChart.svg(
                  t,
                  getTranslation("health.traffic"),
                  getTranslation("health.series.api"),
                  getTranslation("health.series.ingest"),
                  getTranslation("health.noData")));
      updated.setText(
          getTranslation("health.updated", TenantsView.CREATED.format(java.time.Instant.now())));
    } catch (RuntimeException e) {
      Errors.show(e);
    }
  }

  static String uptime(long seconds) {
    long h = seconds / 3600;
    long m = seconds % 3600 / 60;
    long s = seconds % 60;
    return h > 0 ? h + "h " + m + "m" : m > 0 ? m + "m " + s + "s" : s + "s";
  }

  String chartSvg() {
    return chart.getElement().getProperty("innerHTML");
  }
}
