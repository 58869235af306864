package org.courtyard.parking.internal;

import java.util.List;
import java.util.Locale;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.Languages;
import org.courtyard.api.rest.CsvAnswer;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Params;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.ReportPeriod;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.parking.internal.reports.DwellReport;
import org.courtyard.parking.internal.reports.ExpiringCard;
import org.courtyard.parking.internal.reports.OccupancyReport;
import org.courtyard.parking.internal.reports.ParkingReports;
import org.courtyard.parking.internal.reports.ReportCsv;
import org.courtyard.parking.internal.reports.RevenueReport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Parking's reports under {@code /api/v1/parking/reports}, for managers and auditors, within the
 * caller's data scope or one lot of it: JSON, or CSV (UTF-8 with a BOM, headers in the caller's
 * language) with {@code Accept: text/csv} or {@code ?format=csv}.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + ParkingModule.ID)
@Path("reports")
@Produces({MediaType.APPLICATION_JSON, CsvAnswer.CSV})
public class ReportsResource implements ModuleResource {

  private final ParkingInstances instances;

  @Activate
  public ReportsResource(@Reference ParkingInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return ParkingModule.ID;
  }

  private static Locale locale(HttpHeaders headers) {
    return Languages.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
  }

  /** A report over a period: what it reads. */
  @FunctionalInterface
  private interface Query<R> {
    R read(ParkingReports reports, ReportPeriod period, Long lotId, DataScope scope);
  }

  /** How a report is written as CSV. */
  @FunctionalInterface
  private interface Csv<R> {
    byte[] write(R report, Locale locale);
  }

  /**
   * The period's report of one lot or all in the caller's scope, as JSON or as the CSV file {@code
   * parking-<name>-<from>-<to>.csv}.
   */
  private <R> Response period(
      SecurityContext security,
      HttpHeaders headers,
      String from,
      String to,
      String lotId,
      String format,
      String name,
      Query<R> query,
      Csv<R> csv) {
    boolean asCsv = CsvAnswer.wanted(format, headers);
    ReportPeriod period = ReportPeriod.of(from, to);
    R r =
        query.read(
            instances.of(security).reports(),
            period,
            Params.id("lotId", lotId),
            TenantPrincipal.scopeOf(security));
    return CsvAnswer.of(
        asCsv,
        r,
        () -> csv.write(r, locale(headers)),
        "parking-" + name + "-" + period.from() + "-" + period.to());
  }

  @Doc(
      summary = "Report occupancy by hour",
      description =
          "Per lot and hour of the day, from `from` to `to` (YYYY-MM-DD, both included, in the"
              + " module's zone; at most 366 days): vehicles inside at the start of the hour on"
              + " average and at peak, and the entries in that hour. lotId: one lot. CSV with"
              + " Accept: text/csv or format=csv. 400 invalid-parameter, 422 invalid-period, 404"
              + " not-found.",
      returns = OccupancyReport.class)
  @Permission("parking.report.read")
  @GET
  @Path("occupancy")
  public Response occupancy(
      @Context SecurityContext security,
      @Context HttpHeaders headers,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("lotId") String lotId,
      @QueryParam("format") String format) {
    return period(
        security,
        headers,
        from,
        to,
        lotId,
        format,
        "occupancy",
        ParkingReports::occupancy,
        ReportCsv::occupancy);
  }

  @Doc(
      summary = "Report temporary parking revenue",
      description =
          "Takings booked from `from` to `to` (YYYY-MM-DD, both included, in the module's zone;"
              + " at most 366 days): per day paid at the exit and ahead, per method, totals."
              + " lotId: one lot. CSV with Accept: text/csv or format=csv. 400, 422"
              + " invalid-period, 404 not-found.",
      returns = RevenueReport.class)
  @Permission("parking.report.read")
  @GET
  @Path("revenue")
  public Response revenue(
      @Context SecurityContext security,
      @Context HttpHeaders headers,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("lotId") String lotId,
      @QueryParam("format") String format) {
    return period(
        security,
        headers,
        from,
        to,
        lotId,
        format,
        "revenue",
        ParkingReports::revenue,
        ReportCsv::revenue);
  }

  @Doc(
      summary = "Report how long vehicles stay",
      description =
          "Stays that ended from `from` to `to` (YYYY-MM-DD, both included; at most 366 days)"
              + " by length (under 15 minutes, to 1 hour, 3, 8, 24 hours, longer), by how they"
              + " came in (temporary, monthly card, white list), and the median temporary stay."
              + " lotId: one lot. CSV with Accept: text/csv or format=csv. 400, 422"
              + " invalid-period, 404 not-found.",
      returns = DwellReport.class)
  @Permission("parking.report.read")
  @GET
  @Path("dwell")
  public Response dwell(
      @Context SecurityContext security,
      @Context HttpHeaders headers,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("lotId") String lotId,
      @QueryParam("format") String format) {
    return period(
        security,
        headers,
        from,
        to,
        lotId,
        format,
        "dwell",
        ParkingReports::dwell,
        ReportCsv::dwell);
  }

  @Doc(
      summary = "Report monthly cards ending soon",
      description =
          "Cards in force whose last day is from today to `days` days ahead (default 30, 1 to"
              + " 366), soonest first: plate, holder, phone, last day, days left. lotId: one lot."
              + " CSV with Accept: text/csv or format=csv. 400 invalid-parameter, 404 not-found.",
      returns = ExpiringCard[].class)
  @Permission("parking.report.read")
  @GET
  @Path("expiring-cards")
  public Response expiringCards(
      @Context SecurityContext security,
      @Context HttpHeaders headers,
      @QueryParam("days") String days,
      @QueryParam("lotId") String lotId,
      @QueryParam("format") String format) {
    boolean csv = CsvAnswer.wanted(format, headers);
    int ahead = 30;
    if (!Params.blank(days)) {
      try {
        ahead = Integer.parseInt(days.strip());
      } catch (NumberFormatException e) {
        ahead = -1;
      }
      if (ahead < 1 || ahead > ReportPeriod.MAX_DAYS) {
        throw Params.invalid("days must be a whole number from 1 to " + ReportPeriod.MAX_DAYS);
      }
    }
    List<ExpiringCard> cards =
        instances
            .of(security)
            .reports()
            .expiringCards(ahead, Params.id("lotId", lotId), TenantPrincipal.scopeOf(security));
    return CsvAnswer.of(
        csv,
        cards,
        () -> ReportCsv.expiringCards(cards, locale(headers)),
        "parking-expiring-cards-" + ahead + "-days");
  }
}
