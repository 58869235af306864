package org.courtyard.workorders.internal;

import static org.courtyard.api.rest.Params.body;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
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
import org.courtyard.api.rest.Params;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.workorders.internal.people.DutyInput;
import org.courtyard.workorders.internal.people.DutyView;
import org.courtyard.workorders.internal.people.TechnicianInput;
import org.courtyard.workorders.internal.people.TechnicianView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Technicians (staff users of identity, by id) under {@code /api/v1/workorders/technicians}: their
 * skills and areas, and their on-duty shifts.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + WorkordersModule.ID)
@Path("technicians")
@Produces(MediaType.APPLICATION_JSON)
public class TechniciansResource implements ModuleResource {

  private static final Texts TEXTS = Texts.of(TechniciansResource.class);

  private final WorkordersInstances instances;

  @Activate
  public TechniciansResource(@Reference WorkordersInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return WorkordersModule.ID;
  }

  @Doc(
      summary = "List technicians",
      description =
          "Everyone with a skill, an area, a team, a shift not yet over or an open order, by user"
              + " id: the name (displayName, null for a disabled user), skills, areas (estateId, buildingId null for the whole estate), teams, open"
              + " orders within the caller's scope, and whether on duty now. Not paged.")
  @Permission("workorders.order.read")
  @GET
  public List<TechnicianView> technicians(@Context SecurityContext security) {
    return named(
        security, instances.of(security).technicians().list(TenantPrincipal.scopeOf(security)));
  }

  /** The views with their names, read from the staff directory in one call. */
  private List<TechnicianView> named(SecurityContext security, List<TechnicianView> views) {
    if (views.isEmpty()) {
      return views;
    }
    java.util.Map<Long, org.courtyard.api.StaffDirectory.Contact> names =
        instances
            .staff()
            .contacts(
                TenantPrincipal.of(security), views.stream().map(TechnicianView::userId).toList());
    return views.stream()
        .map(v -> names.containsKey(v.userId()) ? v.named(names.get(v.userId()).displayName()) : v)
        .toList();
  }

  @Doc(
      summary = "Get a technician",
      description =
          "One staff user as a technician; empty lists for a user never set up. 404"
              + " technician-not-found when the tenant has no such staff user.")
  @Permission("workorders.order.read")
  @GET
  @Path("{userId}")
  public TechnicianView technician(
      @Context SecurityContext security, @PathParam("userId") String userId) {
    return named(
            security,
            List.of(
                instances
                    .of(security)
                    .technicians()
                    .get(staffUser(security, userId), TenantPrincipal.scopeOf(security))))
        .get(0);
  }

  @Doc(
      summary = "Set a technician's skills and areas",
      description =
          "Replaces the skills (codes such as plumbing) and the areas ({estateId, buildingId?}:"
              + " a whole estate or one building of it, which must exist). 422 naming the fields,"
              + " such as skills[1] or areas[0].buildingId.")
  @Permission("workorders.technician.manage")
  @PUT
  @Path("{userId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public TechnicianView updateTechnician(
      @Context SecurityContext security,
      @PathParam("userId") String userId,
      TechnicianInput input) {
    WorkordersTenant t = instances.of(security);
    Places places = instances.places(t.tenant());
    return named(
            security,
            List.of(
                t.technicians()
                    .update(
                        staffUser(security, userId),
                        body(input),
                        (estate, building) -> places.area(estate, building).isPresent(),
                        TenantPrincipal.scopeOf(security))))
        .get(0);
  }

  @Doc(
      summary = "Get a technician's shifts",
      description =
          "The on-duty shifts that begin from the day from to the day to (YYYY-MM-DD, by default"
              + " today and the next six days in the tenant's zone; at most 92 days), each with"
              + " its day, from and to (HH:MM; to not after from ends the next day) and the"
              + " instants it covers.")
  @Permission("workorders.order.read")
  @GET
  @Path("{userId}/duty")
  public DutyView duty(
      @Context SecurityContext security,
      @PathParam("userId") String userId,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    return instances.of(security).duty().get(staffUser(security, userId), from, to);
  }

  @Doc(
      summary = "Replace a technician's shifts",
      description =
          "Replaces the shifts that begin from the day from to the day to (both required) with"
              + " {shifts:[{day, from, to}]}, days within the range. 422 naming each wrong or"
              + " overlapping shift; 409 duty-overlap when one overlaps a shift outside the range.")
  @Permission("workorders.technician.manage")
  @PUT
  @Path("{userId}/duty")
  @Consumes(MediaType.APPLICATION_JSON)
  public DutyView replaceDuty(
      @Context SecurityContext security,
      @PathParam("userId") String userId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      DutyInput input) {
    return instances
        .of(security)
        .duty()
        .replace(staffUser(security, userId), from, to, body(input));
  }

  /** A path segment is never empty, so {@link Params#id} answers an id or a 400. */
  /** The path's user id, which must be one of the tenant's staff: 404 otherwise. */
  private long staffUser(SecurityContext security, String value) {
    long id = Params.id("userId", value);
    if (!instances.places(TenantPrincipal.of(security)).staffExists(id)) {
      throw TEXTS.problem(404, "technician-not-found", "technician.not-found", id);
    }
    return id;
  }
}
