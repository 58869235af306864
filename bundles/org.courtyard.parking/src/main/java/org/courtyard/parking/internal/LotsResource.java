package org.courtyard.parking.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
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
import org.courtyard.api.csv.CsvDecoder;
import org.courtyard.api.rest.CsvUpload;
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Page;
import org.courtyard.api.rest.Params;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.parking.internal.dto.DiscountInput;
import org.courtyard.parking.internal.dto.DiscountView;
import org.courtyard.parking.internal.dto.DueView;
import org.courtyard.parking.internal.dto.GateView;
import org.courtyard.parking.internal.dto.LotInput;
import org.courtyard.parking.internal.dto.LotMapView;
import org.courtyard.parking.internal.dto.LotView;
import org.courtyard.parking.internal.dto.OccupancyView;
import org.courtyard.parking.internal.dto.PayInput;
import org.courtyard.parking.internal.dto.PaymentView;
import org.courtyard.parking.internal.dto.QuoteView;
import org.courtyard.parking.internal.dto.SpaceRange;
import org.courtyard.parking.internal.dto.SpaceView;
import org.courtyard.parking.internal.dto.SpacesImported;
import org.courtyard.parking.internal.dto.TariffInput;
import org.courtyard.parking.internal.dto.TariffView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Parking lots under {@code /api/v1/parking/lots}, and the numbered ranges of their spaces. */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + ParkingModule.ID)
@Path("lots")
@Produces(MediaType.APPLICATION_JSON)
public class LotsResource implements ModuleResource {

  private final ParkingInstances instances;

  @Activate
  public LotsResource(@Reference ParkingInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return ParkingModule.ID;
  }

  @Doc(
      summary = "List parking lots",
      description =
          "The lots of the estates in the caller's scope, by id, each with its number of spaces;"
              + " estateId filters.")
  @Permission("parking.lot.read")
  @GET
  public Page<LotView> listLots(
      @Context SecurityContext security,
      @QueryParam("estateId") String estateId,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return instances
        .of(security)
        .lots()
        .list(
            TenantPrincipal.scopeOf(security),
            Params.id("estateId", estateId),
            Cursor.decode(cursor),
            Params.limit(limit));
  }

  @Doc(
      summary = "Create a parking lot",
      description =
          "A lot of an estate: code (unique in the company), name, location (above_ground or"
              + " underground), levels (1 to 20, default 1), temporarySpaces (spaces for"
              + " visitors who pay by the hour, default 0). 422 validation-failed,"
              + " unknown-estate; 409 duplicate code; 403 for an estate outside the caller's"
              + " scope.",
      returns = LotView.class,
      status = 201)
  @Permission("parking.lot.manage")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createLot(
      @Context SecurityContext security, @Context UriInfo uri, LotInput input) {
    LotView lot =
        instances.of(security).lots().create(TenantPrincipal.scopeOf(security), Params.body(input));
    return Params.created(uri.getAbsolutePathBuilder(), lot.id(), lot);
  }

  @Doc(summary = "Get a parking lot", description = "One lot. 404 not-found.")
  @Permission("parking.lot.read")
  @GET
  @Path("{id}")
  public LotView getLot(@Context SecurityContext security, @PathParam("id") long id) {
    return instances.of(security).lots().get(TenantPrincipal.scopeOf(security), id);
  }

  @Doc(
      summary = "Change a parking lot",
      description =
          "Its code, name, location, levels and temporary spaces at the version read (the estate"
              + " stays). 409 stale-version, 409 duplicate code, 404 not-found.")
  @Permission("parking.lot.manage")
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public LotView updateLot(
      @Context SecurityContext security, @PathParam("id") long id, LotInput input) {
    return instances
        .of(security)
        .lots()
        .update(TenantPrincipal.scopeOf(security), id, Params.body(input));
  }

  @Doc(
      summary = "Create a range of spaces",
      description =
          "The spaces prefix+from to prefix+to of the lot (numbers zero-padded to digits,"
              + " default 3; at most 1,000 at once), all of one kind, level and size: all of"
              + " them or, when one number is taken, none (409 duplicate naming it).",
      returns = SpaceView.class,
      status = 201)
  @Permission("parking.lot.manage")
  @POST
  @Path("{id}/spaces")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createSpaces(
      @Context SecurityContext security, @PathParam("id") long id, SpaceRange input) {
    List<SpaceView> made =
        instances
            .of(security)
            .spaces()
            .createRange(TenantPrincipal.scopeOf(security), id, Params.body(input));
    return Response.status(Response.Status.CREATED).entity(made).build();
  }

