package org.courtyard.billing.internal;

import static org.courtyard.api.rest.Params.blank;
import static org.courtyard.api.rest.Params.id;
import static org.courtyard.api.rest.Params.limit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
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
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TenantInstances;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Page;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.billing.internal.calc.FeeCalculator;
import org.courtyard.billing.internal.calc.MeterType;
import org.courtyard.billing.internal.dto.ArrearsView;
import org.courtyard.billing.internal.dto.BillView;
import org.courtyard.billing.internal.dto.ChargeRequest;
import org.courtyard.billing.internal.dto.ChargeResult;
import org.courtyard.billing.internal.dto.CollectionStats;
import org.courtyard.billing.internal.dto.FeeItemInput;
import org.courtyard.billing.internal.dto.FeeItemView;
import org.courtyard.billing.internal.dto.LedgerCheck;
import org.courtyard.billing.internal.dto.LedgerTxView;
import org.courtyard.billing.internal.dto.MeterInput;
import org.courtyard.billing.internal.dto.MeterView;
import org.courtyard.billing.internal.dto.PaymentRequest;
import org.courtyard.billing.internal.dto.PersonStatementView;
import org.courtyard.billing.internal.dto.ReadingImportResult;
import org.courtyard.billing.internal.dto.ReadingInput;
import org.courtyard.billing.internal.dto.ReadingView;
import org.courtyard.billing.internal.dto.RefundRequest;
import org.courtyard.billing.internal.dto.ReminderView;
import org.courtyard.billing.internal.dto.RunRequest;
import org.courtyard.billing.internal.dto.RunView;
import org.courtyard.billing.internal.dto.SettingsView;
import org.courtyard.billing.internal.dto.StatementView;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The billing REST API, published by the platform under {@code /api/v1/billing}. Each request is
 * routed to the caller's {@link BillingTenant}, found by the tenant of the verified credential
 * only. Query parameters are parsed here so that a malformed one is a 400 naming it.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + BillingModule.ID)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class BillingResource implements ModuleResource {

  private static final String RESIDENTS = "residents";
  private static final Set<String> BILL_STATUSES = Set.of("open", "paid", "cancelled");
  private static final String CSV = "text/csv";

  /**
   * What browsers on Windows with Office installed report as the type of a {@code .csv} file, and
   * so send when a page uploads the file as it is.
   */
  private static final String CSV_AS_EXCEL = "application/vnd.ms-excel";

  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  private final TenantInstances<BillingTenant> tenants =
      new TenantInstances<>(BillingTenant.class, BillingModule.ID);

  /**
   * The residents module's read API while the residents bundle is installed; null otherwise.
   * Per-vehicle fees and resident statements need it, everything else works without it.
   */
  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  private volatile ResidentsPort residents;

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "unbindTenant")
  void bindTenant(BillingTenant instance) {
    tenants.bind(instance);
  }

  void unbindTenant(BillingTenant instance) {
    tenants.unbind(instance);
  }

  @Activate
  void activate(BundleContext context) {
    tenants.activate(context);
  }

  @Override
  public String moduleId() {
    return BillingModule.ID;
  }

  // ------------------------------------------------------------------------- fee items, settings

  @GET
  @Path("fee-items")
  public Page<FeeItemView> listFeeItems(
      @Context SecurityContext security,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return instance(security).catalog().list(Cursor.decode(cursor), limit(limit));
  }

  @POST
  @Path("fee-items")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createFeeItem(
      @Context SecurityContext security, @Context UriInfo uri, FeeItemInput input) {
    TenantSlug tenant = TenantPrincipal.of(security);
    FeeItemInput item = body(input);
    FeeItemView created =
        instance(security)
            .catalog()
            .create(
                item,
                kind -> {
                  if (kind.needsResidents() && !residentsEnabled(tenant)) {
                    throw moduleRequired(
                        tenant,
                        List.of(item.code().strip()),
                        "create the item once residents is enabled");
                  }
                });
    return Response.created(location(uri, created.id())).entity(created).build();
  }

  @GET
  @Path("fee-items/{id}")
  public FeeItemView getFeeItem(@Context SecurityContext security, @PathParam("id") long id) {
    return instance(security).catalog().get(id);
  }

  @PUT
  @Path("fee-items/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public FeeItemView updateFeeItem(
      @Context SecurityContext security, @PathParam("id") long id, FeeItemInput input) {
    return instance(security).catalog().update(id, body(input));
  }

  @POST
  @Path("fee-items/{id}/charges")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response charge(
      @Context SecurityContext security, @PathParam("id") long id, ChargeRequest input) {
    ChargeResult result = instance(security).runs().charge(id, body(input));
    return Response.status(result.billIds().isEmpty() ? 200 : 201).entity(result).build();
  }

  @GET
  @Path("settings")
  public SettingsView getSettings(@Context SecurityContext security) {
    return instance(security).catalog().settingsView();
  }

  @PUT
  @Path("settings")
  @Consumes(MediaType.APPLICATION_JSON)
  public SettingsView updateSettings(@Context SecurityContext security, SettingsView input) {
    return instance(security).catalog().updateSettings(body(input));
  }

  // ------------------------------------------------------------------------------------ runs

  @POST
  @Path("runs")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response startRun(
      @Context SecurityContext security, @Context UriInfo uri, RunRequest input) {
    BillingTenant instance = instance(security);
    TenantSlug tenant = TenantPrincipal.of(security);
    String period = body(input).period();
    YearMonth month = Periods.parse(period);
    List<String> needResidents =
        instance.catalog().periodicFees().stream()
            .filter(
                f -> f.terms().kind().needsResidents() && FeeCalculator.chargedIn(f.terms(), month))
            .map(Catalog.Fee::code)
            .toList();
    if (!needResidents.isEmpty() && !residentsEnabled(tenant)) {
      throw moduleRequired(
          tenant, needResidents, "enable residents, or end the items before " + month);
    }
    RunView run =
        instance.runs().start(period, roomIds -> vehicleCounts(tenant, needResidents, roomIds));
    return Response.accepted(run).location(location(uri, run.id())).build();
  }

  @GET
  @Path("runs")
  public Page<RunView> listRuns(
      @Context SecurityContext security,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return instance(security).runs().list(Cursor.decode(cursor), limit(limit));
  }

  @GET
  @Path("runs/{id}")
  public RunView getRun(@Context SecurityContext security, @PathParam("id") long id) {
    return instance(security).runs().get(id);
  }

  // ----------------------------------------------------------------------------------- bills

  @GET
  @Path("bills")
  public Page<BillView> listBills(
      @Context SecurityContext security,
      @QueryParam("roomId") String roomId,
      @QueryParam("period") String period,
      @QueryParam("status") String status,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    if (!blank(status) && !BILL_STATUSES.contains(status)) {
      throw Errors.invalidParameter("status must be one of open, paid, cancelled.");
    }
    return instance(security)
        .reports()
        .listBills(
            id("roomId", roomId),
            blank(period) ? null : Periods.parse(period).toString(),
            blank(status) ? null : status,
            Cursor.decode(cursor),
            limit(limit));
  }

  @GET
  @Path("bills/{id}")
  public BillView getBill(@Context SecurityContext security, @PathParam("id") long id) {
    return instance(security).reports().bill(id);
  }

  // -------------------------------------------------------------------------- money movements

  @POST
  @Path("payments")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response pay(
      @Context SecurityContext security,
      @HeaderParam(Idempotency.HEADER) String key,
      PaymentRequest input) {
    BillingTenant instance = instance(security);
    Idempotency.requireKey(key);
    return stored(instance.payments().pay(key, body(input)));
  }

  @POST
  @Path("refunds")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response refund(
      @Context SecurityContext security,
      @HeaderParam(Idempotency.HEADER) String key,
      RefundRequest input) {
    BillingTenant instance = instance(security);
    Idempotency.requireKey(key);
    return stored(instance.payments().refund(key, body(input)));
  }

  // ---------------------------------------------------------------------------------- ledger

  @GET
  @Path("ledger/transactions/{txId}")
  public LedgerTxView getTransaction(
      @Context SecurityContext security, @PathParam("txId") String txId) {
    return instance(security).reports().transaction(uuid(txId));
  }

  @POST
  @Path("ledger/transactions/{txId}/reverse")
  public Response reverse(@Context SecurityContext security, @PathParam("txId") String txId) {
    LedgerTxView reversal = instance(security).reversals().reverse(uuid(txId));
    return Response.status(201).entity(reversal).build();
  }

  @GET
  @Path("ledger/check")
  public LedgerCheck checkLedger(
      @Context SecurityContext security, @QueryParam("period") String period) {
    return instance(security).reports().ledgerCheck(blank(period) ? null : period);
  }

  // ------------------------------------------------------------------------ arrears, reports

  @GET
  @Path("arrears")
  public ArrearsView arrears(
      @Context SecurityContext security,
      @QueryParam("asOf") String asOf,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    BillingTenant instance = instance(security);
    LocalDate date =
        blank(asOf)
            ? LocalDate.now(
                java.time.Clock.systemUTC().withZone(instance.catalog().settings().zone()))
            : date("asOf", asOf);
    return instance.reports().arrears(date, Cursor.decode(cursor), limit(limit));
  }

  @GET
  @Path("arrears/reminders")
  public ReminderView reminders(
      @Context SecurityContext security,
      @QueryParam("asOf") String asOf,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return instance(security)
        .reports()
        .reminders(
            blank(asOf) ? null : date("asOf", asOf), ReminderCursor.decode(cursor), limit(limit));
  }

  @GET
  @Path("rooms/{roomId}/statement")
  public StatementView statement(
      @Context SecurityContext security, @PathParam("roomId") long roomId) {
    return instance(security).reports().statement(roomId);
  }

  @GET
  @Path("rooms/{roomId}/statement.html")
  @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
  public String statementHtml(@Context SecurityContext security, @PathParam("roomId") long roomId) {
    BillingTenant instance = instance(security);
    StatementView statement = instance.reports().statement(roomId);
    return StatementHtml.render(statement, instance.catalog().settings().zone());
  }

  /**
   * The statement of a resident: the person's current rooms (as owner, occupant, tenant or family,
   * from the residents module), each with its room statement, and the totals.
   */
  @GET
  @Path("persons/{personId}/statement")
  public PersonStatementView personStatement(
      @Context SecurityContext security, @PathParam("personId") long personId) {
    return personStatement(instance(security), TenantPrincipal.of(security), personId);
  }

  @GET
  @Path("persons/{personId}/statement.html")
  @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
  public String personStatementHtml(
      @Context SecurityContext security, @PathParam("personId") long personId) {
    BillingTenant instance = instance(security);
    PersonStatementView statement =
        personStatement(instance, TenantPrincipal.of(security), personId);
    return PersonStatementHtml.render(statement, instance.catalog().settings().zone());
  }

  @GET
  @Path("statistics/collection")
  public CollectionStats collection(
      @Context SecurityContext security, @QueryParam("period") String period) {
    return instance(security).reports().collection(period);
  }

  // ------------------------------------------------------------------------ meters, readings

  @GET
  @Path("meters")
  public Page<MeterView> listMeters(
      @Context SecurityContext security,
      @QueryParam("roomId") String roomId,
      @QueryParam("type") String type,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    MeterType meterType = null;
    if (!blank(type)) {
      meterType =
          MeterType.parse(type.strip())
              .orElseThrow(
                  () ->
                      Errors.invalidParameter(
                          "type must be one of " + MeterType.allowedValues() + "."));
    }
    return instance(security)
        .meters()
        .list(id("roomId", roomId), meterType, Cursor.decode(cursor), limit(limit));
  }

  @POST
  @Path("meters")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createMeter(
      @Context SecurityContext security, @Context UriInfo uri, MeterInput input) {
    MeterView created = instance(security).meters().create(body(input));
    return Response.created(location(uri, created.id())).entity(created).build();
  }

  @GET
  @Path("meters/{id}")
  public MeterView getMeter(@Context SecurityContext security, @PathParam("id") long id) {
    return instance(security).meters().get(id);
  }

  @GET
  @Path("meters/{id}/readings")
  public Page<ReadingView> listReadings(
      @Context SecurityContext security,
      @PathParam("id") long id,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return instance(security).meters().readings(id, Cursor.decode(cursor), limit(limit));
  }

  @POST
  @Path("meters/{id}/readings")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addReading(
      @Context SecurityContext security, @PathParam("id") long id, ReadingInput input) {
    ReadingView reading = instance(security).meters().addReading(id, input);
    return Response.status(201).entity(reading).build();
  }

  /**
   * Imports meter readings from the CSV file in the body, as UTF-8 (with or without the byte-order
   * mark Excel writes) unless the Content-Type names another charset.
   */
  @POST
  @Path("meters/readings/import")
  @Consumes({CSV, MediaType.TEXT_PLAIN, CSV_AS_EXCEL})
  public ReadingImportResult importReadings(
      @Context SecurityContext security, @Context HttpHeaders headers, InputStream body)
      throws IOException {
    BillingTenant instance = instance(security);
    Charset charset = charset(headers.getMediaType());
    byte[] csv = body == null ? new byte[0] : body.readNBytes(ReadingImport.MAX_BYTES + 1);
    if (csv.length > ReadingImport.MAX_BYTES) {
      throw new ProblemException(
          413,
          "too-large",
          "Import too large",
          "The file is larger than "
              + ReadingImport.MAX_BYTES / (1024 * 1024)
              + " MB. Split it, for example one file per building, and import the parts one by"
              + " one.");
    }
    if (csv.length == 0) {
      throw ProblemException.badRequest(
          "missing-body", "Missing body", "Send the CSV file as the request body.");
    }
    return instance.readingImport().importReadings(csv, charset);
  }

  // ------------------------------------------------------------------------------- residents

  /**
   * @throws ProblemException 404 {@code module-not-enabled} without residents, 404 {@code
   *     not-found} for an unknown person
   */
  private PersonStatementView personStatement(
      BillingTenant instance, TenantSlug tenant, long personId) {
    ResidentsPort port = residents;
    if (port == null) {
      throw residentsNotEnabled(tenant);
    }
    ResidentsPort.Resident resident =
        port.resident(tenant, personId).orElseThrow(() -> Errors.notFound("Person", personId));
    String currency = instance.catalog().settings().currency();
    Instant now = Instant.now();
    return PersonStatements.assemble(
        resident,
        currency,
        roomId -> {
          try {
            return instance.reports().statement(roomId);
          } catch (ProblemException e) {
            // a room estate no longer has and billing never billed: nothing to show, not a 404
            if (e.status() == 404 && "not-found".equals(e.type())) {
              return PersonStatements.empty(roomId, currency, now);
            }
            throw e;
          }
        },
        now);
  }

  private boolean residentsEnabled(TenantSlug tenant) {
    ResidentsPort port = residents;
    return port != null && port.enabled(tenant);
  }

  /** What a billing run asks for each batch of rooms while it has per_vehicle fees to charge. */
  private Map<Long, Integer> vehicleCounts(
      TenantSlug tenant, List<String> feeCodes, List<Long> roomIds) {
    ResidentsPort port = residents;
    if (port == null || !port.enabled(tenant)) {
      throw moduleRequired(tenant, feeCodes, "enable residents and post the period again");
    }
    return port.vehicleCounts(tenant, roomIds);
  }

  private static ProblemException residentsNotEnabled(TenantSlug tenant) {
    return ProblemException.notFound(
        "module-not-enabled",
        "Module not enabled",
        "Module '" + RESIDENTS + "' is not enabled for tenant '" + tenant + "'.");
  }

  /** 409: fee items of a kind that needs the residents module, which the tenant has not enabled. */
  static ProblemException moduleRequired(TenantSlug tenant, List<String> feeCodes, String hint) {
    String items =
        (feeCodes.size() == 1 ? "Fee item " : "Fee items ")
            + String.join(", ", feeCodes.stream().map(Errors::clip).toList());
    return new ProblemException(
        409,
        "module-required",
        "Module required",
        items
            + (feeCodes.size() == 1 ? " needs" : " need")
            + " the residents module (per_vehicle fees count the vehicles of a room's residents),"
            + " which is not enabled for tenant '"
            + tenant
            + "': "
            + hint
            + ".",
        Map.of("module", RESIDENTS, "feeItems", List.copyOf(feeCodes)));
  }

  // --------------------------------------------------------------------------------- helpers

  private static Charset charset(MediaType mediaType) {
    String name =
        mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
    if (blank(name)) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name.strip());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new ProblemException(
          415,
          "unsupported-charset",
          "Unsupported charset",
          "The charset '" + Errors.clip(name) + "' is not supported; send the file as UTF-8.");
    }
  }

  private BillingTenant instance(SecurityContext security) {
    TenantSlug tenant = TenantPrincipal.of(security);
    BillingTenant instance = tenants.require(tenant);
    return instance;
  }

  /** The stored answer of an idempotent request, the same bytes on every replay. */
  private static Response stored(Idempotency.Stored answer) {
    return Response.status(answer.status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(answer.body())
        .build();
  }

  private static URI location(UriInfo uri, long id) {
    return uri.getAbsolutePathBuilder().path(Long.toString(id)).build();
  }

  private static <T> T body(T input) {
    if (input == null) {
      throw Errors.missingBody();
    }
    return input;
  }

  private static LocalDate date(String name, String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw Errors.invalidParameter(name + " must be a date written YYYY-MM-DD.");
    }
  }

  private static UUID uuid(String value) {
    if (value == null || !UUID_TEXT.matcher(value).matches()) {
      throw Errors.notFound("Ledger transaction", value == null ? "" : Errors.clip(value));
    }
    return UUID.fromString(value);
  }
}
