package org.courtyard.billing.internal;

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
import org.courtyard.billing.internal.dto.IncomeView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Income other modules took for no room (a visitor's parking paid at the exit), under {@code
 * /api/v1/billing/income}: the list, one income and its printable receipt.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + BillingModule.ID)
@Path("income")
@Produces(MediaType.APPLICATION_JSON)
public class IncomeResource implements ModuleResource {

  private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";

  private final BillingInstances billing;

  @Activate
  public IncomeResource(@Reference BillingInstances billing) {
    this.billing = billing;
  }

  @Override
  public String moduleId() {
    return BillingModule.ID;
  }

  @Doc(
      summary = "List income taken for no room",
      description =
          "Income other modules took over a counter or at a gate (source parking: a visitor's"
              + " temporary parking), newest first, in the caller's scope (the estates granted"
              + " whole). Filter: source.")
  @Permission("billing.payment.read")
  @GET
  public Page<IncomeView> listIncome(
      @Context SecurityContext security,
      @QueryParam("source") String source,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return billing
        .of(security)
        .incomes()
        .list(
            TenantPrincipal.scopeOf(security),
            source == null || source.isBlank() ? null : source,
            Cursor.decode(cursor),
            Params.limit(limit));
  }

  @Doc(
      summary = "Get an income",
      description = "One income with its receipt number. 404 not-found.")
  @Permission("billing.payment.read")
  @GET
  @Path("{id}")
  public IncomeView getIncome(@Context SecurityContext security, @PathParam("id") long id) {
    return billing.of(security).incomes().get(id, TenantPrincipal.scopeOf(security));
  }

  @Doc(
      summary = "Print an income's receipt",
      description =
          "The income's receipt (收据) as a printable HTML page: number, what it was for, who paid,"
              + " time, method, the amount in figures and in Chinese capitals. 404 not-found.")
  @Permission("billing.payment.read")
  @GET
  @Path("{id}/receipt.html")
  @Produces(HTML)
  public String incomeReceipt(@Context SecurityContext security, @PathParam("id") long id) {
    BillingTenant instance = billing.of(security);
    IncomeView income = instance.incomes().get(id, TenantPrincipal.scopeOf(security));
    return ReceiptHtml.render(
        income, instance.incomes().feeName(income.feeCode()), instance.catalog().settings().zone());
  }
}
