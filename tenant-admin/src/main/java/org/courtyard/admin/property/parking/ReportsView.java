package org.courtyard.admin.property.parking;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.property.today.TodayChart;
import org.courtyard.admin.property.today.TodayTiles;
import org.courtyard.admin.ui.Errors;

/**
 * Parking's reports for a manager (停车报表): over a period and one lot or all, the vehicles inside by
 * hour of the day, temporary parking's takings per day (at the exit and ahead), how long vehicles
 * stay, as charts drawn on the server; the monthly cards ending in the next 30 days; each report as
 * the API's CSV file.
 */
@Route(value = "parking/reports", layout = PropertyLayout.class)
@PropertyScreen(
    order = 950,
    titleKey = "parking.reports.title",
    icon = "BAR_CHART",
    permission = ReportsView.READ)
public final class ReportsView extends VerticalLayout implements HasDynamicTitle {

  static final String READ = "parking.report.read";
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final Select<Lot> lot = new Select<>();
  private final DatePicker from = new DatePicker();
  private final DatePicker to = new DatePicker();
  private final Div occupancyChart = chart("parking-report-occupancy");
  private final Div revenueChart = chart("parking-report-revenue");
  private final Div dwellChart = chart("parking-report-dwell");
  private final Span revenueTotals = new Span();
  private final Span dwellMedian = new Span();
  private final Grid<Reports.ExpiringCard> expiring = new Grid<>(Reports.ExpiringCard.class, false);
  private ParkingClient client;

  public ReportsView() {
    setId("parking-reports");
    add(new H2(getTranslation("parking.reports.title")));
    lot.setId("reports-lot");
    lot.setLabel(getTranslation("parking.lot"));
    lot.setEmptySelectionAllowed(true);
    lot.setEmptySelectionCaption(getTranslation("parking.reports.all-lots"));
    lot.setItemLabelGenerator(l -> l == null ? "" : l.code() + " " + l.name());
    LocalDate today = LocalDate.now(SHANGHAI);
    from.setId("reports-from");
    from.setLabel(getTranslation("parking.reports.from"));
    from.setValue(today.minusDays(29));
    to.setId("reports-to");
    to.setLabel(getTranslation("parking.reports.to"));
    to.setValue(today);
    lot.addValueChangeListener(e -> show());
    from.addValueChangeListener(e -> show());
    to.addValueChangeListener(e -> show());
    HorizontalLayout bar = new HorizontalLayout(lot, from, to);
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add(bar);

    revenueTotals.setId("reports-revenue-totals");
    dwellMedian.setId("reports-dwell-median");
    FlexLayout charts =
        new FlexLayout(
            section("parking.reports.occupancy", "occupancy", occupancyChart),
            section("parking.reports.revenue", "revenue", revenueChart, revenueTotals),
            section("parking.reports.dwell", "dwell", dwellChart, dwellMedian));
    charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    charts.getStyle().set("gap", "var(--lumo-space-l)");
    add(charts);

    expiring.setId("reports-expiring");
    expiring.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    expiring.setAllRowsVisible(true);
    expiring
        .addColumn(Reports.ExpiringCard::plate)
        .setKey("plate")
        .setHeader(getTranslation("parking.card.plate"));
    expiring
        .addColumn(Reports.ExpiringCard::holderName)
        .setKey("holder")
        .setHeader(getTranslation("parking.reports.holder"));
    expiring
        .addColumn(k -> k.holderPhone() == null ? "" : k.holderPhone())
        .setKey("phone")
        .setHeader(getTranslation("parking.reports.phone"));
    expiring
        .addColumn(Reports.ExpiringCard::lotCode)
        .setKey("lot")
        .setHeader(getTranslation("parking.lot"));
    expiring
        .addColumn(k -> k.lastDay().toString())
        .setKey("lastDay")
        .setHeader(getTranslation("parking.card.last"));
    expiring
        .addColumn(k -> getTranslation("parking.reports.days-left", k.daysLeft()))
        .setKey("daysLeft")
        .setHeader(getTranslation("parking.reports.days-left.header"));
    add(heading("parking.reports.expiring", "expiring-cards"), expiring);
  }

  private static Div chart(String id) {
    Div d = new Div();
    d.setId(id);
    d.setWidth("360px");
    return d;
  }

  private VerticalLayout section(String titleKey, String report, Div chart, Span... notes) {
    VerticalLayout v = new VerticalLayout(heading(titleKey, report), chart);
    for (Span n : notes) {
      v.add(n);
    }
    v.setPadding(false);
    v.setWidth("380px");
    return v;
  }

