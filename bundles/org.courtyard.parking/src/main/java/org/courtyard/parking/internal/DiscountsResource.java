package org.courtyard.parking.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Page;
import org.courtyard.api.rest.Params;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.parking.internal.dto.DiscountView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Time given off temporary stays under {@code /api/v1/parking/discounts}: residents' visitor grants
 * and merchants' coupons of the lots in the caller's scope. Coupons are recorded at {@code POST
 * /lots/{id}/coupons}, grants by residents at {@code POST /my/visitors}.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + ParkingModule.ID)
@Path("discounts")
@Produces(MediaType.APPLICATION_JSON)
public class DiscountsResource implements ModuleResource {

  private final ParkingInstances instances;

  @Activate
  public DiscountsResource(@Reference ParkingInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return ParkingModule.ID;
  }

  @Doc(
      summary = "List visitor grants and coupons",
      description =
          "Minutes given off stays in the lots of the caller's scope, newest first: kind visitor"
              + " (a resident's grant) or coupon (a merchant's). Filters: lotId, plate.")
  @Permission("parking.gate.read")
  @GET
  public Page<DiscountView> listDiscounts(
      @Context SecurityContext security,
      @QueryParam("lotId") String lotId,
      @QueryParam("plate") String plate,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return instances
        .of(security)
        .discounts()
        .list(
            TenantPrincipal.scopeOf(security),
            Params.id("lotId", lotId),
            ParkingRules.plateFilter(plate),
            Cursor.decode(cursor),
            Params.limit(limit));
  }

  @Doc(summary = "Get a visitor grant or coupon", description = "One of them. 404 not-found.")
  @Permission("parking.gate.read")
  @GET
  @Path("{id}")
  public DiscountView getDiscount(@Context SecurityContext security, @PathParam("id") long id) {
    return instances.of(security).discounts().get(TenantPrincipal.scopeOf(security), null, id);
  }
}
