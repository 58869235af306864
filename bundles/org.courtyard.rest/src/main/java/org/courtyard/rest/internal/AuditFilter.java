package org.courtyard.rest.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.annotation.Priority;
import javax.ws.rs.Path;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import org.courtyard.api.AuditTrail;
import org.courtyard.api.RequestAudit;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the audit row of every state-changing tenant request (and operator request, whose row goes
 * to the platform schema) before its permission is checked, so that refusals are recorded too: who
 * (the verified caller), what (method and path template, the permission), which objects (the path's
 * ids), a summary (the JSON body with secrets masked, clipped), from where, and a request id the
 * answer repeats in {@code X-Request-Id}. The request's first committed transaction writes the row
 * (see {@link RequestAudit}); when the answer leaves and none did, this filter writes it with the
 * status.
 */
@Priority(Priorities.AUTHORIZATION - 10)
final class AuditFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final Logger LOG = LoggerFactory.getLogger(AuditFilter.class);
  private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final int SUMMARY_CHARS = 500;
  private static final int BODY_READ_MAX = 1024 * 1024;
  private static final Pattern SECRETS =
      Pattern.compile(
          "(\"[A-Za-z]*(?i:password|secret|token|pin)\"\\s*:\\s*)\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"");
  static final String REQUEST_ID = "X-Request-Id";
  private static final String PROPERTY = "courtyard.audit.request-id";

  private final String base;
  private final Supplier<AuditTrail> trail;
  @Context private ResourceInfo resource;

  /**
   * @param base the server's path under {@code /v1}, such as {@code /billing}
   */
  AuditFilter(String base, Supplier<AuditTrail> trail) {
    this.base = base;
    this.trail = trail;
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    RequestAudit.end(); // nothing of an earlier request on this thread
    Principal principal = request.getSecurityContext().getUserPrincipal();
    AuditTrail audits = trail.get();
    if (principal == null || audits == null || !CHANGES.contains(request.getMethod())) {
      return;
    }
    Method method = resource == null ? null : resource.getResourceMethod();
    String requestId = requestId(request.getHeaderString(REQUEST_ID));
    request.setProperty(PROPERTY, requestId);
    List<String> ids = new ArrayList<>();
    request.getUriInfo().getPathParameters().values().forEach(ids::addAll);
    if (!(principal instanceof TenantPrincipal)) {
      // an operator: the row goes to the platform's log
      RequestAudit.begin(
          RequestAudit.operator(
              principal.getName(),
              request.getMethod() + " " + template(method),
              ids,
              summary(request),
              AuthFilter.source(),
              requestId));
      return;
    }
    TenantPrincipal caller = (TenantPrincipal) principal;
    audits.prepare(caller.tenant());
    Permission permission = method == null ? null : method.getAnnotation(Permission.class);
    RequestAudit.begin(
        new RequestAudit(
            caller.tenant(),
            caller.kind().name().toLowerCase(Locale.ROOT),
            caller.subject(),
            caller.name(),
            request.getMethod() + " " + template(method),
            permission == null ? null : permission.value(),
            ids,
            summary(request),
            AuthFilter.source(),
            requestId));
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object requestId = request.getProperty(PROPERTY);
    if (requestId != null) {
      response.getHeaders().putSingle(REQUEST_ID, requestId);
    }
    Optional<RequestAudit> audit = RequestAudit.end();
    AuditTrail audits = trail.get();
    if (audit.isEmpty() || audit.get().isWritten() || audits == null) {
      return;
    }
    int status = response.getStatus();
    try {
      audits.record(audit.get(), status < 400 ? "ok " + status : "refused " + status);
    } catch (RuntimeException e) {
      LOG.error("Audit row of {} could not be written", audit.get().values("")[3], e);
    }
  }

  private String template(Method method) {
    if (method == null) {
      return base;
    }
    StringBuilder path = new StringBuilder(base);
    append(path, method.getDeclaringClass().getAnnotation(Path.class));
    append(path, method.getAnnotation(Path.class));
    return path.toString();
  }

  private static void append(StringBuilder path, Path p) {
    if (p == null || p.value().isEmpty() || p.value().equals("/")) {
      return;
    }
    String v = p.value().startsWith("/") ? p.value() : "/" + p.value();
    path.append(v.endsWith("/") ? v.substring(0, v.length() - 1) : v);
  }

  /** The JSON body with secrets masked, clipped; other bodies by their type and size. */
  private static String summary(ContainerRequestContext request) throws IOException {
    if (!request.hasEntity()) {
      return null;
    }
    MediaType type = request.getMediaType();
    if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
      int length = request.getLength();
      return (type == null ? "body" : type.getType() + "/" + type.getSubtype())
          + (length >= 0 ? ", " + length + " bytes" : "");
    }
    InputStream in = request.getEntityStream();
    byte[] body = in.readNBytes(BODY_READ_MAX + 1);
    if (body.length > BODY_READ_MAX) {
      // over the limit: the body limit refuses it; keep what was read for it to count
      request.setEntityStream(new java.io.SequenceInputStream(new ByteArrayInputStream(body), in));
      return "application/json, over " + BODY_READ_MAX + " bytes";
    }
    request.setEntityStream(new ByteArrayInputStream(body));
    return masked(new String(body, StandardCharsets.UTF_8));
  }

  /** A JSON text with the values of secret-looking fields replaced, on one line, clipped. */
  static String masked(String json) {
    String text = SECRETS.matcher(json).replaceAll("$1\"***\"");
    text = text.replaceAll("\\s+", " ").strip();
    return text.length() <= SUMMARY_CHARS ? text : text.substring(0, SUMMARY_CHARS) + "…";
  }

  private static String requestId(String sent) {
    if (sent != null && sent.matches("^[A-Za-z0-9._:-]{1,64}$")) {
      return sent;
    }
    return UUID.randomUUID().toString();
  }
}
