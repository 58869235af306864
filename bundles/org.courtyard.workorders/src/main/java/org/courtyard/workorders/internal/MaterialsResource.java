package org.courtyard.workorders.internal;

import static org.courtyard.api.rest.Params.body;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.Texts;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Page;
import org.courtyard.api.rest.Params;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.workorders.internal.stock.MaterialInput;
import org.courtyard.workorders.internal.stock.MaterialView;
import org.courtyard.workorders.internal.stock.MovementInput;
import org.courtyard.workorders.internal.stock.MovementView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The materials of the estates' stores (维修材料) and their stock under {@code
 * /api/v1/workorders/materials}: everyone who reads work orders reads the stock of the estates in
 * their scope; managing it (materials, receipts, stocktake corrections) needs {@code
 * workorders.stock.manage} for the whole estate.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + WorkordersModule.ID)
@Path("materials")
@Produces(MediaType.APPLICATION_JSON)
public class MaterialsResource implements ModuleResource {

  private static final Texts TEXTS = Texts.of(MaterialsResource.class);

  private final WorkordersInstances instances;

  @Activate
  public MaterialsResource(@Reference WorkordersInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return WorkordersModule.ID;
  }

  @Doc(
      summary = "List materials",
      description =
          "Materials of the estates the caller's scope covers whole, by id, with their stock and"
              + " unit cost. Filters: estateId, q (the start of the code, or words of the name),"
              + " active.")
  @Permission("workorders.order.read")
  @GET
  public Page<MaterialView> list(
      @Context SecurityContext security,
      @QueryParam("estateId") String estateId,
      @QueryParam("q") String q,
      @QueryParam("active") String active,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    String words = Params.blank(q) ? null : q.strip();
    if (words != null && words.length() > 100) {
      throw Params.invalid(TEXTS.text("params.q"));
    }
    return instances
        .of(security)
        .materials()
        .list(
            TenantPrincipal.scopeOf(security),
            Params.id("estateId", estateId),
            words,
            Params.blank(active) ? null : Params.flag("active", active),
            Params.blank(cursor) ? null : cursor,
            Params.limit(limit));
  }

  @Doc(summary = "Get a material", description = "Its stock and unit cost. 404 not-found.")
  @Permission("workorders.order.read")
  @GET
  @Path("{id}")
  public MaterialView get(@Context SecurityContext security, @PathParam("id") long id) {
    return instances.of(security).materials().get(id, TenantPrincipal.scopeOf(security));
  }

  @Doc(
      summary = "Create a material",
      description =
          "{estateId, code, name, unit (个, 米, 卷 ...), unitCost (before any receipt; 0 if left"
              + " out), active}, with nothing in stock: receive stock next. The code is unique in"
              + " the estate (409 duplicate). 422 validation-failed or unknown-estate; 403"
              + " outside-scope for an estate not granted whole.",
      returns = MaterialView.class)
  @Permission("workorders.stock.manage")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @Context SecurityContext security, @Context UriInfo uri, MaterialInput input) {
    TenantPrincipal caller = TenantPrincipal.principalOf(security);
    Places places = instances.places(caller.tenant());
    MaterialView created =
        instances
            .of(security)
            .materials()
            .create(
                body(input),
                TenantPrincipal.scopeOf(security),
                estate -> places.area(estate, null).isPresent());
    return Params.created(uri.getAbsolutePathBuilder(), created.id(), created);
  }

  @Doc(
      summary = "Update a material",
      description =
          "Changes code, name, unit and active with the version read; the estate stays, and the"
              + " quantity and unit cost change only by movements. 409 stale-version or"
              + " duplicate; 422 validation-failed.")
  @Permission("workorders.stock.manage")
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public MaterialView update(
      @Context SecurityContext security, @PathParam("id") long id, MaterialInput input) {
    return instances
        .of(security)
        .materials()
        .update(id, body(input), TenantPrincipal.scopeOf(security));
  }

  @Doc(
      summary = "Receive stock",
      description =
          "Stock in: {quantity (> 0, 3 decimals), unitCost (yuan), note}. The unit cost becomes"
              + " the moving average of what was in stock and what came. Answers the receipt with"
              + " the stock after it. 409 material-inactive; 422 validation-failed.")
  @Permission("workorders.stock.manage")
  @POST
  @Path("{id}/receipts")
  @Consumes(MediaType.APPLICATION_JSON)
  public MovementView receive(
      @Context SecurityContext security, @PathParam("id") long id, MovementInput input) {
    return instances
        .of(security)
        .materials()
        .receive(id, body(input), TenantPrincipal.scopeOf(security), Caller.of(security).actorId());
  }

  @Doc(
      summary = "Correct the stock",
      description =
          "A stocktake's correction (盘点): {quantity found more (+) or less (-), note saying"
              + " why}; the unit cost stays. 409 insufficient-stock when it would leave less than"
              + " nothing; 422 validation-failed.")
  @Permission("workorders.stock.manage")
  @POST
  @Path("{id}/adjustments")
  @Consumes(MediaType.APPLICATION_JSON)
  public MovementView adjust(
      @Context SecurityContext security, @PathParam("id") long id, MovementInput input) {
    return instances
        .of(security)
        .materials()
        .adjust(id, body(input), TenantPrincipal.scopeOf(security), Caller.of(security).actorId());
  }

  @Doc(
      summary = "List a material's movements",
      description =
          "Receipts, stocktake corrections, uses on work orders and returns, newest first, each"
              + " with the signed quantity and the stock it left. 404 not-found.")
  @Permission("workorders.order.read")
  @GET
  @Path("{id}/movements")
  public Page<MovementView> movements(
      @Context SecurityContext security,
      @PathParam("id") long id,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return instances
        .of(security)
        .materials()
        .movements(
            id,
            TenantPrincipal.scopeOf(security),
            Params.blank(cursor) ? null : cursor,
            Params.limit(limit));
  }
}
