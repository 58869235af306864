package org.courtyard.identity.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.OperatorExtension;
import org.courtyard.api.rest.Page;
import org.courtyard.api.rest.Params;
import org.courtyard.identity.internal.dto.AuditEntryView;

/**
 * The operators' audit log under {@code /api/v1/operator/audit}: every operator request that
 * changed something or was refused, in the platform schema.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public final class OperatorAuditResource implements OperatorExtension {

  private final AuditLog audit;

  OperatorAuditResource(AuditLog audit) {
    this.audit = audit;
  }

  @Override
  public String path() {
    return "audit";
  }

  @Doc(
      summary = "Query the operators' audit log",
      description =
          "One row per operator request that changes something, newest first; filters who,"
              + " operation, object, from, to (ISO-8601 instants).")
  @GET
  public Page<AuditEntryView> listOperatorAudit(
      @QueryParam("who") String who,
      @QueryParam("operation") String operation,
      @QueryParam("object") String object,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return audit.list(
        null,
        AuditLog.Filter.of(who, operation, object, from, to),
        Params.blank(cursor) ? null : cursor,
        Params.limit(limit));
  }

  @Doc(
      summary = "Export the operators' audit log",
      description = "The rows the same filters select, as CSV (UTF-8).",
      returns = String.class)
  @GET
  @Path("export.csv")
  @Produces("text/csv")
  public Response exportOperatorAudit(
      @QueryParam("who") String who,
      @QueryParam("operation") String operation,
      @QueryParam("object") String object,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    return Response.ok(audit.csv(null, AuditLog.Filter.of(who, operation, object, from, to)))
        .type("text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"operator-audit.csv\"")
        .build();
  }
}