  /** A report's title and the link to its CSV file. */
  private HorizontalLayout heading(String titleKey, String report) {
    Anchor csv = new Anchor();
    csv.setId("reports-csv-" + report);
    csv.setText(getTranslation("parking.reports.csv"));
    csv.getElement().insertChild(0, VaadinIcon.DOWNLOAD.create().getElement());
    csv.setHref(new CsvDownload(report), AttachmentType.DOWNLOAD);
    HorizontalLayout h = new HorizontalLayout(new H3(getTranslation(titleKey)), csv);
    h.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    return h;
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (PropertySession.signedIn() && client == null) {
      client = new ParkingClient(PropertySession.api());
      try {
        lot.setItems(client.lots());
      } catch (RuntimeException e) {
        Errors.show(e);
      }
      show();
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("parking.reports.title");
  }

  private Long lotId() {
    return lot.getValue() == null ? null : lot.getValue().id();
  }

  /** Reads the reports for the period and lot chosen and draws them. */
  void show() {
    if (client == null || from.getValue() == null || to.getValue() == null) {
      return;
    }
    Locale locale = getLocale();
    try {
      Reports.Occupancy occupancy = client.occupancyReport(from.getValue(), to.getValue(), lotId());
      occupancyChart
          .getElement()
          .setProperty(
              "innerHTML",
              TodayChart.svg(
                  occupancySeries(occupancy), locale, getTranslation("parking.reports.occupancy")));
      Reports.Revenue revenue = client.revenueReport(from.getValue(), to.getValue(), lotId());
      revenueChart
          .getElement()
          .setProperty(
              "innerHTML",
              TodayChart.svg(
                  revenueSeries(revenue), locale, getTranslation("parking.reports.revenue")));
      revenueTotals.setText(
          getTranslation(
              "parking.reports.revenue.totals",
              revenue.total().toPlainString(),
              revenue.payments(),
              revenue.atExit().toPlainString(),
              revenue.ahead().toPlainString()));
      Reports.Dwell dwell = client.dwellReport(from.getValue(), to.getValue(), lotId());
      dwellChart
          .getElement()
          .setProperty(
              "innerHTML",
              TodayChart.svg(dwellSeries(dwell), locale, getTranslation("parking.reports.dwell")));
      dwellMedian.setText(
          dwell.medianTemporaryMinutes() == null
              ? getTranslation("parking.reports.dwell.none")
              : getTranslation("parking.reports.dwell.median", dwell.medianTemporaryMinutes()));
      expiring.setItems(client.expiringCards(30, lotId()));
    } catch (RuntimeException e) {
      Errors.show(e);
    }
  }

  /** Vehicles inside at each hour, average and peak, over the lots shown. */
  private List<TodayTiles.Series> occupancySeries(Reports.Occupancy r) {
    BigDecimal[] avg = new BigDecimal[24];
    int[] peak = new int[24];
    java.util.Arrays.fill(avg, BigDecimal.ZERO);
    for (Reports.OccupancyLot l : r.lots()) {
      for (Reports.Hour h : l.hours()) {
        avg[h.hour()] = avg[h.hour()].add(h.avgInside());
        peak[h.hour()] += h.peakInside();
      }
    }
    List<TodayTiles.Point> a = new ArrayList<>();
    List<TodayTiles.Point> p = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      String label = String.format(Locale.ROOT, "%02d", h);
      a.add(new TodayTiles.Point(label, avg[h]));
      p.add(new TodayTiles.Point(label, BigDecimal.valueOf(peak[h])));
    }
    return List.of(
        series("parking.reports.avg-inside", a), series("parking.reports.peak-inside", p));
  }

  private List<TodayTiles.Series> revenueSeries(Reports.Revenue r) {
    List<TodayTiles.Point> exit = new ArrayList<>();
    List<TodayTiles.Point> ahead = new ArrayList<>();
    for (Reports.RevenueDay d : r.days()) {
      String label = String.format(Locale.ROOT, "%02d", d.day().getDayOfMonth());
      exit.add(new TodayTiles.Point(label, d.atExit()));
      ahead.add(new TodayTiles.Point(label, d.ahead()));
    }
    return List.of(series("parking.reports.at-exit", exit), series("parking.reports.ahead", ahead));
  }

  private List<TodayTiles.Series> dwellSeries(Reports.Dwell r) {
    List<TodayTiles.Point> temporary = new ArrayList<>();
    List<TodayTiles.Point> card = new ArrayList<>();
    List<TodayTiles.Point> white = new ArrayList<>();
    for (Reports.Bucket b : r.buckets()) {
      String label = bucket(b);
      temporary.add(new TodayTiles.Point(label, BigDecimal.valueOf(b.temporary())));
      card.add(new TodayTiles.Point(label, BigDecimal.valueOf(b.card())));
      white.add(new TodayTiles.Point(label, BigDecimal.valueOf(b.whiteList())));
    }
    return List.of(
        series("parking.reports.temporary", temporary),
        series("parking.reports.card", card),
        series("parking.reports.white-list", white));
  }

  /** "<15m", "1-3h", "≥1d": a bucket short enough to sit under its bars. */
  static String bucket(Reports.Bucket b) {
    if (b.toMinutes() == null) {
      return "≥" + span(b.fromMinutes());
    }
    if (b.fromMinutes() == 0) {
      return "<" + span(b.toMinutes());
    }
    return span(b.fromMinutes()) + "-" + span(b.toMinutes());
  }

  private static String span(int minutes) {
    if (minutes % 1440 == 0) {
      return minutes / 1440 + "d";
    }
    if (minutes % 60 == 0) {
      return minutes / 60 + "h";
    }
    return minutes + "m";
  }

  private TodayTiles.Series series(String key, List<TodayTiles.Point> points) {
    return new TodayTiles.Series(
        getTranslation(Locale.ENGLISH, key), getTranslation(Locale.CHINESE, key), points);
  }

  /** Streams one report as the API's CSV file, for the period and lot shown. */
  private final class CsvDownload implements DownloadHandler {

    private final String report;

    CsvDownload(String report) {
      this.report = report;
    }

    @Override
    public void handleDownloadRequest(DownloadEvent event) throws IOException {
      byte[] body;
      try {
        body = client.reportCsv(report, from.getValue(), to.getValue(), lotId());
      } catch (ApiProblem | ApiUnreachable e) {
        event.getResponse().setStatus(e instanceof ApiProblem p ? p.status() : 502);
        event.setContentType("text/plain; charset=UTF-8");
        event.getOutputStream().write(Errors.message(e).getBytes(StandardCharsets.UTF_8));
        return;
      }
      event.setFileName("parking-" + report + ".csv");
      event.setContentType("text/csv; charset=UTF-8");
      event.setContentLength(body.length);
      event.getOutputStream().write(body);
    }
  }
}
