package org.courtyard.parking.internal;

import java.time.Duration;
import org.courtyard.api.Workers;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Parking's minute work for every tenant, on the platform's shared workers:
 *
 * <ul>
 *   <li>books the temporary-parking payments left pending for more than two minutes ({@link
 *       StayPayments#bookPending}): the money a guard or a pay station took reaches billing's
 *       ledger even when billing was away at that moment and nobody asks for that stay again;
 *       billing's reference books each payment once;
 *   <li>releases the reservations nobody arrived for ({@link Bookings#releaseNoShows}), so their
 *       spaces can be reserved again.
 * </ul>
 *
 * One tenant's failure is logged and the others go on; the next minute tries again.
 */
// no service: nobody asks for it, so it must start by itself
@Component(
    service = {},
    immediate = true)
public final class ParkingChores {

  private static final Logger LOG = LoggerFactory.getLogger(ParkingChores.class);
  private static final Duration EVERY = Duration.ofMinutes(1);

  /** Longer than a request waits for billing, so the retry never races a guard's own request. */
  private static final Duration PENDING_FOR = Duration.ofMinutes(2);

  private final ParkingInstances instances;
  private final AutoCloseable schedule;

  @Activate
  public ParkingChores(@Reference ParkingInstances instances, @Reference Workers workers) {
    this.instances = instances;
    this.schedule = workers.every("parking-chores", EVERY, EVERY, this::runAll);
  }

  @Deactivate
  void deactivate() throws Exception {
    schedule.close();
  }

  void runAll() {
    for (ParkingTenant t : instances.running()) {
      MDC.put("tenant", t.tenant().value());
      try {
        int booked = t.payments().bookPending(instances.income(), PENDING_FOR);
        if (booked > 0) {
          LOG.info(
              "Tenant {}: {} pending parking payment(s) booked in billing", t.tenant(), booked);
        }
      } catch (RuntimeException e) {
        LOG.warn("Tenant {}: pending parking payments could not be booked yet", t.tenant(), e);
      }
      try {
        int released = t.bookings().releaseNoShows();
        if (released > 0) {
          LOG.info("Tenant {}: {} reservation(s) released as no-shows", t.tenant(), released);
        }
      } catch (RuntimeException e) {
        LOG.warn("Tenant {}: no-show reservations could not be released yet", t.tenant(), e);
      } finally {
        MDC.remove("tenant");
      }
    }
  }
}
