package org.courtyard.workorders.internal;

import static org.courtyard.api.rest.Params.body;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.workorders.internal.settings.CalendarView;
import org.courtyard.workorders.internal.settings.SettingsView;
import org.courtyard.workorders.internal.sweeps.SweepCounts;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The tenant's work-order rules under {@code /api/v1/workorders}: the settings, the working
 * calendar the deadlines count in, and the sweep that marks passed deadlines (which the scheduler
 * runs every minute; {@code POST /sweep} runs it now).
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + WorkordersModule.ID)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource implements ModuleResource {

  private final WorkordersInstances instances;

  @Activate
  public SettingsResource(@Reference WorkordersInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return WorkordersModule.ID;
  }

  @Doc(
      summary = "Get the work-order settings",
      description =
          "Time zone, warning share of the allowed time (percent), days until an unconfirmed"
              + " order is confirmed automatically, days an order can be reopened, the make-up"
              + " days' hours, and the version to send back on update.")
  @Permission("workorders.order.read")
  @GET
  @Path("settings")
  public SettingsView getSettings(@Context SecurityContext security) {
    return instances.of(security).settings().settings();
  }

  @Doc(
      summary = "Update the work-order settings",
      description =
          "timeZone (a zone id), warnPercent 1-100, autoConfirmDays 0-90, reopenDays 0-365,"
              + " makeupHours (periods such as 08:30-12:00,13:30-17:30, or null for Monday's),"
              + " version. 422 naming the fields; 409 stale-version; 403 outside-scope unless"
              + " granted for the whole company. Applies from each order's next step.")
  @Permission("workorders.category.manage")
  @PUT
  @Path("settings")
  @Consumes(MediaType.APPLICATION_JSON)
  public SettingsView updateSettings(@Context SecurityContext security, SettingsView input) {
    return instances
        .of(security)
        .settings()
        .updateSettings(body(input), TenantPrincipal.scopeOf(security));
  }

  @Doc(
      summary = "Get the working calendar",
      description =
          "The working periods of each weekday (\"1\" Monday to \"7\" Sunday, \"\" a day off),"
              + " the public holidays and make-up working days (调休) by date, and the version.")
  @Permission("workorders.order.read")
  @GET
  @Path("calendar")
  public CalendarView getCalendar(@Context SecurityContext security) {
    return instances.of(security).settings().calendar();
  }

  @Doc(
      summary = "Replace the working calendar",
      description =
          "All seven weekdays' periods (sorted, not overlapping; at least one day with hours) and"
              + " every holiday and make-up day (kind holiday or workday; a workday may name its"
              + " hours). 422 naming the fields, such as weekdays.6 or days[2].hours; 409"
              + " stale-version; 403 outside-scope unless granted for the whole company.")
  @Permission("workorders.category.manage")
  @PUT
  @Path("calendar")
  @Consumes(MediaType.APPLICATION_JSON)
  public CalendarView updateCalendar(@Context SecurityContext security, CalendarView input) {
    return instances
        .of(security)
        .settings()
        .updateCalendar(body(input), TenantPrincipal.scopeOf(security));
  }

  @Doc(
      summary = "Sweep the deadlines now",
      description =
          "Marks the response and resolution warnings and breaches whose instants have passed"
              + " and confirms the orders done longer ago than the confirmation period, each with"
              + " a timeline line by the system, as the scheduler does every minute. Answers what"
              + " it marked; a second run marks nothing again. Then, as the scheduler does, posts"
              + " to billing the paid repairs' charges still waiting for it (and voids those of"
              + " cancelled orders), each once whatever the number of runs; and opens the orders"
              + " the alarm rules ask for from the device alarms security recorded since (an"
              + " alarm is taken once it is 5 s old).")
  @Permission("workorders.category.manage")
  @POST
  @Path("sweep")
  public SweepCounts sweep(@Context SecurityContext security) {
    WorkordersTenant tenant = instances.of(security);
    SweepCounts counts = tenant.sweeps().sweep();
    tenant.charges().settle(instances.billing(), tenant.tenant(), null);
    instances.intakeAlarms(tenant);
    return counts;
  }
}
