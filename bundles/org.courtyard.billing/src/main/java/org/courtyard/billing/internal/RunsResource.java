package org.courtyard.billing.internal;

import static org.courtyard.api.rest.Params.body;
import static org.courtyard.api.rest.Params.limit;

import java.time.YearMonth;
import java.util.List;
import javax.ws.rs.Consumes;
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
import javax.ws.rs.core.UriInfo;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Texts;
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Page;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.billing.internal.calc.FeeCalculator;
import org.courtyard.billing.internal.dto.RunRequest;
import org.courtyard.billing.internal.dto.RunView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Billing runs (账单生成) under {@code /api/v1/billing/runs}: a period posted once, queued with every
 * tenant's runs and watched until done.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + BillingModule.ID)
@Path("runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunsResource implements ModuleResource {

  private static final Texts TEXTS = Texts.of(RunsResource.class);

  private final BillingInstances billing;

  @Activate
  public RunsResource(@Reference BillingInstances billing) {
    this.billing = billing;
  }

  @Override
  public String moduleId() {
    return BillingModule.ID;
  }

  @Doc(
      summary = "Start a billing run",
      description =
          "Queues a run that bills every room for a period, or, for someone granted only some"
              + " estates or buildings, the rooms there: a bill per room with the fee items that"
              + " apply, and a bill of its own for each charge of the company's other modules not"
              + " billed yet (a leased parking space's rent). 202 with the run queued; poll it. 409"
              + " run-in-progress for the same period, naming the run to follow (runId); 503"
              + " runs-busy when too many wait.",
      returns = RunView.class,
      status = 202)
  @Permission("billing.run.start")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response startRun(
      @Context SecurityContext security, @Context UriInfo uri, RunRequest input) {
    BillingTenant instance = billing.of(security);
    TenantSlug tenant = TenantPrincipal.of(security);
    String period = body(input).period();
    YearMonth month = Periods.parse(period);
    List<String> needResidents =
        instance.catalog().periodicFees().stream()
            .filter(
                f -> f.terms().kind().needsResidents() && FeeCalculator.chargedIn(f.terms(), month))
            .map(Catalog.Fee::code)
            .toList();
    if (!needResidents.isEmpty() && !billing.residentsEnabled(tenant)) {
      throw BillingInstances.moduleRequired(
          tenant, needResidents, TEXTS.text("module-required.end-items", month));
    }
    RunView run =
        instance
            .runs()
            .start(
                period,
                TenantPrincipal.scopeOf(security),
                roomIds -> billing.vehicleCounts(tenant, needResidents, roomIds),
                (billed, roomIds) -> billing.periodCharges(tenant, billed, roomIds));
    return Response.accepted(run)
        .location(uri.getAbsolutePathBuilder().path(Long.toString(run.id())).build())
        .build();
  }

  @Doc(
      summary = "List billing runs",
      description = "The billing runs with their status and progress.")
  @Permission("billing.run.read")
  @GET
  public Page<RunView> listRuns(
      @Context SecurityContext security,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return billing.of(security).runs().list(Cursor.decode(cursor), limit(limit));
  }

  @Doc(
      summary = "Get a billing run",
      description =
          "One run with its status and progress: rooms done of rooms total and bills created. Poll"
              + " it after starting a run.")
  @Permission("billing.run.read")
  @GET
  @Path("{id}")
  public RunView getRun(@Context SecurityContext security, @PathParam("id") long id) {
    return billing.of(security).runs().get(id);
  }
}
