package org.courtyard.parking.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.TenantModule;
import org.courtyard.api.TenantPersistence;
import org.courtyard.api.TenantStatistics;
import org.courtyard.api.jdbc.JdbcTenantModule;
import org.courtyard.estate.EstateDirectory;
import org.courtyard.parking.internal.reports.ParkingReports;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The parking module of one tenant, created by the platform when the tenant enables it; the
 * constructor probes the tenant's tables, so a present instance is a ready one. It wires the
 * services and holds no rules.
 */
@Component(
    name = ParkingTenant.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    immediate = true,
    service = {TenantModule.class, ParkingTenant.class},
    property = CourtyardConstants.MODULE + "=" + ParkingModule.ID)
@Designate(ocd = ParkingTenant.Config.class, factory = true)
public final class ParkingTenant extends JdbcTenantModule implements TenantStatistics {

  static final String PID = CourtyardConstants.MODULE_FACTORY_PID_PREFIX + ParkingModule.ID;

  @ObjectClassDefinition(
      id = PID,
      name = "Courtyard parking module, per tenant",
      description = "Created by the platform when a tenant enables the parking module.")
  @interface Config {

    @AttributeDefinition(name = "Tenant", description = "Slug of the tenant this instance serves.")
    String tenant();
  }

  private final Lots lots;
  private final Spaces spaces;
  private final Bookings bookings;
  private final Tariffs tariffs;
  private final Owners owners;
  private final Cards cards;
  private final ListEntries lists;
  private final Gates gates;
  private final StayPayments payments;
  private final ParkingReports reports;
  private final Discounts discounts;
  private final RoomRents rents;
  private final VisitorReservations visitorReservations;

  @Activate
  public ParkingTenant(
      Config config,
      @Reference(name = "persistence") TenantPersistence persistence,
      @Reference(name = "estate") EstateDirectory estate) {
    super(config.tenant(), ParkingModule.ID, persistence, "SELECT 1 FROM parking_booking LIMIT 0");
    this.lots = new Lots(jdbc(), tenant(), estate);
    this.spaces = new Spaces(jdbc(), lots);
    BilledRooms rooms = BilledRooms.of(estate, tenant());
    this.bookings = new Bookings(jdbc(), Clock.systemUTC(), rooms);
    this.tariffs = new Tariffs(jdbc(), lots);
    this.owners = new Owners(jdbc(), spaces, rooms);
    this.cards = new Cards(jdbc(), lots);
    this.lists = new ListEntries(jdbc(), lots, Clock.systemUTC());
    this.gates = new Gates(jdbc(), lots);
    this.payments = new StayPayments(tenant(), jdbc(), lots, Clock.systemUTC());
    this.discounts = new Discounts(jdbc(), lots, Clock.systemUTC());
    this.rents = new RoomRents(jdbc());
    this.visitorReservations = new VisitorReservations(jdbc(), Clock.systemUTC());
    this.reports = new ParkingReports(jdbc(), (c, scope, id) -> lots.find(c, scope, id, false));
  }

  @Override
  public Map<String, Object> statistics() {
    return jdbc()
        .read(
            c -> {
              Map<String, Object> out = new LinkedHashMap<>();
              try (var s = c.createStatement();
                  var rs =
                      s.executeQuery(
                          "SELECT (SELECT count(*) FROM parking_lot),"
                              + " (SELECT count(*) FROM parking_space),"
                              + " (SELECT count(*) FROM parking_booking WHERE state = 'active'"
                              + " AND upper(period) > now())")) {
                rs.next();
                out.put("lots", rs.getLong(1));
                out.put("spaces", rs.getLong(2));
                out.put("currentBookings", rs.getLong(3));
              }
              return out;
            });
  }

  Lots lots() {
    return lots;
  }

  Spaces spaces() {
    return spaces;
  }

  Bookings bookings() {
    return bookings;
  }

  Tariffs tariffs() {
    return tariffs;
  }

  Owners owners() {
    return owners;
  }

  Cards cards() {
    return cards;
  }

  ListEntries lists() {
    return lists;
  }

  Gates gates() {
    return gates;
  }

  StayPayments payments() {
    return payments;
  }

  ParkingReports reports() {
    return reports;
  }

  Discounts discounts() {
    return discounts;
  }

  RoomRents rents() {
    return rents;
  }

  VisitorReservations visitorReservations() {
    return visitorReservations;
  }
}
