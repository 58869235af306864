package org.courtyard.parking.internal;

import java.util.Optional;
import java.util.function.LongFunction;
import javax.ws.rs.core.SecurityContext;
import org.courtyard.api.ResidentContacts;
import org.courtyard.api.TenantInstances;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.rest.TenantPrincipal;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * What the module's REST resources share: the caller's {@link ParkingTenant}, found by the tenant
 * of the verified credential and nothing else, so no path, query or header reaches another tenant.
 * Every resource of the module (one per aggregate) takes this component rather than binding the
 * instances itself.
 */
@Component(service = ParkingInstances.class)
public final class ParkingInstances {

  private final TenantInstances<ParkingTenant> tenants =
      new TenantInstances<>(ParkingTenant.class, ParkingModule.ID);

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "unbindTenant")
  void bindTenant(ParkingTenant instance) {
    tenants.bind(instance);
  }

  void unbindTenant(ParkingTenant instance) {
    tenants.unbind(instance);
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
