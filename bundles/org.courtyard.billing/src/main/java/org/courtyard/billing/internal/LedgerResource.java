package org.courtyard.billing.internal;

import static org.courtyard.api.rest.Params.blank;

import java.util.UUID;
import java.util.regex.Pattern;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.Problems;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.billing.internal.dto.LedgerCheck;
import org.courtyard.billing.internal.dto.LedgerTxView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The ledger (总账) under {@code /api/v1/billing/ledger}: its transactions, their reversal, and the
 * check that it balances.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + BillingModule.ID)
@Path("ledger")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource implements ModuleResource {

  private static final Texts TEXTS = Texts.of(LedgerResource.class);

  private final BillingInstances billing;

  @Activate
  public LedgerResource(@Reference BillingInstances billing) {
    this.billing = billing;
  }

  @Override
  public String moduleId() {
    return BillingModule.ID;
  }

  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  @Doc(
      summary = "Get a ledger transaction",
      description = "One ledger transaction with its entries. 404 not-found.")
  @Permission("billing.ledger.read")
  @GET
  @Path("transactions/{txId}")
  public LedgerTxView getTransaction(
      @Context SecurityContext security, @PathParam("txId") String txId) {
    return billing
        .of(security)
        .reports()
        .transaction(uuid(txId), TenantPrincipal.scopeOf(security));
  }

  @Doc(
      summary = "Reverse a ledger transaction",
      description = "Books a reversing transaction. 409 not-reversible or already-reversed.",
      returns = LedgerTxView.class)
  @Permission("billing.ledger.reverse")
  @POST
  @Path("transactions/{txId}/reverse")
  public Response reverse(@Context SecurityContext security, @PathParam("txId") String txId) {
    LedgerTxView reversal =
        billing.of(security).reversals().reverse(uuid(txId), TenantPrincipal.scopeOf(security));
    return Response.status(201).entity(reversal).build();
  }

  @Doc(
      summary = "Check the ledger",
      description =
          "Whether the ledger's debits and credits balance, in total and per period (one period"
              + " with period=YYYY-MM).")
  @Permission("billing.ledger.read")
  @GET
  @Path("check")
  public LedgerCheck checkLedger(
      @Context SecurityContext security, @QueryParam("period") String period) {
    return billing
        .of(security)
        .reports()
        .ledgerCheck(blank(period) ? null : period, TenantPrincipal.scopeOf(security));
  }

  private static UUID uuid(String value) {
    if (value == null || !UUID_TEXT.matcher(value).matches()) {
      throw Problems.notFound(
          TEXTS.text("label.ledger-tx"), value == null ? "" : TextRules.shorten(value));
    }
    return UUID.fromString(value);
  }
}
