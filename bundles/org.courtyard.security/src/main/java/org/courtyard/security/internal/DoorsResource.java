package org.courtyard.security.internal;

import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Params;
import org.courtyard.api.rest.Permission;
import org.courtyard.devices.DeviceCommand;
import org.courtyard.security.internal.dto.AccessView;
import org.courtyard.security.internal.dto.Opened;
import org.courtyard.security.internal.dto.RemoteOpen;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Doors and gates opened from the guard room, under {@code /api/v1/security/doors}. */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + SecurityModule.ID)
@Path("doors")
@Produces(MediaType.APPLICATION_JSON)
public class DoorsResource implements ModuleResource {

  private final SecurityInstances instances;

  @Activate
  public DoorsResource(@Reference SecurityInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return SecurityModule.ID;
  }

  /**
   * Opens a door or gate from the guard room: sends {@code open} to the controller through its
   * driver and writes a granted {@code remote} line with who and why into the access log. Nothing
   * is logged when the command cannot be sent (unknown or revoked device, a driver that cannot
   * open); a controller outside the caller's scope answers 404 as an unknown one. 202: the
   * controller confirms later, in the device's commands.
   */
  @Doc(
      summary = "Open a door remotely",
      description =
          "Sends open to the door controller through its driver and logs a granted remote access"
              + " line with who and why. 202: the controller confirms later, in the device's"
              + " commands.",
      returns = Opened.class,
      status = 202)
  @Permission("security.door.open")
  @POST
  @Path("{deviceId}/open")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response open(
      @Context SecurityContext security, @PathParam("deviceId") String deviceId, RemoteOpen input) {
    RemoteOpen in = Params.body(input);
    String door = AccessRules.checkRemoteOpen(in);
    SecurityTenant t = instances.of(security);
    DeviceCommand sent = instances.devices(security).send(deviceId, "open", Map.of("door", door));
    AccessView logged =
        t.accessLog().openedRemotely(deviceId, door, in.by().strip(), in.reason(), sent.id());
    return Response.status(Response.Status.ACCEPTED).entity(new Opened(sent, logged)).build();
  }
}
