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
import org.courtyard.api.rest.CsvAnswer;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Params;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.ReportPeriod;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.workorders.internal.reports.ReportCsv;
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
@Produces({MediaType.APPLICATION_JSON, CsvAnswer.CSV})
public class ReportsResource implements ModuleResource {

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
    boolean csv = CsvAnswer.wanted(format, headers);
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
    boolean csv = CsvAnswer.wanted(format, headers);
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

  private static Locale locale(HttpHeaders headers) {
    return Languages.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
  }

  /** The report as JSON, or as the CSV file {@code workorders-<name>-<from>-<to>.csv}. */
  private static Response answer(
      boolean csv,
      Object report,
      java.util.function.Supplier<byte[]> file,
      String name,
      ReportPeriod period) {
    return CsvAnswer.of(
        csv, report, file, "workorders-" + name + "-" + period.from() + "-" + period.to());
  }
}
