package org.courtyard.workorders.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import javax.ws.rs.core.SecurityContext;
import org.courtyard.api.ResidentContacts;
import org.courtyard.api.StaffDirectory;
import org.courtyard.api.TenantInstances;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Workers;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.devices.DeviceDirectory;
import org.courtyard.estate.EstateDirectory;
import org.courtyard.messaging.Messages;
import org.courtyard.workorders.internal.alarms.AlarmPort;
import org.courtyard.workorders.internal.charges.ChargesPort;
import org.courtyard.workorders.internal.dto.OrderView;
import org.courtyard.workorders.internal.lifecycle.Action;
import org.courtyard.workorders.internal.notices.Notices;
import org.courtyard.workorders.internal.notices.Recipient;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
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
  private volatile ChargesPort billing;
  private volatile AlarmPort alarms;

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  private volatile DeviceDirectory devices;

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  private volatile Messages messages;

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  private volatile ResidentContacts residentContacts;

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  private volatile org.courtyard.api.PreferredLanguages languages;

  /**
   * Where the people a step concerns are told, after the step answered: a lane per tenant, one task
   * at a time, so a delivery log lists an order's messages in the order of its steps, and a
   * company's burst of steps fills its own lane and delays its own messages, never another's.
   */
  private final Map<WorkordersTenant, Workers.Lane> notices = new ConcurrentHashMap<>();

  private final Workers workers;

  @Activate
  public WorkordersInstances(
      BundleContext context,
      @Reference EstateDirectory estate,
      @Reference StaffDirectory staff,
      @Reference Workers workers) {
    this.estate = estate;
    this.staff = staff;
    this.workers = workers;
    tenants.activate(context);
  }

  /**
   * Steps of one tenant whose telling may wait at once; beyond it a step's telling is dropped and
   * logged.
   */
  static final int NOTICES_WAITING = 2_000;

  /** Lets the messages already handed in go out (a few seconds at most), then closes the lanes. */
  @Deactivate
  void deactivate() throws InterruptedException {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
    for (WorkordersTenant t : List.copyOf(notices.keySet())) {
      Workers.Lane lane = notices.remove(t);
      if (lane != null) {
        lane.close(java.time.Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      }
    }
  }

  /** The notices lane of the tenant's running instance, or null while it has none. */
  private Workers.Lane notices(TenantSlug tenant) {
    WorkordersTenant t = find(tenant);
    return t == null ? null : notices.get(t);
  }

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "unbindTenant")
  void bindTenant(WorkordersTenant instance) {
    // the lane is the instance's: one bound before its predecessor is unbound has its own
    notices.put(
        instance,
        workers.lane("workorders-notices " + instance.tenant().value(), 1, NOTICES_WAITING));
    tenants.bind(instance);
    running.add(instance);
  }

  void unbindTenant(WorkordersTenant instance) {
    running.remove(instance);
    Workers.Lane lane = notices.remove(instance);
    if (lane != null) {
      // takes nothing more; what it holds still goes out on the shared workers
      try {
        lane.close(java.time.Duration.ZERO);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
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

  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "unbindBilling")
  void bindBilling(ChargesPort port) {
    this.billing = port;
  }

  void unbindBilling(ChargesPort port) {
    if (this.billing == port) {
      this.billing = null;
    }
  }

  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "unbindAlarms")
  void bindAlarms(AlarmPort port) {
    this.alarms = port;
  }

  void unbindAlarms(AlarmPort port) {
    if (this.alarms == port) {
      this.alarms = null;
    }
  }

  /**
   * Opens the orders the tenant's alarm rules ask for, from the alarms security recorded since the
   * last intake (nothing without security); the assignees of those its category dispatched at once
   * are told. Answers the orders opened.
   */
  int intakeAlarms(WorkordersTenant t) {
    AlarmPort feed = alarms;
    int opened =
        t.alarmOrders()
            .intake(
                t.tenant(),
                feed,
                devices,
                places(t.tenant()),
                t.orders(),
                created -> afterCreate(t.tenant(), created));
    t.alarmOrders().follow(t.tenant(), feed);
    return opened;
  }

  /** Billing's charges while the billing bundle is installed; null otherwise. */
  ChargesPort billing() {
    return billing;
  }

  /**
   * Posts or voids in billing what the order's last step left waiting, right after that step
   * committed; what fails here (billing away) waits for the sweep, so the step's answer stands.
   */
  void settleCharges(TenantSlug tenant, long orderId) {
    WorkordersTenant t = find(tenant);
    if (t != null) {
      try {
        t.charges().settle(billing, tenant, orderId);
      } catch (RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(WorkordersInstances.class)
            .warn("Tenant {}: order {}'s charges wait for the sweep", tenant, orderId, e);
      }
    }
  }

  /**
   * What follows recording an order once it committed: an order its category dispatched at once
   * (automatically, to the technician on duty) tells its assignee as a dispatch does. A replayed
   * request told them the first time.
   */
  void afterCreate(TenantSlug tenant, Orders.Created created) {
    OrderView order = created.order();
    if (!created.replayed() && "dispatched".equals(order.state())) {
      hand(tenant, order, () -> tell(tenant, order, Action.DISPATCH, null, null));
    }
  }

  /**
   * Hands the telling to the notices lane without waiting: the step has committed and its answer
   * stands, so a full or closing lane only costs the messages, which the log says.
   */
  private void hand(TenantSlug tenant, OrderView order, Runnable telling) {
    Workers.Lane lane = notices(tenant);
    if (lane == null || !lane.offer(telling)) {
      org.slf4j.LoggerFactory.getLogger(WorkordersInstances.class)
          .warn(
              "Tenant {}: order {}'s step was not told: the notices lane is full or closing",
              tenant,
              order.number());
    }
  }

  /**
   * What follows a step once it committed: the charges it left waiting are posted or voided
   * (completing, cancelling) before the step answers, and the people it concerns are told, but not
   * {@code caller}, on the notices lane: the step's answer does not wait for their messages.
   */
  void afterStep(TenantSlug tenant, OrderView after, Action action, String note, Caller caller) {
    if (action == Action.COMPLETE || action == Action.CANCEL) {
      settleCharges(tenant, after.id());
    }
    Recipient actor =
        caller.resident()
            ? Recipient.resident(caller.id())
            : caller.staffUser() ? Recipient.staff(caller.id(), "assignee") : null;
    hand(tenant, after, () -> tell(tenant, after, action, note, actor));
  }

  /**
   * Tells the people a step concerns, after it committed; what fails here is logged and leaves the
   * step's answer as it is.
   */
  void tell(TenantSlug tenant, OrderView after, Action action, String note, Recipient actor) {
    WorkordersTenant t = find(tenant);
    if (t == null) {
      return;
    }
    try {
      t.notices()
          .tell(
              tenant,
              after,
              action,
              note,
              actor,
              new Notices.Ports(messages, staff, residentContacts, languages));
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(WorkordersInstances.class)
          .warn("Tenant {}: order {}'s {} was not told", tenant, after.number(), action, e);
    }
  }

  /** The staff directory, for watchers' names and checks. */
  StaffDirectory staff() {
    return staff;
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
