package org.courtyard.residents.internal;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.courtyard.api.Workers;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs {@link OccupancyPlaces} once per start of a tenant's residents module, on the shared
 * workers' lane {@value #LANE}: one tenant at a time, so a node starting many tenants does not take
 * the pool or the database. A tenant with nothing to fill costs one query on an index of the rows
 * left. A failed fill (the database away for a moment, estate not running yet) is tried again a few
 * times, further apart each time; after that, at the module's next start.
 */
@Component(service = OccupancyPlacesBackfill.class)
public final class OccupancyPlacesBackfill {

  static final String LANE = "residents-places";

  /** Tenants that may wait for their turn at once; a start beyond it is logged and skipped. */
  static final int WAITING = 1000;

  /** Attempts of one start's fill, the first retry after {@link #FIRST_RETRY}, doubling. */
  static final int ATTEMPTS = 5;

  static final Duration FIRST_RETRY = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(OccupancyPlacesBackfill.class);

  private final Workers.Lane lane;

  @Activate
  public OccupancyPlacesBackfill(@Reference(name = "workers") Workers workers) {
    this.lane = workers.lane(LANE, 1, WAITING);
  }

  @Deactivate
  void deactivate() throws InterruptedException {
    lane.close(Duration.ofSeconds(5));
  }

  /**
   * Queues the tenant's fill.
   *
   * @param running whether the tenant's module still runs; checked before each page
   */
  void start(OccupancyPlaces places, BooleanSupplier running) {
    if (!lane.offer(() -> run(places, running, 1))) {
      LOG.warn(
          "Tenant {}: the occupancy places backfill was not queued ({} tenants waiting);"
              + " occupancies recorded before #11 stay out of narrow scopes until the module"
              + " starts again",
          places.tenant(),
          WAITING);
    }
  }

  private void run(OccupancyPlaces places, BooleanSupplier running, int attempt) {
    if (!running.getAsBoolean()) {
      return;
    }
    MDC.put("tenant", places.tenant().value());
    try {
      long placed = places.fill(running);
      if (placed > 0) {
        LOG.info(
            "Tenant {}: stored the estate and building of {} occupancies", places.tenant(), placed);
      }
    } catch (RuntimeException e) {
      if (!running.getAsBoolean()) {
        LOG.debug(
            "Tenant {}: occupancy places backfill ended by the module stopping",
            places.tenant(),
            e);
      } else if (attempt < ATTEMPTS) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << (attempt - 1));
        LOG.debug(
            "Tenant {}: occupancy places not filled, attempt {}; again in {}",
            places.tenant(),
            attempt,
            wait,
            e);
        lane.executeLater(wait, () -> run(places, running, attempt + 1));
      } else {
        LOG.warn(
            "Tenant {}: occupancy places not filled after {} attempts; occupancies recorded"
                + " before #11 stay out of narrow scopes until the module starts again",
            places.tenant(),
            attempt,
            e);
      }
    } finally {
      MDC.remove("tenant");
    }
  }
}
