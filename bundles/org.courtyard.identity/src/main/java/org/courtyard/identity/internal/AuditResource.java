package org.courtyard.identity.internal;

import static org.courtyard.api.rest.Params.body;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.Page;
import org.courtyard.api.rest.Params;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantExtension;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.identity.internal.dto.AuditEntryView;
import org.courtyard.identity.internal.dto.SettingsUpdate;
import org.courtyard.identity.internal.dto.SettingsView;

/**
 * The audit log and the company's identity settings under {@code /api/v1/identity}: who changed
 * what, when and from where, filtered and exported as CSV; how long it is kept.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditResource implements TenantExtension {

  private final AuditLog audit;

  AuditResource(AuditLog audit) {
    this.audit = audit;
  }

  @Override
  public String path() {
    return IdentityPlatform.IDENTITY_PATH;
  }

  @Doc(
      summary = "Query the audit log",
      description =
          "One row per state-changing request, newest first: who (user name or id), what"
              + " (operation, such as POST /billing/payments), which objects, when (from, to:"
              + " ISO-8601 instants), from where, and the outcome.")
  @Permission("identity.audit.read")
  @GET
  @Path("audit")
  public Page<AuditEntryView> listAudit(
      @Context SecurityContext security,
      @QueryParam("who") String who,
      @QueryParam("operation") String operation,
      @QueryParam("object") String object,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return audit.list(
        TenantPrincipal.of(security),
        AuditLog.Filter.of(who, operation, object, from, to),
        Params.blank(cursor) ? null : cursor,
        Params.limit(limit));
  }

  @Doc(
      summary = "Export the audit log",
      description = "The rows the same filters select, as CSV (UTF-8), newest first.",
      returns = String.class)
  @Permission("identity.audit.read")
  @GET
  @Path("audit.csv")
  @Produces("text/csv")
  public Response exportAudit(
      @Context SecurityContext security,
      @QueryParam("who") String who,
      @QueryParam("operation") String operation,
      @QueryParam("object") String object,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    return Response.ok(
            audit.csv(
                TenantPrincipal.of(security), AuditLog.Filter.of(who, operation, object, from, to)))
        .type("text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"audit.csv\"")
        .build();
  }

  @Doc(summary = "Get the identity settings", description = "How long the audit log is kept.")
  @Permission("identity.audit.read")
  @GET
  @Path("settings")
  public SettingsView getSettings(@Context SecurityContext security) {
    return audit.settings(TenantPrincipal.of(security));
  }

  @Doc(
      summary = "Update the identity settings",
      description =
          "auditRetentionDays: 30 to 3650; older rows are deleted daily. 409 stale-version.")
  @Permission("identity.settings.manage")
  @PUT
  @Path("settings")
  @Consumes(MediaType.APPLICATION_JSON)
  public SettingsView updateSettings(@Context SecurityContext security, SettingsUpdate input) {
    return audit.updateSettings(TenantPrincipal.of(security), body(input));
  }
}
