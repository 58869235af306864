package org.courtyard.workorders.internal;

import java.util.List;
import javax.ws.rs.GET;
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
import org.courtyard.workorders.internal.people.LoadRow;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The dispatcher's view under {@code /api/v1/workorders/load}: the open orders of each technician
 * and each team, so that the next order goes to whoever has room for it.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + WorkordersModule.ID)
@Path("load")
@Produces(MediaType.APPLICATION_JSON)
public class LoadResource implements ModuleResource {

  private final WorkordersInstances instances;

  @Activate
  public LoadResource(@Reference WorkordersInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return WorkordersModule.ID;
  }

  @Doc(
      summary = "Get the dispatcher's load",
      description =
          "Open orders (dispatched, accepted, in progress, paused) per technician (userId) and per"
              + " team (teamId, orders no member accepted yet), by state, and how many are overdue"
              + " (a deadline breached or past due), within the caller's scope.")
  @Permission("workorders.order.read")
  @GET
  public List<LoadRow> load(@Context SecurityContext security) {
    return instances.of(security).load().load(TenantPrincipal.scopeOf(security));
  }
}
