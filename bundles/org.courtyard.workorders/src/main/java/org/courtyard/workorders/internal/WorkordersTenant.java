package org.courtyard.workorders.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.TenantModule;
import org.courtyard.api.TenantPersistence;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.jdbc.JdbcTenantModule;
import org.courtyard.workorders.internal.attachments.Attachments;
import org.courtyard.workorders.internal.people.DispatchLoad;
import org.courtyard.workorders.internal.people.DutyRoster;
import org.courtyard.workorders.internal.people.Teams;
import org.courtyard.workorders.internal.people.Technicians;
import org.courtyard.workorders.internal.settings.TenantSettings;
import org.courtyard.workorders.internal.sweeps.OrderSweeps;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The work-order module of one tenant: one instance per factory configuration the platform creates
 * when the tenant enables the module. It is registered only once the tenant's tables answer, so
 * "instance present" means "module enabled and ready". Work orders are stored with plain JDBC
 * ({@link JdbcTenantModule}, as security does): the deadline sweep is a batched, index-driven
 * update, and a grab must be a single conditional update that exactly one technician wins.
 */
@Component(
    name = WorkordersTenant.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    // immediate: the tables are probed before the service is registered, so "enabled" means ready
    immediate = true,
    service = {TenantModule.class, WorkordersTenant.class},
    property = CourtyardConstants.MODULE + "=" + WorkordersModule.ID)
@Designate(ocd = WorkordersTenant.Config.class, factory = true)
public final class WorkordersTenant extends JdbcTenantModule {

  private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.of(1, ChronoUnit.MICROS));
  private final TenantRules.Cache rules = new TenantRules.Cache(clock);
  private final Categories categories;
  private final Orders orders;
  private final OrderStatistics statistics;
  private final Feedback feedback;

  private final TenantSettings settings;
  private final Technicians technicians;
  private final Teams teams;
  private final DutyRoster duty;
  private final DispatchLoad load;
  private final OrderSweeps sweeps;
  private final Attachments attachments;

  /** Factory PID, equal to {@code WorkordersModule#factoryPid()} by construction. */
  static final String PID = CourtyardConstants.MODULE_FACTORY_PID_PREFIX + WorkordersModule.ID;

  @ObjectClassDefinition(
      id = PID,
      name = "Courtyard work-order module, per tenant",
      description = "Created by the platform when a tenant enables repairs and complaints.")
  @interface Config {

    @AttributeDefinition(name = "Tenant", description = "Slug of the tenant this instance serves.")
    String tenant();
  }

  @Activate
  public WorkordersTenant(
      Config config, @Reference(name = "persistence") TenantPersistence persistence) {
    super(config.tenant(), WorkordersModule.ID, persistence, "SELECT 1 FROM workorder LIMIT 0");
    Jdbc jdbc = jdbc();
    this.categories = new Categories(jdbc);
    this.orders = new Orders(jdbc, this);
    this.statistics = new OrderStatistics(jdbc, this);
    this.feedback = new Feedback(jdbc, this);
    this.settings = new TenantSettings(jdbc);
    this.technicians = new Technicians(jdbc, clock);
    this.teams = new Teams(jdbc);
    this.duty = new DutyRoster(jdbc, clock);
    this.load = new DispatchLoad(jdbc, clock);
    this.sweeps = new OrderSweeps(jdbc, clock, c -> rules(c).policy());
    this.attachments = new Attachments(jdbc, clock);
  }

  Categories categories() {
    return categories;
  }

  Orders orders() {
    return orders;
  }

  /** Ratings, replies to complaints and return visits. */
  Feedback feedback() {
    return feedback;
  }

  OrderStatistics statistics() {
    return statistics;
  }

  /**
   * The clock every step of this tenant's orders reads: UTC, to the microsecond, as timestamptz
   * stores it, so an instant read back equals the instant written.
   */
  Clock clock() {
    return clock;
  }

  /** The tenant's rules in force, read on the caller's connection (inside its transaction). */
  TenantRules rules(Connection c) throws SQLException {
    return rules.get(c);
  }

  /** The rules of the settings versions the caller read on {@code c}. */
  TenantRules rules(Connection c, int version, int calendarVersion) throws SQLException {
    return rules.get(c, version, calendarVersion);
  }

  /** The settings and the working calendar, as managers edit them. */
  TenantSettings settings() {
    return settings;
  }

  Technicians technicians() {
    return technicians;
  }

  Teams teams() {
    return teams;
  }

  /** Technicians' on-duty shifts. */
  DutyRoster duty() {
    return duty;
  }

  /** The dispatcher's view of everyone's open orders. */
  DispatchLoad load() {
    return load;
  }

  /** The deadline marks and the automatic confirmation, run every minute. */
  OrderSweeps sweeps() {
    return sweeps;
  }

  // Materials and stock (V4). Declared last, and initialised where declared, after the clock.
  // (Names in full, so that this block is the whole change.)
  private final org.courtyard.workorders.internal.stock.Materials materials =
      new org.courtyard.workorders.internal.stock.Materials(jdbc(), clock);
  private final org.courtyard.workorders.internal.stock.MaterialUses materialUses =
      new org.courtyard.workorders.internal.stock.MaterialUses(jdbc(), clock);

  /** The materials of the estates' stores, their receipts, stocktakes and movements. */
  org.courtyard.workorders.internal.stock.Materials materials() {
    return materials;
  }

  /** Material used on work orders and given back. */
  org.courtyard.workorders.internal.stock.MaterialUses materialUses() {
    return materialUses;
  }

  /** The orders' photos and files. */
  Attachments attachments() {
    return attachments;
  }

  // Reports (#13): read-only, over the orders' period indexes (V7).
  private final org.courtyard.workorders.internal.reports.OrderReports reports =
      new org.courtyard.workorders.internal.reports.OrderReports(jdbc());

  // Paid repairs' charges (V9), posted to billing after the completing step commits.
  private final org.courtyard.workorders.internal.charges.OrderCharges charges =
      new org.courtyard.workorders.internal.charges.OrderCharges(jdbc(), clock);

  /** Paid repairs' charges, and their posting to billing. */
  org.courtyard.workorders.internal.charges.OrderCharges charges() {
    return charges;
  }

  // Orders opened by device alarms (V12): the rules and the intake from security's alarms.
  private final AlarmOrders alarmOrders = new AlarmOrders(jdbc(), clock);

  /** Which alarms open orders, and their intake. */
  AlarmOrders alarmOrders() {
    return alarmOrders;
  }

  // Watchers and the delivery log of the messages steps send (V10).
  private final org.courtyard.workorders.internal.notices.Notices notices =
      new org.courtyard.workorders.internal.notices.Notices(jdbc(), clock);

  /** Who is told of an order's steps, and what became of each message. */
  org.courtyard.workorders.internal.notices.Notices notices() {
    return notices;
  }

  /** Orders per category and per technician over a period. */
  org.courtyard.workorders.internal.reports.OrderReports reports() {
    return reports;
  }
}
