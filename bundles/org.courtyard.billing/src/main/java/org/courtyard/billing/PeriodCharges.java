package org.courtyard.billing;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.courtyard.api.TenantSlug;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What another module charges rooms every period, billed by billing's own runs: a parking space's
 * rent or management fee, for instance. Modules register an implementation as a service
 * (whiteboard); for each batch of rooms a billing run bills, billing asks every registered one what
 * it charges those rooms as of the run's period, and writes each charge as a bill of its own in
 * that period, in the batch's transaction, known by the module and the charge's reference. A
 * reference billed already is never billed again, so a run repeated or resumed charges nothing
 * twice, and a module may answer charges of earlier periods that no run billed yet (a lease
 * recorded after its first month was billed): the next run bills them.
 *
 * <p>An implementation reads only its own module's tables, answers empty for a tenant that does not
 * have the module, and answers the same references when asked again. A failure fails the run with
 * its message (the run can be posted again once mended): throw, never answer a part.
 */
@ConsumerType
public interface PeriodCharges {

  /** The module's id, the source its references are unique in, e.g. {@code parking}. */
  String source();

  /**
   * The charges due by the end of {@code period} for {@code roomIds}; rooms without any may be
   * absent.
   *
   * @param roomIds at most a run's batch (500)
   */
  Map<Long, List<PeriodCharge>> charges(TenantSlug tenant, YearMonth period, List<Long> roomIds);
}
