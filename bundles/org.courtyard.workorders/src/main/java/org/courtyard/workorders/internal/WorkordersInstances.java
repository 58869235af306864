package org.courtyard.workorders.internal;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import javax.ws.rs.core.SecurityContext;
import org.courtyard.api.StaffDirectory;
import org.courtyard.api.TenantInstances;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.estate.EstateDirectory;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * What the work-order resources share: the caller's {@link WorkordersTenant}, found by the tenant
 * of the verified credential only; the estate directory (where an order is); and the residents'
 * rooms when the residents module is installed.
 */
@Component(service = WorkordersInstances.class)
public final class WorkordersInstances {

  private final TenantInstances<WorkordersTenant> tenants =
      new TenantInstances<>(WorkordersTenant.class, WorkordersModule.ID);

  private final Set<WorkordersTenant> running = new CopyOnWriteArraySet<>();
  private final EstateDirectory estate;
  private final StaffDirectory staff;
  private final RoomCache rooms = new RoomCache();
  private volatile ResidentRooms residents;

  @Activate
  public WorkordersInstances(
      BundleContext context, @Reference EstateDirectory estate, @Reference StaffDirectory staff) {
    this.estate = estate;
    this.staff = staff;
    tenants.activate(context);
  }

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "unbindTenant")
  void bindTenant(WorkordersTenant instance) {
    tenants.bind(instance);
    running.add(instance);
  }

  void unbindTenant(WorkordersTenant instance) {
    running.remove(instance);
    rooms.forget(instance.tenant());
    tenants.unbind(instance);
  }

  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "unbindResidents")
  void bindResidents(ResidentRooms rooms) {
    this.residents = rooms;
  }

  void unbindResidents(ResidentRooms rooms) {
    if (this.residents == rooms) {
      this.residents = null;
    }
  }

  /** The caller's work-order instance; 404 {@code module-not-enabled} without one. */
  WorkordersTenant of(SecurityContext security) {
    return tenants.require(TenantPrincipal.of(security));
  }

  /** The tenant's work-order instance, or null when it has none running. */
  WorkordersTenant find(TenantSlug tenant) {
    return tenants.find(tenant);
  }

  /** The tenant's work-order instance; 404 {@code module-not-enabled} without one. */
  WorkordersTenant require(TenantSlug tenant) {
    return tenants.require(tenant);
  }

  /** The tenants with a running work-order instance, for the sweeps. */
  Iterable<WorkordersTenant> running() {
    return running;
  }

  /**
   * Where orders happen (the tenant's rooms, buildings and estates) and who works them (its staff).
   */
  Places places(TenantSlug tenant) {
    return new Places(tenant, estate, residents, staff, rooms);
  }
}
