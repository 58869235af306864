package org.courtyard.billing;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.courtyard.api.TenantSlug;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What another module charges rooms every period, billed in billing's own runs: a parking space's
 * rent or management fee, for instance. Modules register an implementation as a service
 * (whiteboard); for each batch of rooms a billing run bills, billing asks every registered one what
 * it charges those rooms for the run's period, and puts the answers on the rooms' bills of that
 * period beside billing's own fee items. A room has one bill per period, so a run repeated or
 * resumed never charges a line twice, and a line asked for a room already billed that period is not
 * added later.
 *
 * <p>An implementation reads only its own module's tables, answers empty for a tenant that does not
 * have the module, and answers the same lines when asked again for the same period. A failure fails
 * the run with its message (the run can be posted again once mended): throw, never answer a part.
 */
@ConsumerType
public interface PeriodCharges {

  /** The module's id, named in a failed run's message. */
  String source();

  /**
   * The lines of {@code period} for {@code roomIds}; rooms without any may be absent.
   *
   * @param roomIds at most a run's batch (500)
   */
  Map<Long, List<PeriodCharge>> charges(TenantSlug tenant, YearMonth period, List<Long> roomIds);
}
