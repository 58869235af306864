package org.courtyard.billing.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Workers;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs the {@link RoomPlaces#backfill} every tenant's billing instance starts with, one tenant at a
 * time for the whole node, on a lane of the shared workers: after a restart every tenant's instance
 * starts at once, and a backfill (nothing to do for most, a walk of estate's rooms for a tenant
 * with rows older than the data scopes) must not take the threads the other work needs.
 */
@Component(service = PlaceBackfills.class)
public final class PlaceBackfills {

  private static final Logger LOG = LoggerFactory.getLogger(PlaceBackfills.class);

  /** Backfills waiting at most: one per tenant instance started, far more than a node serves. */
  static final int CAPACITY = 10_000;

  private final Workers.Lane lane;

  @Activate
  public PlaceBackfills(@Reference(name = "workers") Workers workers) {
    this.lane = workers.lane("billing-places", 1, CAPACITY);
  }

  @Deactivate
  void deactivate() throws InterruptedException {
    if (!lane.close(Duration.ofSeconds(10))) {
      LOG.warn("A billing backfill still running 10 s after the stop; it stops after its page");
    }
  }

  /** Queues the tenant's backfill; {@link Task#stop} before the tenant's storage closes. */
  Task start(TenantSlug tenant, RoomPlaces places) {
    Task task = new Task(tenant, places);
    if (!lane.offer(task)) {
      LOG.warn(
          "Tenant {}: the backfill of billing's room places was not queued (the node is stopping"
              + " or {} are waiting); the next start of the module does it",
          tenant,
          CAPACITY);
    }
    return task;
  }

  /** One tenant's backfill, stopped between two pages when its instance stops. */
  static final class Task implements Runnable {

    private final TenantSlug tenant;
    private final RoomPlaces places;
    private final Object lock = new Object();
    private volatile boolean stopped;
    private boolean running;

    Task(TenantSlug tenant, RoomPlaces places) {
      this.tenant = tenant;
      this.places = places;
    }

    @Override
    public void run() {
      synchronized (lock) {
        if (stopped) {
          return;
        }
        running = true;
      }
      MDC.put("tenant", tenant.value());
      try {
        RoomPlaces.Filled filled = places.backfill(() -> stopped);
        if (filled.rows() > 0) {
          LOG.info(
              "Tenant {}: {} billing rows were given the estate and building of their rooms",
              tenant,
              filled.rows());
        }
        if (!filled.complete() && !stopped) {
          LOG.warn(
              "Tenant {}: some bills, meters or room accounts belong to rooms estate does not"
                  + " have; only callers granted the whole company see them",
              tenant);
        }
      } catch (RuntimeException e) {
        LOG.warn(
            "Tenant {}: the backfill of billing's room places failed; rows without a place are"
                + " shown to the whole company's callers only until the next start completes it",
            tenant,
            e);
      } finally {
        MDC.remove("tenant");
        synchronized (lock) {
          running = false;
          lock.notifyAll();
        }
      }
    }

    /**
     * Keeps a waiting backfill from starting, and waits up to {@code waitMillis} for a running one
     * to finish its page.
     */
    void stop(long waitMillis) {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
      synchronized (lock) {
        stopped = true;
        while (running) {
          long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
          if (left <= 0) {
            LOG.warn(
                "Tenant {}: the billing backfill did not stop within {} ms", tenant, waitMillis);
            return;
          }
          try {
            lock.wait(left);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }
  }
}
