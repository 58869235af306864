package org.courtyard.parking.internal;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import javax.ws.rs.core.SecurityContext;
import org.courtyard.api.ResidentContacts;
import org.courtyard.api.TenantInstances;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.devices.DeviceCommand;
import org.courtyard.devices.DeviceDirectory;
import org.courtyard.parking.internal.pay.IncomePort;
import org.courtyard.parking.internal.residents.ResidentEstates;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the module's REST resources share: the caller's {@link ParkingTenant}, found by the tenant
 * of the verified credential and nothing else, so no path, query or header reaches another tenant.
 * Every resource of the module (one per aggregate) takes this component rather than binding the
 * instances itself.
 */
@Component(service = ParkingInstances.class)
public final class ParkingInstances {

  private static final Logger LOG = LoggerFactory.getLogger(ParkingInstances.class);

  private final TenantInstances<ParkingTenant> tenants =
      new TenantInstances<>(ParkingTenant.class, ParkingModule.ID);

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "unbindTenant")
  void bindTenant(ParkingTenant instance) {
    tenants.bind(instance);
    running.add(instance);
  }

  void unbindTenant(ParkingTenant instance) {
    running.remove(instance);
    tenants.unbind(instance);
  }

  private final java.util.Set<ParkingTenant> running =
      new java.util.concurrent.CopyOnWriteArraySet<>();

  /** The tenants with a running parking instance, for the payments' retry. */
  Iterable<ParkingTenant> running() {
    return running;
  }

  /** The residents module's persons, while its bundle is installed. */
  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile ResidentContacts residents;

  /**
   * The tenant's residents by person id, or null when the residents bundle is not installed (a
   * tenant without the module finds nobody, as {@link ResidentContacts} says).
   */
  LongFunction<Optional<ResidentContacts.Contact>> residents(TenantSlug tenant) {
    ResidentContacts r = residents;
    return r == null ? null : id -> r.contact(tenant, id);
  }

  /** The devices module's cameras, while its bundle is installed: gates open through it. */
  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile DeviceDirectory devices;

  /**
   * 404 {@code device-not-found} unless the camera is one of the tenant's devices within {@code
   * scope}, while the devices bundle is installed (without it no camera reaches a gate yet, and a
   * gate may be set up ahead of its camera).
   */
  void requireDevice(TenantSlug tenant, DataScope scope, String deviceId) {
    DeviceDirectory d = devices;
    if (d != null && deviceId != null) {
      d.requireWithin(tenant, scope, List.of(deviceId));
    }
  }

  /** Where residents live, while the residents bundle is installed. */
  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile ResidentEstates residentEstates;

  /** The estates the person lives in now; none without the residents bundle. */
  java.util.Set<Long> estatesOf(TenantSlug tenant, long personId) {
    ResidentEstates r = residentEstates;
    return r == null ? java.util.Set.of() : r.estatesOf(tenant, personId);
  }

  /** Billing's ledger for the money parking takes, while the billing bundle is installed. */
  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile IncomePort income;

  /** Billing's ledger, or null while the billing bundle is not installed. */
  IncomePort income() {
    return income;
  }

  /** The tenant's running instance, or null while it has none. */
  ParkingTenant find(TenantSlug tenant) {
    return tenants.find(tenant);
  }

  /**
   * What the tenant's parking charges these rooms in {@code month} ({@link RoomRents}); empty while
   * the tenant has no parking.
   */
  public Map<Long, List<RoomRents.Rent>> rents(
      TenantSlug tenant, YearMonth month, List<Long> roomIds) {
    ParkingTenant parking = tenants.find(tenant);
    return parking == null ? Map.of() : parking.rents().of(month, roomIds);
  }

  /**
   * Sends the open command of a passage to its camera and notes it on the passage. The passage is
   * committed already, so a command that cannot go (no devices module, the broker away, the camera
   * revoked) is logged and leaves the passage without a command: the guard's screen shows the gate
   * did not open, and the guard opens it by hand.
   */
  void open(TenantSlug tenant, ParkingTenant parking, Gates.Opening opening) {
    DeviceDirectory d = devices;
    if (d == null) {
      LOG.warn(
          "Tenant {}: passage {} was not opened: the devices module is not installed",
          tenant,
          opening.passageId());
      return;
    }
    try {
      DeviceCommand sent =
          d.send(tenant, opening.deviceId(), "open", Map.of("lane", opening.lane()));
      parking.gates().commandSent(opening.passageId(), sent.id());
    } catch (RuntimeException e) {
      LOG.warn(
          "Tenant {}: passage {} was not opened at {} lane {}: {}",
          tenant,
          opening.passageId(),
          opening.deviceId(),
          opening.lane(),
          e.getMessage());
    }
  }

  @Activate
  void activate(BundleContext context) {
    tenants.activate(context);
  }

  /** The caller's instance; 404 {@code module-not-enabled} when the tenant has none running. */
  ParkingTenant of(SecurityContext security) {
    return tenants.require(TenantPrincipal.of(security));
  }

  /** The staff user making a request, for the record; null for a company token or API key. */
  static Long staffUser(SecurityContext security) {
    TenantPrincipal p = TenantPrincipal.principalOf(security);
    return p.kind() == TenantPrincipal.Kind.STAFF ? Long.valueOf(p.subject()) : null;
  }
}