  @Doc(summary = "List a lot's gates", description = "The lot's camera lanes by id. 404 not-found.")
  @Permission("parking.lot.read")
  @GET
  @Path("{id}/gates")
  public List<GateView> listGates(@Context SecurityContext security, @PathParam("id") long id) {
    return instances.of(security).gates().gates(TenantPrincipal.scopeOf(security), id);
  }

  @Doc(
      summary = "A lot's occupancy",
      description =
          "Vehicles inside by the passages, those on temporary spaces, the temporary spaces"
              + " free, and reads waiting for the guard. 404 not-found.")
  @Permission("parking.lot.read")
  @GET
  @Path("{id}/occupancy")
  public OccupancyView occupancy(@Context SecurityContext security, @PathParam("id") long id) {
    return instances.of(security).gates().occupancy(TenantPrincipal.scopeOf(security), id);
  }

  @Doc(
      summary = "A lot's map",
      description =
          "Every space of the lot (up to 10,000; complete false beyond), highest level first"
              + " and by number, each with what holds it at this instant (heldBy lease or"
              + " reservation, until heldUntil), its owner and its occupancy sensor's latest"
              + " reading: what the property console draws as the lot's map. 404 not-found.",
      returns = LotMapView.class)
  @Permission("parking.lot.read")
  @GET
  @Path("{id}/map")
  public LotMapView map(@Context SecurityContext security, @PathParam("id") long id) {
    return instances.of(security).spaces().map(TenantPrincipal.scopeOf(security), id);
  }

  @Doc(
      summary = "Import a lot's spaces",
      description =
          "Spaces from a CSV body (UTF-8 unless the Content-Type names another charset; up to"
              + " 10,000 rows): columns number, kind (owned, rented, public, visitor, ev_charging,"
              + " accessible), level (-10 to 20, not 0), and optionally size (small, standard,"
              + " large) and state (in_service, out_of_service), in any order. All of them or,"
              + " with one problem anywhere (a bad value, a number the file repeats or the lot has"
              + " already), none: 422 import-rejected lists every problem with its line and"
              + " column. 413 for a larger file, 404 for a lot outside the caller's scope.",
      returns = SpacesImported.class)
  @Permission("parking.lot.manage")
  @POST
  @Path("{id}/spaces/import")
  @Consumes({CsvUpload.CSV, MediaType.TEXT_PLAIN, CsvUpload.CSV_AS_EXCEL})
  public SpacesImported importSpaces(
      @Context SecurityContext security,
      @Context HttpHeaders headers,
      @PathParam("id") long id,
      InputStream body)
      throws IOException {
    CsvUpload file = CsvUpload.read(headers, body, SpaceImport.MAX_BYTES);
    List<SpaceImport.Row> rows = SpaceImport.read(CsvDecoder.decode(file.bytes(), file.charset()));
    int created =
        instances.of(security).spaces().importSpaces(TenantPrincipal.scopeOf(security), id, rows);
    return new SpacesImported(id, created);
  }

  @Doc(
      summary = "Get a lot's tariff",
      description =
          "The lot's temporary-parking tariff: free minutes, the first period and its price, the"
              + " price of each started unit after it, an optional night rate (nightFrom, nightTo"
              + " HH:mm, nightUnitPrice) and an optional cap per 24 hours from the entry. 404"
              + " no-tariff when none is set, 404 not-found for the lot.",
      returns = TariffView.class)
  @Permission("parking.lot.read")
  @GET
  @Path("{id}/tariff")
  public TariffView getTariff(@Context SecurityContext security, @PathParam("id") long id) {
    return instances.of(security).tariffs().get(TenantPrincipal.scopeOf(security), id);
  }

  @Doc(
      summary = "Set a lot's tariff",
      description =
          "Sets the lot's tariff, or changes it at the version read (422 on field version when"
              + " the lot has one and none is sent, 409 stale-version). Minutes 0 to 1440 (the"
              + " first period and the unit at least 1), amounts 0 to 10,000 with at most 2"
              + " decimals, the night rate's three fields together or none, a cap above 0 or"
              + " none: 422 validation-failed naming every wrong field.",
      returns = TariffView.class)
  @Permission("parking.lot.manage")
  @PUT
  @Path("{id}/tariff")
  @Consumes(MediaType.APPLICATION_JSON)
  public TariffView putTariff(
      @Context SecurityContext security, @PathParam("id") long id, TariffInput input) {
    return instances
        .of(security)
        .tariffs()
        .put(TenantPrincipal.scopeOf(security), id, Params.body(input));
  }

