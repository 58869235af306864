package org.courtyard.security.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Page;
import org.courtyard.api.rest.Params;
import org.courtyard.api.rest.Permission;
import org.courtyard.security.internal.dto.AccessView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The access log (门禁记录) under {@code /api/v1/security/access-events}. */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + SecurityModule.ID)
@Path("access-events")
@Produces(MediaType.APPLICATION_JSON)
public class AccessEventsResource implements ModuleResource {

  private final SecurityInstances instances;

  @Activate
  public AccessEventsResource(@Reference SecurityInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return SecurityModule.ID;
  }

  /**
   * Door and gate decisions, newest first (by time, then id); {@code granted=false} keeps the
   * refusals, {@code deviceId} one controller's; only the controllers within the caller's scope.
   * One page of {@code limit} (1-500, default 50); the next starts at {@code cursor=nextCursor}.
   */
  @Doc(
      summary = "List access events",
      description =
          "Door and gate decisions, newest first; granted=false keeps the refusals, deviceId one"
              + " controller's.")
  @Permission("security.access-event.read")
  @GET
  public Page<AccessView> accessEvents(
      @Context SecurityContext security,
      @QueryParam("deviceId") String deviceId,
      @QueryParam("granted") String granted,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    Boolean g = Params.blank(granted) ? null : Params.flag("granted", granted);
    int size = Params.limit(limit);
    TimeCursor after = TimeCursor.decode(TimeCursor.Listing.ACCESS_EVENTS, cursor);
    return instances
        .of(security)
        .accessLog()
        .list(Params.blank(deviceId) ? null : deviceId, g, after, size, instances.scope(security));
  }
}
