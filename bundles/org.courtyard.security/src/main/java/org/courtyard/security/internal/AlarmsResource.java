package org.courtyard.security.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.Texts;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Page;
import org.courtyard.api.rest.Params;
import org.courtyard.api.rest.Permission;
import org.courtyard.security.internal.dto.AlarmAction;
import org.courtyard.security.internal.dto.AlarmView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Alarms (报警) under {@code /api/v1/security/alarms}: the list, and guards moving them on; an alarm
 * is in the caller's scope when its device is.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + SecurityModule.ID)
@Path("alarms")
@Produces(MediaType.APPLICATION_JSON)
public class AlarmsResource implements ModuleResource {

  private static final Texts TEXTS = Texts.of(AlarmsResource.class);

  private final SecurityInstances instances;

  @Activate
  public AlarmsResource(@Reference SecurityInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return SecurityModule.ID;
  }

  /**
   * Alarms, newest raised first (then by id); {@code status} keeps one state or several, comma
   * separated ({@code raised,acknowledged}: the open ones). Paginated like the access log.
   */
  @Doc(
      summary = "List alarms",
      description =
          "Alarms, newest raised first; status keeps one state or several, comma separated"
              + " (raised, acknowledged, resolved; raised,acknowledged lists the open ones).")
  @Permission("security.alarm.read")
  @GET
  public Page<AlarmView> alarms(
      @Context SecurityContext security,
      @QueryParam("status") String status,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    java.util.Set<String> statuses = new java.util.TreeSet<>();
    if (status != null && !status.isBlank()) {
      for (String one : status.split(",", -1)) {
        String s = one.strip();
        if (!AlarmRules.STATUSES.contains(s)) {
          throw Params.invalid(TEXTS.text("params.alarm-status", AlarmRules.STATUSES));
        }
        statuses.add(s);
      }
    }
    int size = Params.limit(limit);
    TimeCursor after = TimeCursor.decode(TimeCursor.Listing.ALARMS, cursor);
    return alarms(security).list(statuses, after, size, instances.scope(security));
  }

  @Doc(
      summary = "Acknowledge an alarm",
      description = "Records who took charge of a raised alarm, and why. 404 alarm-not-found.")
  @Permission("security.alarm.handle")
  @POST
  @Path("{id}/acknowledge")
  @Consumes(MediaType.APPLICATION_JSON)
  public AlarmView acknowledge(
      @Context SecurityContext security, @PathParam("id") long id, AlarmAction action) {
    return alarms(security)
        .move(id, AlarmRules.ACKNOWLEDGED, Params.body(action), instances.scope(security));
  }

  @Doc(
      summary = "Resolve an alarm",
      description = "Closes an alarm with who resolved it and a note. 404 alarm-not-found.")
  @Permission("security.alarm.handle")
  @POST
  @Path("{id}/resolve")
  @Consumes(MediaType.APPLICATION_JSON)
  public AlarmView resolve(
      @Context SecurityContext security, @PathParam("id") long id, AlarmAction action) {
    return alarms(security)
        .move(id, AlarmRules.RESOLVED, Params.body(action), instances.scope(security));
  }

  private Alarms alarms(SecurityContext security) {
    return instances.of(security).alarms();
  }
}
