package org.courtyard.billing.internal;

import static org.courtyard.api.rest.Params.body;
import static org.courtyard.api.rest.Params.created;
import static org.courtyard.api.rest.Params.limit;

import java.util.List;
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
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Texts;
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Page;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.billing.internal.dto.ChargeRequest;
import org.courtyard.billing.internal.dto.ChargeResult;
import org.courtyard.billing.internal.dto.FeeItemInput;
import org.courtyard.billing.internal.dto.FeeItemView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Fee items (收费项目) under {@code /api/v1/billing/fee-items}: what is charged, how and when, and
 * one-off charges of an item to chosen rooms.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + BillingModule.ID)
@Path("fee-items")
@Produces(MediaType.APPLICATION_JSON)
public class FeeItemsResource implements ModuleResource {

  private static final Texts TEXTS = Texts.of(FeeItemsResource.class);

  private final BillingInstances billing;

  @Activate
  public FeeItemsResource(@Reference BillingInstances billing) {
    this.billing = billing;
  }

  @Override
  public String moduleId() {
    return BillingModule.ID;
  }

  @Doc(
      summary = "List fee items",
      description = "The tenant's fee items (management fee, water, parking...), paginated by id.")
  @Permission("billing.fee-item.read")
  @GET
  public Page<FeeItemView> listFeeItems(
      @Context SecurityContext security,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return billing.of(security).catalog().list(Cursor.decode(cursor), limit(limit));
  }

  @Doc(
      summary = "Create a fee item",
      description =
          "Adds a fee item with its pricing. 422 validation-failed with the field errors.",
      returns = FeeItemView.class)
  @Permission("billing.fee-item.manage")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createFeeItem(
      @Context SecurityContext security, @Context UriInfo uri, FeeItemInput input) {
    TenantSlug tenant = TenantPrincipal.of(security);
    FeeItemInput item = body(input);
    FeeItemView created =
        billing
            .of(security)
            .catalog()
            .create(
                item,
                TenantPrincipal.scopeOf(security),
                kind -> {
                  if (kind.needsResidents() && !billing.residentsEnabled(tenant)) {
                    throw BillingInstances.moduleRequired(
                        tenant,
                        List.of(item.code().strip()),
                        TEXTS.text("module-required.create-later"));
                  }
                });
    return created(uri.getAbsolutePathBuilder(), created.id(), created);
  }

  @Doc(summary = "Get a fee item", description = "One fee item. 404 not-found.")
  @Permission("billing.fee-item.read")
  @GET
  @Path("{id}")
  public FeeItemView getFeeItem(@Context SecurityContext security, @PathParam("id") long id) {
    return billing.of(security).catalog().get(id);
  }

  @Doc(
      summary = "Update a fee item",
      description =
          "Replaces the fee item's fields. 409 stale-version when someone changed it since it was"
              + " read.")
  @Permission("billing.fee-item.manage")
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public FeeItemView updateFeeItem(
      @Context SecurityContext security, @PathParam("id") long id, FeeItemInput input) {
    return billing
        .of(security)
        .catalog()
        .update(id, body(input), TenantPrincipal.scopeOf(security));
  }

  @Doc(
      summary = "Charge a one-off fee",
      description =
          "Bills a one-off fee item to rooms: 201 with the bills created, 200 when there was"
              + " nothing to bill. 422 not-one-off for a recurring item.",
      returns = ChargeResult.class,
      status = 201)
  @Permission("billing.charge.create")
  @POST
  @Path("{id}/charges")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response charge(
      @Context SecurityContext security, @PathParam("id") long id, ChargeRequest input) {
    ChargeResult result =
        billing.of(security).charges().charge(id, body(input), TenantPrincipal.scopeOf(security));
    return Response.status(result.billIds().isEmpty() ? 200 : 201).entity(result).build();
  }
}
