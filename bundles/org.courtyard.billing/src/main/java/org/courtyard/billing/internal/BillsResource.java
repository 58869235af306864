package org.courtyard.billing.internal;

import static org.courtyard.api.rest.Params.blank;
import static org.courtyard.api.rest.Params.id;
import static org.courtyard.api.rest.Params.limit;

import java.util.Set;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.Texts;
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Page;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.billing.internal.dto.BillView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Bills (账单) under {@code /api/v1/billing/bills}, by room, period and status. */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + BillingModule.ID)
@Path("bills")
@Produces(MediaType.APPLICATION_JSON)
public class BillsResource implements ModuleResource {

  private static final Texts TEXTS = Texts.of(BillsResource.class);

  private final BillingInstances billing;

  @Activate
  public BillsResource(@Reference BillingInstances billing) {
    this.billing = billing;
  }

  @Override
  public String moduleId() {
    return BillingModule.ID;
  }

  private static final Set<String> BILL_STATUSES = Set.of("open", "paid", "cancelled");

  @Doc(
      summary = "List bills",
      description = "Bills, optionally of one room or building, period or status, paginated by id.")
  @Permission("billing.bill.read")
  @GET
  public Page<BillView> listBills(
      @Context SecurityContext security,
      @QueryParam("roomId") String roomId,
      @QueryParam("buildingId") String buildingId,
      @QueryParam("period") String period,
      @QueryParam("status") String status,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    if (!blank(status) && !BILL_STATUSES.contains(status)) {
      throw Errors.invalidParameter(TEXTS.text("bills.status-parameter"));
    }
    return billing
        .of(security)
        .reports()
        .listBills(
            id("roomId", roomId),
            id("buildingId", buildingId),
            blank(period) ? null : Periods.parse(period).toString(),
            blank(status) ? null : status,
            Cursor.decode(cursor),
            limit(limit),
            TenantPrincipal.scopeOf(security));
  }

  @Doc(summary = "Get a bill", description = "One bill with its amounts and status. 404 not-found.")
  @Permission("billing.bill.read")
  @GET
  @Path("{id}")
  public BillView getBill(@Context SecurityContext security, @PathParam("id") long id) {
    return billing.of(security).reports().bill(id, TenantPrincipal.scopeOf(security));
  }
}
