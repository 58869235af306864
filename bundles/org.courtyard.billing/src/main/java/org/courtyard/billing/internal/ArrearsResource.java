package org.courtyard.billing.internal;

import static org.courtyard.api.rest.Params.date;
import static org.courtyard.api.rest.Params.limit;

import java.time.Clock;
import java.time.LocalDate;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.billing.internal.dto.ArrearsSummaryView;
import org.courtyard.billing.internal.dto.ArrearsView;
import org.courtyard.billing.internal.dto.ReminderView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Arrears (欠费) under {@code /api/v1/billing/arrears}: what rooms owe on a day, its totals by age,
 * and the payment reminders (催缴) to send.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + BillingModule.ID)
@Path("arrears")
@Produces(MediaType.APPLICATION_JSON)
public class ArrearsResource implements ModuleResource {

  private final BillingInstances billing;

  @Activate
  public ArrearsResource(@Reference BillingInstances billing) {
    this.billing = billing;
  }

  @Override
  public String moduleId() {
    return BillingModule.ID;
  }

  @Doc(
      summary = "List arrears",
      description =
          "Rooms owing money as of asOf (YYYY-MM-DD), with what each owes and the total, paginated"
              + " by room id.")
  @Permission("billing.arrears.read")
  @GET
  public ArrearsView arrears(
      @Context SecurityContext security,
      @QueryParam("asOf") String asOf,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    BillingTenant instance = billing.of(security);
    LocalDate date = date("asOf", asOf);
    if (date == null) {
      date = LocalDate.now(Clock.systemUTC().withZone(instance.catalog().settings().zone()));
    }
    return instance
        .reports()
        .arrears(date, Cursor.decode(cursor), limit(limit), TenantPrincipal.scopeOf(security));
  }

  @Doc(
      summary = "Get the arrears totals",
      description =
          "What the rooms in scope owe past due on asOf (YYYY-MM-DD, default today in the"
              + " company's time zone): the total and the rooms owing, and per age bucket (1-30,"
              + " 31-90, over 90 days past due) the amount and the rooms with arrears of that age;"
              + " the sums of the arrears list's rows.")
  @Permission("billing.arrears.read")
  @GET
  @Path("summary")
  public ArrearsSummaryView summary(
      @Context SecurityContext security, @QueryParam("asOf") String asOf) {
    BillingTenant instance = billing.of(security);
    LocalDate date = date("asOf", asOf);
    if (date == null) {
      date = LocalDate.now(Clock.systemUTC().withZone(instance.catalog().settings().zone()));
    }
    return instance.arrearsTotals().on(date, TenantPrincipal.scopeOf(security));
  }

  @Doc(
      summary = "List payment reminders",
      description = "The reminders to send as of a date, largest amount owed first.")
  @Permission("billing.arrears.read")
  @GET
  @Path("reminders")
  public ReminderView reminders(
      @Context SecurityContext security,
      @QueryParam("asOf") String asOf,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return billing
        .of(security)
        .reports()
        .reminders(
            date("asOf", asOf),
            ReminderCursor.decode(cursor),
            limit(limit),
            TenantPrincipal.scopeOf(security));
  }
}