  @Doc(
      summary = "Price a stay",
      description =
          "What a stay from entry to exit (ISO-8601 with offset) costs under the lot's tariff,"
              + " with minutesOff given off (a visitor grant, a coupon; default 0): the amount,"
              + " the minutes charged and each 24 hours from the entry before and after its cap."
              + " A stay within the free minutes is free. 422 for an exit before the entry or a"
              + " stay of more than 366 days, 404 no-tariff.",
      returns = QuoteView.class)
  @Permission("parking.lot.read")
  @GET
  @Path("{id}/tariff/quote")
  public QuoteView quote(
      @Context SecurityContext security,
      @PathParam("id") long id,
      @QueryParam("entry") String entry,
      @QueryParam("exit") String exit,
      @QueryParam("minutesOff") String minutesOff) {
    return instances
        .of(security)
        .tariffs()
        .quote(TenantPrincipal.scopeOf(security), id, entry, exit, minutesOff);
  }

  @Doc(
      summary = "What a vehicle inside owes",
      description =
          "For the vehicle plate parked on one of the lot's temporary spaces: its stay's fee now"
              + " by the tariff, what was paid ahead, what is due (nothing until leaveBy, the"
              + " tariff's grace minutes after the last payment). 404 not-found for a plate not"
              + " inside on a temporary space, 404 no-tariff.",
      returns = DueView.class)
  @Permission("parking.gate.read")
  @GET
  @Path("{id}/due")
  public DueView due(
      @Context SecurityContext security,
      @PathParam("id") long id,
      @QueryParam("plate") String plate) {
    return instances.of(security).payments().due(TenantPrincipal.scopeOf(security), id, plate);
  }

  @Doc(
      summary = "Pay a stay ahead",
      description =
          "At a pay station or by a QR code: pays what the vehicle plate inside owes now (body"
              + " {plate, method: cash|bank|wechat|alipay}), booked as income in billing's ledger"
              + " with a receipt (receiptNo); the exit then opens by itself until leaveBy, and"
              + " asks later only for what the time since added. Idempotency-Key required: the"
              + " same key answers 200 with the payment it made (Idempotent-Replayed: true). 201;"
              + " 409 nothing-to-pay, 409 billing-not-enabled, 404 not-found for a plate not"
              + " inside, 400 idempotency-key-required.",
      returns = PaymentView.class)
  @Permission("parking.payment.collect")
  @POST
  @Path("{id}/payments")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response payAhead(
      @Context SecurityContext security,
      @Context UriInfo uri,
      @HeaderParam(RequestKeys.HEADER) String key,
      @PathParam("id") long id,
      PayInput input) {
    StayPayments.Paid paid =
        instances
            .of(security)
            .payments()
            .ahead(
                TenantPrincipal.scopeOf(security),
                id,
                Params.body(input),
                RequestKeys.of(key),
                ParkingInstances.staffUser(security),
                instances.income());
    return RequestKeys.answer(uri, "parking/payments", paid);
  }

  @Doc(
      summary = "Record a merchant's coupon",
      description =
          "A merchant's parking coupon (商户停车优惠券) for a plate in the lot, today: {plate,"
              + " minutes 1-1440, merchant, code}. The plate's stays covering today are charged"
              + " that much less. A code is used once in its lot: the same code again answers 200"
              + " with the coupon recorded (Idempotent-Replayed: true), for another plate 409"
              + " coupon-used. 201; 404 not-found.",
      returns = DiscountView.class)
  @Permission("parking.coupon.grant")
  @POST
  @Path("{id}/coupons")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response coupon(
      @Context SecurityContext security,
      @Context UriInfo uri,
      @PathParam("id") long id,
      DiscountInput input) {
    Discounts.Made made =
        instances
            .of(security)
            .discounts()
            .coupon(
                TenantPrincipal.scopeOf(security),
                id,
                Params.body(input),
                ParkingInstances.staffUser(security));
    return RequestKeys.answer(uri, "parking/discounts", made);
  }
}
