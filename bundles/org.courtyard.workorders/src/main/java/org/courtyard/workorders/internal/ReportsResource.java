package org.courtyard.workorders.internal;

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
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Params;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.workorders.internal.reports.ReportCsv;
import org.courtyard.workorders.internal.reports.ReportPeriod;
import org.courtyard.workorders.internal.reports.SummaryReport;
import org.courtyard.workorders.internal.reports.TechniciansReport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Work-order reports under {@code /api/v1/workorders/reports} (#13), for managers, customer service
 * and auditors, within the caller's data scope: JSON, or CSV with {@code Accept: text/csv} or
 * {@code ?format=csv}.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + WorkordersModule.ID)
@Path("reports")
@Produces({MediaType.APPLICATION_JSON, ReportsResource.CSV})
public class ReportsResource implements ModuleResource {

  static final String CSV = "text/csv";

  private final WorkordersInstances instances;

  @Activate
  public ReportsResource(@Reference WorkordersInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return WorkordersModule.ID;
  }

  @Doc(
      summary = "Report orders by category",
      description =
          "Orders reported from `from` to `to` (YYYY-MM-DD, both included, in the tenant's zone;"
              + " at most 366 days), in the caller's scope or one estate of it (estateId): per"
              + " category and in total, how many, by state now, response and resolution on time"
              + " or late, average response and resolution minutes (wall clock), reopened and"
              + " the reopen rate, average rating and return-visit satisfaction. CSV (UTF-8 with"
              + " a BOM, headers in the caller's language) with Accept: text/csv or format=csv."
              + " 400 invalid-parameter, 422 invalid-period.",
      returns = SummaryReport.class)
  @Permission("workorders.report.read")
  @GET
  @Path("summary")
  public Response summary(
      @Context SecurityContext security,
      @Context HttpHeaders headers,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("estateId") String estateId,
      @QueryParam("format") String format) {
    boolean csv = csv(format, headers);
    ReportPeriod period = ReportPeriod.of(from, to);
    SummaryReport report =
        instances
            .of(security)
            .reports()
            .summary(period, Params.id("estateId", estateId), TenantPrincipal.scopeOf(security));
    return answer(csv, report, () -> ReportCsv.summary(report, locale(headers)), "summary", period);
  }

  @Doc(
      summary = "Report orders per technician",
      description =
          "Orders done (last completed) from `from` to `to` (YYYY-MM-DD, both included, in the"
              + " tenant's zone; at most 366 days), in the caller's scope or one estate of it"
              + " (estateId), per technician: done, resolved on time and the share, average"
              + " resolution minutes (wall clock), reopened, average rating. CSV with Accept:"
              + " text/csv or format=csv. 400 invalid-parameter, 422 invalid-period.",
      returns = TechniciansReport.class)
  @Permission("workorders.report.read")
  @GET
  @Path("technicians")
  public Response technicians(
      @Context SecurityContext security,
      @Context HttpHeaders headers,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("estateId") String estateId,
      @QueryParam("format") String format) {
    boolean csv = csv(format, headers);
    ReportPeriod period = ReportPeriod.of(from, to);
    TechniciansReport counted =
        instances
            .of(security)
            .reports()
            .technicians(
                period, Params.id("estateId", estateId), TenantPrincipal.scopeOf(security));
    TechniciansReport report = counted.named(names(security, counted));
    return answer(
        csv, report, () -> ReportCsv.technicians(report, locale(headers)), "technicians", period);
  }

  /** The technicians' names, read from the staff directory in one call. */
  private java.util.Map<Long, String> names(SecurityContext security, TechniciansReport report) {
    java.util.Map<Long, String> names = new java.util.HashMap<>();
    if (!report.technicians().isEmpty()) {
      instances
          .staff()
          .contacts(
              TenantPrincipal.of(security),
              report.technicians().stream().map(r -> r.userId()).toList())
          .forEach((id, c) -> names.put(id, c.displayName()));
    }
    return names;
  }

  /**
   * CSV when asked by {@code format=csv}, or when the Accept header ranks text/csv before JSON (or
   * lists it alone); JSON otherwise. 400 for another format.
   */
  static boolean csv(String format, HttpHeaders headers) {
    if (!Params.blank(format)) {
      return switch (format.strip().toLowerCase(Locale.ROOT)) {
        case "csv" -> true;
        case "json" -> false;
        default -> throw Params.invalid("format is csv or json");
      };
    }
    for (MediaType type : headers.getAcceptableMediaTypes()) {
      if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return "text".equals(type.getType()) && "csv".equals(type.getSubtype());
      }
      if ("text".equals(type.getType()) && "csv".equals(type.getSubtype())) {
        return true;
      }
    }
    return false;
  }

  private static Locale locale(HttpHeaders headers) {
    return Languages.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
  }

  /**
   * The report as JSON, or as the CSV file {@code workorders-<name>-<from>-<to>.csv} (written only
   * when asked for).
   */
  private static Response answer(
      boolean csv,
      Object report,
      java.util.function.Supplier<byte[]> file,
      String name,
      ReportPeriod period) {
    if (!csv) {
      return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }
    String fileName = "workorders-" + name + "-" + period.from() + "-" + period.to() + ".csv";
    return Response.ok(file.get())
        .type(CSV + "; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
        .build();
  }
}
