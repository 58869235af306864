package org.courtyard.security.internal;

import java.util.Collection;
import java.util.Set;
import java.util.function.Consumer;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Problems;
import org.courtyard.api.Text;
import org.courtyard.api.Texts;
import org.courtyard.api.rest.DataScope;

/**
 * The devices a request reaches. Security keeps its rows by device id, as the devices report them
 * (the access log, alarms, the doors of credentials, the readers on patrol routes), and may not
 * read the devices module's tables: so a row is in the caller's {@link DataScope} when its devices
 * are, and which devices those are the devices module tells ({@code DeviceDirectory.idsWithin}),
 * once per request and before any transaction. The whole company's scope reaches every device,
 * filters nothing and asks nothing, so the owner's requests cost what they did.
 */
final class DeviceScope {

  /** The whole company's: every device, and rows tied to none. */
  static final DeviceScope ALL = new DeviceScope(true, Set.of(), ids -> {});

  private static final Texts TEXTS = Texts.of(DeviceScope.class);

  private final boolean all;
  private final Set<String> ids;
  private final Consumer<Collection<String>> requireWithin;

  private DeviceScope(boolean all, Set<String> ids, Consumer<Collection<String>> requireWithin) {
    this.all = all;
    this.ids = ids;
    this.requireWithin = requireWithin;
  }

  /**
   * A narrow scope's devices.
   *
   * @param ids the devices it reaches
   * @param requireWithin throws the devices module's own 404 {@code device-not-found} for the first
   *     of some ids it does not reach, worded as for a missing device
   */
  static DeviceScope of(Collection<String> ids, Consumer<Collection<String>> requireWithin) {
    return new DeviceScope(false, Set.copyOf(ids), requireWithin);
  }

  boolean isAll() {
    return all;
  }

  /** A narrow scope that reaches no device: its lists are empty without asking the database. */
  boolean reachesNone() {
    return !all && ids.isEmpty();
  }

  /** A narrow scope's devices, for {@code device_id = ANY(?)}. */
  String[] idArray() {
    return ids.toArray(new String[0]);
  }

  /** Whether the scope reaches each of these devices (an empty list: only the whole company). */
  boolean reaches(Collection<String> deviceIds) {
    return all || (!deviceIds.isEmpty() && ids.containsAll(deviceIds));
  }

  /**
   * Checks, before a write that refers to devices, that the scope reaches each of them; the whole
   * company's scope keeps the module's own handling of an unknown device.
   *
   * @throws ProblemException 404 {@code device-not-found} for one it does not
   */
  void require(Collection<String> deviceIds) {
    if (all || ids.containsAll(deviceIds)) {
      return;
    }
    requireWithin.accept(deviceIds);
    // placed into the scope since the request began: the devices module found them all
  }

  /**
   * 403 {@code outside-scope} for a write to something tied to no device and no estate, which only
   * the whole company's grant may make.
   */
  static ProblemException outside(Text what) {
    return Problems.outsideScope(
        TEXTS.text("scope.no-place", what), TEXTS.text("scope.whole-company"));
  }

  @Override
  public String toString() {
    return all ? "company" : ids.size() + " devices";
  }
}
