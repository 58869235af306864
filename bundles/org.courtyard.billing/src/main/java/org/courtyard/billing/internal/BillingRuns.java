package org.courtyard.billing.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.Page;
import org.courtyard.billing.internal.calc.FeeCalculator;
import org.courtyard.billing.internal.calc.FeeKind;
import org.courtyard.billing.internal.calc.LineAmount;
import org.courtyard.billing.internal.calc.MeterType;
import org.courtyard.billing.internal.dto.RunView;
import org.courtyard.estate.EstateDirectory;
import org.courtyard.estate.RoomSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Billing runs (出账): one bill per room and period, with a line per fee that applies. A run walks
 * the tenant's rooms in id order, {@value #PAGE} per page from the estate module, and writes them
 * in batches of {@value #BATCH} rooms, one transaction each, updating the run's progress in the
 * same transaction. Up to {@value #WRITERS} batches are written at once (see {@link RunWriters}).
 * Bills that exist are skipped by the database, so a run can be repeated or resumed after a crash
 * and only creates what is missing.
 *
 * <p>A posted run is {@code queued} until {@link BillingRunQueue} gives it a thread (at most one
 * run per tenant, and a global cap across tenants), then {@code running}. At most one run per
 * period is queued or running: a partial unique index in the tenant's schema refuses the second, so
 * this holds across nodes too.
 *
 * <p>Metered fees charge the consumption {@link MeterUsage} reads for each batch of rooms from the
 * meter readings as they are when the batch is billed. What other modules charge ({@link
 * org.courtyard.billing.PeriodCharges}: a parking space's rent) is asked for each batch the same
 * way and written in the batch's transaction as bills of their own, one per module's reference
 * ({@link ModuleLines}).
 *
 * <p>A run is posted in the poster's data scope: the whole company's run bills every room, the run
 * of a project manager granted some estates or buildings bills the rooms there only (it walks the
 * company's rooms and skips the others). As bills exist once per room and period whoever posts
 * them, runs of different scopes never bill a room twice, and a company run after them bills only
 * the rooms they left out.
 */
final class BillingRuns {

  private static final Texts TEXTS = Texts.of(BillingRuns.class);

  private static final Logger LOG = LoggerFactory.getLogger(BillingRuns.class);

  static final int PAGE = 1000;
  static final int BATCH = 500;
  static final int WRITERS = 2;

  /** Rooms per page when a run of some estates or buildings counts its rooms (estate's maximum). */
  static final int COUNT_PAGE = 5000;

  private static final long NO_TURN = Long.MIN_VALUE;

  private final TenantSlug tenant;
  private final Jdbc jdbc;
  private final Catalog catalog;
  private final EstateDirectory estate;
  private final Clock clock;
  private final BillingRunQueue queue;
  private final RunRecords records;

  BillingRuns(
      TenantSlug tenant,
      Jdbc jdbc,
      Catalog catalog,
      EstateDirectory estate,
      Clock clock,
      BillingRunQueue queue) {
    this.tenant = tenant;
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.estate = estate;
    this.clock = clock;
    this.queue = queue;
    this.records = new RunRecords(jdbc, clock);
  }

  /**
   * @throws ProblemException 400 {@code invalid-period}, 422 {@code period-in-future}, 409 {@code
   *     run-in-progress}, 503 {@code runs-busy}
   * @param scope the rooms to bill: the whole company's, or those of some estates or buildings
   * @param vehicles the current vehicles of rooms, for per_vehicle fees
   * @param modules what other modules charge rooms for the period
   */
  RunView start(
      String periodText, DataScope scope, RoomVehicles vehicles, ModuleLines.Source modules) {
    YearMonth period = Periods.parse(periodText);
    Catalog.Settings settings = catalog.settings();
    Periods.requireNotFuture(period, clock, settings.zone());
    long total = scope.isAll() ? estate.roomCount(tenant) : roomsIn(scope);
    long id = records.insert(period, scope, total);
    try {
      queue.submit(tenant, id, () -> execute(id, period, scope, vehicles, modules));
    } catch (ProblemException e) {
      records.finish(id, "failed", "not started: too many runs queued");
      throw e;
    }
    return get(id);
  }

  /** Marks the runs a stopped container left unfinished as failed (see {@link RunRecords}). */
  int failInterrupted() {
    return records.failInterrupted();
  }

  RunView get(long id) {
    return records.get(id);
  }

  Page<RunView> list(long after, int limit) {
    return records.list(after, limit);
  }

  /** The rooms a run of {@code scope} bills, counted once when it is posted. */
  private long roomsIn(DataScope scope) {
    long count = 0;
    long after = 0;
    while (true) {
      List<RoomSummary> page = estate.rooms(tenant, after, COUNT_PAGE);
      if (page.isEmpty()) {
        return count;
      }
      count += Scopes.covered(scope, page).size();
      after = page.get(page.size() - 1).id;
    }
  }

  /** The run itself, on a thread of {@link BillingRunQueue}. */
  void execute(
      long runId,
      YearMonth period,
      DataScope scope,
      RoomVehicles vehicles,
      ModuleLines.Source modules) {
    MDC.put("tenant", tenant.value());
    try {
      if (Thread.currentThread().isInterrupted() || !records.markRunning(runId)) {
        LOG.info("Billing run {} for {} cancelled before it started", runId, period);
        return;
      }
      List<Catalog.Fee> fees = catalog.periodicFees();
      Catalog.Settings settings = catalog.settings();
      Set<MeterType> meterTypes = EnumSet.noneOf(MeterType.class);
      fees.stream()
          .filter(f -> f.metering() != null)
          .forEach(f -> meterTypes.add(f.metering().meterType()));
      boolean perVehicle =
          fees.stream()
              .anyMatch(
                  f ->
                      f.terms().kind() == FeeKind.PER_VEHICLE
                          && FeeCalculator.chargedIn(f.terms(), period));
      ModuleLines moduleLines = new ModuleLines(jdbc, modules, period, settings.zone());
      long after = 0;
      RunWriters writers = new RunWriters(tenant, queue);
      try {
        while (true) {
          List<RoomSummary> page = estate.rooms(tenant, after, PAGE);
          if (page.isEmpty()) {
            break;
          }
          after = page.get(page.size() - 1).id;
          List<RoomSummary> billed = Scopes.covered(scope, page);
          for (int from = 0; from < billed.size(); from += BATCH) {
            if (Thread.currentThread().isInterrupted()) {
              // The module is stopping; the next start marks the run failed, a re-post
              // completes it.
              LOG.info("Billing run {} for {} interrupted", runId, period);
              writers.awaitAll();
              return;
            }
            long turn = takeTurn();
            if (turn == NO_TURN) {
              LOG.info("Billing run {} for {} interrupted", runId, period);
              writers.awaitAll();
              return;
            }
            // The turn covers pricing and writing: the writer gives it back after the commit.
            boolean handedOver = false;
            try {
              List<RoomSummary> batch = billed.subList(from, Math.min(billed.size(), from + BATCH));
              Map<Long, Map<MeterType, BigDecimal>> usage =
                  meterTypes.isEmpty()
                      ? Map.of()
                      : jdbc.read(
                          c ->
                              MeterUsage.load(
                                  c,
                                  batch.stream().map(r -> r.id).toList(),
                                  meterTypes,
                                  period,
                                  settings.zone()));
              List<Long> roomIds = batch.stream().map(r -> r.id).toList();
              Map<Long, Integer> vehicleCounts = perVehicle ? vehicles.counts(roomIds) : Map.of();
              List<ModuleLines.Pending> others = moduleLines.lines(roomIds);
              List<BillWriter.NewBill> bills = new ArrayList<>();
              for (RoomSummary room : batch) {
                bill(
                        room,
                        period,
                        fees,
                        usage.getOrDefault(room.id, Map.of()),
                        vehicleCounts.getOrDefault(room.id, 0))
                    .ifPresent(bills::add);
              }
              int rooms = batch.size();
              handedOver =
                  writers.submit(
                      turn,
                      () ->
                          jdbc.transaction(
                              c -> {
                                bulkTimeout(c);
                                Map<Long, Long> created =
                                    BillWriter.write(
                                        c, period, null, runId, settings, bills, clock.instant());
                                moduleLines.write(c, batch, others, settings, clock.instant());
                                RunRecords.progress(c, runId, rooms, created.size());
                                return null;
                              }));
              if (!handedOver) {
                LOG.info("Billing run {} for {} interrupted", runId, period);
                return;
              }
            } finally {
              if (!handedOver) {
                queue.pace().release(turn);
              }
            }
          }
        }
        if (!writers.awaitAll()) {
          LOG.info("Billing run {} for {} interrupted", runId, period);
          return;
        }
      } finally {
        writers.close();
      }
      refreshStatistics(runId);
      records.finish(runId, "completed", null);
      LOG.info("Billing run {} for {} completed", runId, period);
    } catch (RuntimeException e) {
      LOG.error("Billing run {} for {} failed", runId, period, e);
      String message = e instanceof ProblemException p ? p.detail() : "internal error: " + e;
      finishQuietly(runId, message.length() > 500 ? message.substring(0, 500) : message);
    } finally {
      MDC.remove("tenant");
    }
  }

  /**
   * Waits for this run's turn in the node's {@link WritePace} to price and write one batch.
   *
   * @return when the turn started, for {@link WritePace#release(long)}; {@link #NO_TURN} when the
   *     run thread was interrupted while waiting
   */
  private long takeTurn() {
    try {
      return queue.pace().acquire(tenant);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return NO_TURN;
    }
  }

  /**
   * The bill of one room for the period; empty when no fee applies or all come to zero.
   *
   * @param usage the room's consumption in the period per meter type; a metered fee whose type is
   *     absent gets no line
   * @param vehicles the room's current vehicles; a per_vehicle fee gets a line only when there is
   *     at least one
   */
  static Optional<BillWriter.NewBill> bill(
      RoomSummary room,
      YearMonth period,
      List<Catalog.Fee> fees,
      Map<MeterType, BigDecimal> usage,
      int vehicles) {
    List<BillWriter.Line> lines = new ArrayList<>();
    for (Catalog.Fee fee : fees) {
      Optional<LineAmount> amount;
      if (fee.terms().kind() == FeeKind.PER_VEHICLE) {
        amount = FeeCalculator.perVehicle(fee.terms(), period, room.type, vehicles);
      } else if (fee.metering() == null) {
        amount = FeeCalculator.periodic(fee.terms(), period, room.type, room.area);
      } else {
        BigDecimal used = usage.get(fee.metering().meterType());
        amount =
            used == null
                ? Optional.empty()
                : FeeCalculator.metered(
                    fee.terms(), fee.metering().tariff(), period, room.type, used);
      }
      amount.ifPresent(a -> lines.add(new BillWriter.Line(fee.id(), fee.code(), fee.name(), a)));
    }
    return lines.isEmpty()
        ? Optional.empty()
        : Optional.of(new BillWriter.NewBill(room.id, room.estateId, room.buildingId, lines));
  }

  /** From {@code queued} to {@code running}; false when the run is no longer queued. */
  /**
   * A run's batches may take longer than the statement timeout every tenant connection has (they
   * wait for locks of concurrent payments, and a large batch of lines is one statement): this
   * transaction gets the run's own, longer one.
   */
  private void bulkTimeout(Connection c) throws SQLException {
    try (java.sql.Statement s = c.createStatement()) {
      s.execute("SET LOCAL statement_timeout = " + queue.runStatementTimeoutMs());
    }
  }

  /**
   * A run adds a period's bills faster than autovacuum notices (it analyzes after a tenth of a
   * table changed, a minute later): until then the planner plans the bill lists and the Today
   * figures on the statistics of the table before the run, and picked whole-table scans for them. A
   * run that cannot analyze (not the tables' owner) still completes.
   */
  private void refreshStatistics(long runId) {
    try {
      jdbc.read(
          c -> {
            try (java.sql.Statement s = c.createStatement()) {
              s.execute("ANALYZE bill, bill_line");
            }
            return null;
          });
    } catch (RuntimeException e) {
      LOG.warn("Billing run {}: the bills' statistics were not refreshed", runId, e);
    }
  }

  private void finishQuietly(long runId, String error) {
    try {
      records.finish(runId, "failed", error);
    } catch (RuntimeException e) {
      LOG.error("Billing run {} could not be marked failed; it is on the next start", runId, e);
    }
  }
}
