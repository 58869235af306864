package org.courtyard.billing.internal;

import static org.courtyard.api.rest.Params.blank;
import static org.courtyard.api.rest.Params.body;
import static org.courtyard.api.rest.Params.created;
import static org.courtyard.api.rest.Params.id;
import static org.courtyard.api.rest.Params.limit;

import java.io.IOException;
import java.io.InputStream;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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
import org.courtyard.api.Texts;
import org.courtyard.api.rest.CsvUpload;
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Page;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.billing.internal.calc.MeterType;
import org.courtyard.billing.internal.dto.MeterInput;
import org.courtyard.billing.internal.dto.MeterView;
import org.courtyard.billing.internal.dto.ReadingImportResult;
import org.courtyard.billing.internal.dto.ReadingInput;
import org.courtyard.billing.internal.dto.ReadingView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Meters (水电表) and their readings (抄表) under {@code /api/v1/billing/meters}: typed in, imported
 * from a spreadsheet, or sent by devices.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + BillingModule.ID)
@Path("meters")
@Produces(MediaType.APPLICATION_JSON)
public class MetersResource implements ModuleResource {

  private static final Texts TEXTS = Texts.of(MetersResource.class);

  private final BillingInstances billing;

  @Activate
  public MetersResource(@Reference BillingInstances billing) {
    this.billing = billing;
  }

  @Override
  public String moduleId() {
    return BillingModule.ID;
  }

  @Doc(
      summary = "List meters",
      description = "Water, electricity and gas meters, optionally of one room or type.")
  @Permission("billing.meter.read")
  @GET
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
                          TEXTS.text("meters.type-parameter", MeterType.allowedValues())));
    }
    return billing
        .of(security)
        .meters()
        .list(
            id("roomId", roomId),
            meterType,
            Cursor.decode(cursor),
            limit(limit),
            TenantPrincipal.scopeOf(security));
  }

  @Doc(
      summary = "Create a meter",
      description = "Adds a meter to a room.",
      returns = MeterView.class)
  @Permission("billing.meter.create")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createMeter(
      @Context SecurityContext security, @Context UriInfo uri, MeterInput input) {
    MeterView created =
        billing.of(security).meters().create(body(input), TenantPrincipal.scopeOf(security));
    return created(uri.getAbsolutePathBuilder(), created.id(), created);
  }

  @Doc(summary = "Get a meter", description = "One meter of a room. 404 not-found.")
  @Permission("billing.meter.read")
  @GET
  @Path("{id}")
  public MeterView getMeter(@Context SecurityContext security, @PathParam("id") long id) {
    return billing.of(security).meters().get(id, TenantPrincipal.scopeOf(security));
  }

  @Doc(summary = "List a meter's readings", description = "The meter's readings, paginated.")
  @Permission("billing.reading.read")
  @GET
  @Path("{id}/readings")
  public Page<ReadingView> listReadings(
      @Context SecurityContext security,
      @PathParam("id") long id,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return billing
        .of(security)
        .meters()
        .readings(id, Cursor.decode(cursor), limit(limit), TenantPrincipal.scopeOf(security));
  }

  @Doc(
      summary = "Add a meter reading",
      description = "Records a reading. 422 reading-decreased when it is below the previous one.",
      returns = ReadingView.class)
  @Permission("billing.reading.create")
  @POST
  @Path("{id}/readings")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addReading(
      @Context SecurityContext security, @PathParam("id") long id, ReadingInput input) {
    ReadingView reading =
        billing.of(security).meters().addReading(id, input, TenantPrincipal.scopeOf(security));
    return Response.status(201).entity(reading).build();
  }

  /**
   * Imports meter readings from the CSV file in the body, as UTF-8 (with or without the byte-order
   * mark Excel writes) unless the Content-Type names another charset.
   */
  @Doc(
      summary = "Import meter readings",
      description =
          "Imports readings from a CSV body, UTF-8 unless the Content-Type names another charset."
              + " Nothing is written when a row is wrong: 422 import-rejected lists every problem"
              + " with its row and column.")
  @Permission("billing.reading.import")
  @POST
  @Path("readings/import")
  @Consumes({CsvUpload.CSV, MediaType.TEXT_PLAIN, CsvUpload.CSV_AS_EXCEL})
  public ReadingImportResult importReadings(
      @Context SecurityContext security, @Context HttpHeaders headers, InputStream body)
      throws IOException {
    BillingTenant instance = billing.of(security);
    CsvUpload file = CsvUpload.read(headers, body, ReadingImport.MAX_BYTES);
    return instance
        .readingImport()
        .importReadings(file.bytes(), file.charset(), TenantPrincipal.scopeOf(security));
  }
}
