package org.courtyard.parking.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Params;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.parking.internal.dto.GateInput;
import org.courtyard.parking.internal.dto.GateView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A lot's gates (camera lanes), the passages through them with the gate's decisions, the guard's
 * decisions for the reads left to a person, and the lot's occupancy, under {@code /api/v1/parking}.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + ParkingModule.ID)
@Path("gates")
@Produces(MediaType.APPLICATION_JSON)
public class GatesResource implements ModuleResource {

  private final ParkingInstances instances;

  @Activate
  public GatesResource(@Reference ParkingInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return ParkingModule.ID;
  }

  @Doc(
      summary = "Add a gate",
      description =
          "A lane of a plate-reading camera (deviceId, a device of the devices module such as"
              + " one of type plate-camera, and lane, as its reads name it) becomes an entry or an exit of the"
              + " lot (lotId, direction, name). Its reads are then decided: at an entry, black"
              + " list refused, white list and monthly cards let in, others on a free temporary"
              + " space or refused when there is none; at an exit, cards and the white list let"
              + " out, a temporary stay when it costs nothing or after the guard took the fee; no"
              + " plate or a read below the lot's confidence waits for the guard. 409 duplicate"
              + " when the lane is a gate already; 404 for a lot outside the caller's scope, 404"
              + " device-not-found for a camera that is not one of the company's devices there.",
      returns = GateView.class,
      status = 201)
  @Permission("parking.lot.manage")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addGate(
      @Context SecurityContext security, @Context UriInfo uri, GateInput input) {
    ParkingTenant parking = instances.of(security);
    GateInput body = Params.body(input);
    instances.requireDevice(
        TenantPrincipal.of(security), TenantPrincipal.scopeOf(security), body.deviceId());
    GateView gate = parking.gates().addGate(TenantPrincipal.scopeOf(security), body);
    return Params.created(uri.getAbsolutePathBuilder(), gate.id(), gate);
  }

  @Doc(summary = "Get a gate", description = "One gate (a camera's lane of a lot). 404 not-found.")
  @Permission("parking.lot.read")
  @GET
  @Path("{id}")
  public GateView getGate(@Context SecurityContext security, @PathParam("id") long id) {
    return instances.of(security).gates().gate(TenantPrincipal.scopeOf(security), id);
  }
}
