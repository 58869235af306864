package org.courtyard.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;
import org.courtyard.api.Languages;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Text;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.TransientFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception into a problem+json response. Client mistakes get a 4xx that says what to
 * fix; anything unexpected is logged with an incident id and answered with a 500 that carries only
 * that id, never a stack trace.
 */
public final class ProblemMapper implements ExceptionMapper<Throwable> {

  private static final Texts TEXTS = Texts.of(ProblemMapper.class);

  private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

  @Context private UriInfo uriInfo;

  @Context private HttpHeaders headers;

  @Override
  public Response toResponse(Throwable e) {
    return respond(e, instance(), acceptLanguage());
  }

  /**
   * The answer to {@code e} for a request to {@code instance} that sent {@code acceptLanguage}
   * (either may be null).
   */
  static Response respond(Throwable e, String instance, String acceptLanguage) {
    ProblemException p = toProblem(e);
    Response response =
        Problems.response(p, instance, Languages.fromAcceptLanguage(acceptLanguage));
    if (p.status() == 413) {
      // the refused body was left unread: the connection cannot carry another request, and Jetty
      // would otherwise wait for the body before answering a client that keeps it open
      return Response.fromResponse(response).header("Connection", "close").build();
    }
    return response;
  }

  private String acceptLanguage() {
    try {
      return headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
    } catch (RuntimeException e) {
      return null; // no request to ask: English
    }
  }

  private String instance() {
    try {
      return uriInfo == null ? null : uriInfo.getRequestUri().getPath();
    } catch (RuntimeException e) {
      return null;
    }
  }

  static ProblemException toProblem(Throwable e) {
    // A problem raised on purpose wins wherever it is wrapped: readers, CXF and Jackson (a DTO's
    // constructor) wrap what they catch.
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof ProblemException) {
        return (ProblemException) c;
      }
      if (c instanceof BodyLimit.TooLarge) {
        return BodyLimit.problem(((BodyLimit.TooLarge) c).limit);
      }
    }
    // a statement the database cancelled (timeout) or aborted (deadlock) outside Jdbc and
    // Transactions, which answer these themselves and also know the statement limit
    ProblemException transientFailure = TransientFailures.problem(e, -1);
    if (transientFailure != null) {
      LOG.debug("Transient database failure", e);
      return transientFailure;
    }
    if (isBadPercentEncoding(e)) {
      return TEXTS.problem(400, "malformed-request", "mapper.bad-percent");
    }
    Throwable t = unwrap(e);
    if (t instanceof JsonProcessingException) {
      return jsonProblem((JsonProcessingException) t);
    }
    WebApplicationException web = firstWebApplicationException(e);
    if (web != null && web.getResponse() != null && web.getResponse().getStatus() < 500) {
      return byStatus(web);
    }
    String incident = UUID.randomUUID().toString();
    LOG.error("Unexpected error, incident {}", incident, e);
    return TEXTS.problem(
        500, "internal-error", Map.of("incident", incident), "mapper.internal-error", incident);
  }

  /** JAX-RS's own refusals: no match, wrong method or media type, a parameter it cannot convert. */
  private static ProblemException byStatus(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    boolean conversion = hasCause(e, IllegalArgumentException.class);
    switch (status) {
      case 404:
        // JAX-RS answers a path or query value it cannot convert with 404 and the parse error as
        // cause; TypedParams names the parameter for the common types, this covers the others
        return conversion
            ? TEXTS.problem(400, "invalid-parameter", "mapper.path-query-conversion")
            : TEXTS.problem(404, "not-found", "mapper.not-found");
      case 400:
        return conversion
            ? TEXTS.problem(400, "invalid-parameter", "mapper.header-form-conversion")
            : TEXTS.problem(400, "bad-request", "mapper.bad-request");
      case 405:
        return TEXTS.problem(
            405,
            "method-not-allowed",
            "mapper.method-not-allowed",
            e.getResponse().getAllowedMethods());
      case 406:
        return TEXTS.problem(406, "not-acceptable", "mapper.not-acceptable");
      case 413:
        return TEXTS.problem(413, "too-large", "mapper.too-large");
      case 415:
        return TEXTS.problem(415, "unsupported-media-type", "mapper.unsupported-media-type");
      default:
        Response.Status known = Response.Status.fromStatusCode(status);
        return new ProblemException(
            status,
            "client-error",
            Text.plain(known == null ? "Client error" : known.getReasonPhrase()),
            TEXTS.text("mapper.not-accepted", status),
            Map.of());
    }
  }

  /**
   * CXF decodes the query string (and form bodies) only when a parameter is first asked for, and
   * fails on {@code %zz} or a trailing {@code %} with a bare IllegalArgumentException.
   */
  static boolean isBadPercentEncoding(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      StackTraceElement[] at = c.getStackTrace();
      if (c instanceof IllegalArgumentException
          && at.length > 0
          && "org.apache.cxf.common.util.UrlUtils".equals(at[0].getClassName())) {
        return true;
      }
    }
    return false;
  }

  private static WebApplicationException firstWebApplicationException(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof WebApplicationException) {
        return (WebApplicationException) c;
      }
    }
    return null;
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable c = e.getCause(); c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof WebApplicationException
            || t.getClass().getName().startsWith("org.apache.cxf"))
        && t.getCause() != null
        && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static ProblemException jsonProblem(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException) {
      UnrecognizedPropertyException u = (UnrecognizedPropertyException) e;
      String known =
          u.getKnownPropertyIds() == null
              ? null
              : u.getKnownPropertyIds().stream()
                  .map(Object::toString)
                  .sorted()
                  .collect(Collectors.joining(", "));
      return known == null
          ? TEXTS.problem(400, "malformed-json", "json.unknown-property", u.getPropertyName())
          : TEXTS.problem(
              400, "malformed-json", "json.unknown-property-known", u.getPropertyName(), known);
    }
    if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
      MismatchedInputException m = (MismatchedInputException) e;
      String path =
          m.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."));
      if (m.getTargetType() == null) {
        return path.isEmpty()
            ? TEXTS.problem(400, "malformed-json", "json.body-wrong-type")
            : TEXTS.problem(400, "malformed-json", "json.field-wrong-type", path);
      }
      Text expected = describe(m.getTargetType());
      return path.isEmpty()
          ? TEXTS.problem(400, "malformed-json", "json.body-expected", expected)
          : TEXTS.problem(400, "malformed-json", "json.field-expected", path, expected);
    }
    return e.getLocation() == null
        ? TEXTS.problem(400, "malformed-json", "json.invalid")
        : TEXTS.problem(
            400,
            "malformed-json",
            "json.invalid-at",
            e.getLocation().getLineNr(),
            e.getLocation().getColumnNr());
  }

  private static Text describe(Class<?> type) {
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return TEXTS.text("json.a-number");
    }
    if (type == String.class) {
      return TEXTS.text("json.a-string");
    }
    if (type == Boolean.class || type == boolean.class) {
      return TEXTS.text("json.true-or-false");
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return TEXTS.text("json.an-array");
    }
    return TEXTS.text("json.an-object");
  }
}
