package org.courtyard.billing.internal;

import static org.courtyard.api.rest.Params.body;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
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
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.billing.internal.dto.CollectionStats;
import org.courtyard.billing.internal.dto.PaymentRequest;
import org.courtyard.billing.internal.dto.PaymentView;
import org.courtyard.billing.internal.dto.PersonStatementView;
import org.courtyard.billing.internal.dto.RefundRequest;
import org.courtyard.billing.internal.dto.RefundView;
import org.courtyard.billing.internal.dto.SettingsView;
import org.courtyard.billing.internal.dto.StatementView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What billing answers at its root, {@code /api/v1/billing}: the tenant's settings, money received
 * and paid back (idempotent), statements of rooms and residents, and collection statistics. The
 * other aggregates have resources of their own ({@link FeeItemsResource}, {@link RunsResource},
 * {@link BillsResource}, {@link LedgerResource}, {@link ArrearsResource}, {@link MetersResource});
 * all of them route each request to the caller's {@link BillingTenant} through {@link
 * BillingInstances}.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + BillingModule.ID)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class BillingResource implements ModuleResource {

  private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";

  private final BillingInstances billing;

  @Activate
  public BillingResource(@Reference BillingInstances billing) {
    this.billing = billing;
  }

  @Override
  public String moduleId() {
    return BillingModule.ID;
  }

  @Doc(
      summary = "Get billing settings",
      description =
          "The tenant's billing settings: currency, grace days and time zone, with the version to"
              + " send back on update.")
  @Permission("billing.settings.read")
  @GET
  @Path("settings")
  public SettingsView getSettings(@Context SecurityContext security) {
    return billing.of(security).catalog().settingsView();
  }

  @Doc(
      summary = "Update billing settings",
      description =
          "Replaces the billing settings. 409 stale-version when someone changed them since they"
              + " were read.")
  @Permission("billing.settings.manage")
  @PUT
  @Path("settings")
  @Consumes(MediaType.APPLICATION_JSON)
  public SettingsView updateSettings(@Context SecurityContext security, SettingsView input) {
    return billing
        .of(security)
        .catalog()
        .updateSettings(body(input), TenantPrincipal.scopeOf(security));
  }

  @Doc(
      summary = "Record a payment",
      description =
          "Records a payment for a room: without allocations it pays the open bills oldest first,"
              + " and what is left becomes prepayment. Needs an Idempotency-Key header: a repeat"
              + " with the same key answers the stored result; 422 idempotency-key-reused for a"
              + " different body.",
      returns = PaymentView.class)
  @Permission("billing.payment.create")
  @POST
  @Path("payments")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response pay(
      @Context SecurityContext security,
      @HeaderParam(Idempotency.HEADER) String key,
      PaymentRequest input) {
    BillingTenant instance = billing.of(security);
    Idempotency.requireKey(key);
    return stored(instance.payments().pay(key, body(input), TenantPrincipal.scopeOf(security)));
  }

  @Doc(
      summary = "Record a refund",
      description =
          "Pays money back to a room out of its prepayment. Needs an Idempotency-Key header like"
              + " payments; 409 insufficient-prepayment when not enough is left.",
      returns = RefundView.class)
  @Permission("billing.refund.create")
  @POST
  @Path("refunds")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response refund(
      @Context SecurityContext security,
      @HeaderParam(Idempotency.HEADER) String key,
      RefundRequest input) {
    BillingTenant instance = billing.of(security);
    Idempotency.requireKey(key);
    return stored(instance.payments().refund(key, body(input), TenantPrincipal.scopeOf(security)));
  }

  @Doc(
      summary = "Get a payment",
      description = "One payment: amount, method, the bills it paid. 404 not-found.")
  @Permission("billing.payment.read")
  @GET
  @Path("payments/{id}")
  public PaymentView payment(@Context SecurityContext security, @PathParam("id") long id) {
    return billing.of(security).reports().payment(id, TenantPrincipal.scopeOf(security));
  }

  @Doc(
      summary = "Print a payment's receipt",
      description =
          "The payment's receipt (收据) as a printable HTML page: number, room, time, method, the"
              + " amount in figures and in Chinese capitals, the bills it paid. 404 not-found.")
  @Permission("billing.payment.read")
  @GET
  @Path("payments/{id}/receipt.html")
  @Produces(HTML)
  public String receipt(@Context SecurityContext security, @PathParam("id") long id) {
    BillingTenant instance = billing.of(security);
    PaymentView payment = instance.reports().payment(id, TenantPrincipal.scopeOf(security));
    return ReceiptHtml.render(
        payment,
        instance.reports().roomLabel(payment.roomId()),
        instance.catalog().settings().zone());
  }

  @Doc(
      summary = "Get a room's statement",
      description = "The room's bills, payments and balance as of now.")
  @Permission("billing.statement.read")
  @GET
  @Path("rooms/{roomId}/statement")
  public StatementView statement(
      @Context SecurityContext security, @PathParam("roomId") long roomId) {
    return billing.of(security).reports().statement(roomId, TenantPrincipal.scopeOf(security));
  }

  @Doc(
      summary = "Get a room's statement as HTML",
      description = "The room's statement as a printable HTML page in the tenant's time zone.")
  @Permission("billing.statement.read")
  @GET
  @Path("rooms/{roomId}/statement.html")
  @Produces(HTML)
  public String statementHtml(@Context SecurityContext security, @PathParam("roomId") long roomId) {
    BillingTenant instance = billing.of(security);
    StatementView statement =
        instance.reports().statement(roomId, TenantPrincipal.scopeOf(security));
    return StatementHtml.render(statement, instance.catalog().settings().zone());
  }

  /**
   * The statement of a resident: the person's current rooms (as owner, occupant, tenant or family,
   * from the residents module), each with its room statement, and the totals.
   */
  @Doc(
      summary = "Get a resident's statement",
      description =
          "The person's current rooms (from the residents module), each with its room statement,"
              + " and the totals. 409 module-required without the residents module.")
  @Permission("billing.statement.read")
  @GET
  @Path("persons/{personId}/statement")
  public PersonStatementView personStatement(
      @Context SecurityContext security, @PathParam("personId") long personId) {
    return billing.personStatement(
        billing.of(security),
        TenantPrincipal.of(security),
        personId,
        TenantPrincipal.scopeOf(security));
  }

  @Doc(
      summary = "Get a resident's statement as HTML",
      description = "The resident's statement as a printable HTML page.")
  @Permission("billing.statement.read")
  @GET
  @Path("persons/{personId}/statement.html")
  @Produces(HTML)
  public String personStatementHtml(
      @Context SecurityContext security, @PathParam("personId") long personId) {
    BillingTenant instance = billing.of(security);
    PersonStatementView statement =
        billing.personStatement(
            instance, TenantPrincipal.of(security), personId, TenantPrincipal.scopeOf(security));
    return PersonStatementHtml.render(statement, instance.catalog().settings().zone());
  }

  @Doc(
      summary = "Get my statement (residents)",
      description =
          "For a signed-in resident: their current rooms, each with its bills, payments and"
              + " balance, and the totals. 403 permission-denied for anyone else.")
  @Permission("billing.my-statement.read")
  @GET
  @Path("my/statement")
  public PersonStatementView myStatement(@Context SecurityContext security) {
    return mine(security, billing.of(security));
  }

  @Doc(
      summary = "Get my statement as HTML (residents)",
      description = "The signed-in resident's statement as a printable HTML page.")
  @Permission("billing.my-statement.read")
  @GET
  @Path("my/statement.html")
  @Produces(HTML)
  public String myStatementHtml(@Context SecurityContext security) {
    BillingTenant instance = billing.of(security);
    return PersonStatementHtml.render(
        mine(security, instance), instance.catalog().settings().zone());
  }

  /** The statement of the signed-in resident: the person comes from the verified credential. */
  private PersonStatementView mine(SecurityContext security, BillingTenant instance) {
    TenantPrincipal caller = TenantPrincipal.principalOf(security);
    return billing.personStatement(
        instance, caller.tenant(), Long.parseLong(caller.subject()), DataScope.ALL);
  }

  @Doc(
      summary = "Get collection statistics",
      description = "How much was billed and collected in a period (YYYY-MM). 400 invalid-period.")
  @Permission("billing.statistics.read")
  @GET
  @Path("statistics/collection")
  public CollectionStats collection(
      @Context SecurityContext security, @QueryParam("period") String period) {
    return billing.of(security).reports().collection(period, TenantPrincipal.scopeOf(security));
  }

  /** The stored answer of an idempotent request, the same bytes on every replay. */
  private static Response stored(Idempotency.Stored answer) {
    return Response.status(answer.status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(answer.body())
        .build();
  }
}
