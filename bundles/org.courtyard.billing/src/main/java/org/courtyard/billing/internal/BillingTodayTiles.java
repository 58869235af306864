package org.courtyard.billing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.api.rest.TodayTile;
import org.courtyard.api.rest.TodayTiles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Billing's tiles on the Today screen: this month's bills, billed, collected and collection rate
 * (with 12 months of billed and collected as a chart) for {@code billing.statistics.read}, and
 * arrears over 90 days for {@code billing.arrears.read}, each in the scope the caller holds it in.
 * The numbers are {@link TodayFigures}', which are the statistics' and the arrears' own.
 */
@Component(service = TodayTiles.class)
public final class BillingTodayTiles implements TodayTiles {

  static final String STATISTICS = "billing.statistics.read";
  static final String ARREARS = "billing.arrears.read";
  private static final int MONTHS = 12;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final BillingInstances billing;

  @Activate
  public BillingTodayTiles(@Reference BillingInstances billing) {
    this.billing = billing;
  }

  @Override
  public String moduleId() {
    return BillingModule.ID;
  }

  @Override
  public List<TodayTile> tiles(TenantPrincipal caller) {
    Optional<DataScope> statistics = caller.scopeFor(STATISTICS);
    Optional<DataScope> arrears = caller.scopeFor(ARREARS);
    if (statistics.isEmpty() && arrears.isEmpty()) {
      return List.of();
    }
    TodayFigures figures = billing.require(caller.tenant()).today();
    Catalog.Settings settings = figures.settings();
    String currency = settings.currency();
    LocalDate today = figures.today(settings);
    List<TodayTile> tiles = new ArrayList<>();
    if (statistics.isPresent()) {
      YearMonth now = YearMonth.from(today);
      Map<YearMonth, TodayFigures.Month> months = figures.months(now, MONTHS, statistics.get());
      TodayFigures.Month month = months.get(now);
      String report = "/api/v1/billing/statistics/collection?period=" + now;
      List<TodayTile.Point> billed = new ArrayList<>();
      List<TodayTile.Point> collected = new ArrayList<>();
      months
          .values()
          .forEach(
              m -> {
                billed.add(new TodayTile.Point(m.period().toString(), m.billed()));
                collected.add(new TodayTile.Point(m.period().toString(), m.collected()));
              });
      tiles.add(
          TodayTile.money(
                  "billing.billed-this-month",
                  STATISTICS,
                  "Billed this month",
                  "本月应收",
                  month.billed(),
                  currency,
                  report)
              .withSeries(
                  List.of(
                      new TodayTile.Series("Billed", "应收", billed),
                      new TodayTile.Series("Collected", "实收", collected))));
      tiles.add(
          TodayTile.count(
              "billing.bills-this-month",
              STATISTICS,
              "Bills for this month",
              "本月账单",
              month.bills(),
              "/api/v1/billing/bills?period=" + now));
      tiles.add(
          TodayTile.money(
              "billing.collected-this-month",
              STATISTICS,
              "Collected this month",
              "本月实收",
              month.collected(),
              currency,
              report));
      BigDecimal rate = month.rate();
      tiles.add(
          TodayTile.percent(
              "billing.collection-rate",
              STATISTICS,
              "Collection rate this month",
              "本月收缴率",
              rate == null ? null : rate.multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP),
              report));
    }
    if (arrears.isPresent()) {
      BigDecimal owed = figures.arrearsOver90Days(today, arrears.get());
      tiles.add(
          TodayTile.money(
                  "billing.arrears-over-90-days",
                  ARREARS,
                  "Arrears over 90 days",
                  "逾期90天以上欠费",
                  owed,
                  currency,
                  "/api/v1/billing/arrears")
              .withTone(owed.signum() > 0 ? TodayTile.Tone.WARNING : TodayTile.Tone.GOOD));
    }
    return tiles;
  }
}
