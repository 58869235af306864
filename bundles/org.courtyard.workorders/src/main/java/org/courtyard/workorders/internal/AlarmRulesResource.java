package org.courtyard.workorders.internal;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Permission;
import org.courtyard.workorders.internal.dto.AlarmRuleView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Which device alarms open work orders, under {@code /api/v1/workorders/alarm-rules}: one rule per
 * alarm kind security records, naming the repair category and the priority of the order.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + WorkordersModule.ID)
@Path("alarm-rules")
@Produces(MediaType.APPLICATION_JSON)
public class AlarmRulesResource implements ModuleResource {

  private final WorkordersInstances instances;

  @Activate
  public AlarmRulesResource(@Reference WorkordersInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return WorkordersModule.ID;
  }

  @Doc(
      summary = "List the alarm rules",
      description =
          "Every alarm kind security records (water_leak, door_forced, door_held_open, smoke,"
              + " tamper, low_battery, sensor_fault, device_offline) with the category and"
              + " priority of the order it opens; categoryId null for a kind that opens none. A new"
              + " company starts with water_leak → plumbing and door_forced → door-lock, both"
              + " urgent. While the company has security and devices, the sweep (every minute)"
              + " opens an order per alarm a rule covers, reported by the device (channel"
              + " device_alarm) at its room or, for a device of a building or an area, at that"
              + " public place; a device with an open order of the category opens no second one.")
  @Permission("workorders.order.read")
  @GET
  public List<AlarmRuleView> list(@Context SecurityContext security) {
    return instances.of(security).alarmOrders().rules();
  }

  @Doc(
      summary = "Set an alarm kind's rule",
      description =
          "{categoryId, priority (normal, urgent or emergency; urgent when left out), enabled"
              + " (true when left out), version}: version 0 for a kind without a rule, else the"
              + " version read (409 stale-version otherwise). An active repair category only (422"
              + " unknown-category, validation-failed). 404 not-found for an unknown kind. Orders"
              + " already opened keep their category.")
  @Permission("workorders.category.manage")
  @PUT
  @Path("{kind}")
  @Consumes(MediaType.APPLICATION_JSON)
  public AlarmRuleView put(
      @Context SecurityContext security, @PathParam("kind") String kind, AlarmRuleView input) {
    return instances.of(security).alarmOrders().put(kind, input);
  }
}
