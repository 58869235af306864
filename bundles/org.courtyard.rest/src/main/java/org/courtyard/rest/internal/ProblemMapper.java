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
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;
import org.courtyard.api.ProblemException;
import org.courtyard.api.jdbc.TransientFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception into a problem+json response. Client mistakes get a 4xx that says what to
 * fix; anything unexpected is logged with an incident id and answered with a 500 that carries only
 * that id, never a stack trace.
 */
public final class ProblemMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

  @Context private UriInfo uriInfo;

  @Override
  public Response toResponse(Throwable e) {
    ProblemException p = toProblem(e);
    Response response = Problems.response(p, instance());
    if (p.status() == 413) {
      // the refused body was left unread: the connection cannot carry another request, and Jetty
      // would otherwise wait for the body before answering a client that keeps it open
      return Response.fromResponse(response).header("Connection", "close").build();
    }
    return response;
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
      return ProblemException.badRequest(
          "malformed-request",
          "Malformed request",
          "The query string (or a form body) has a % that is not followed by two hex digits.");
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
    return new ProblemException(
        500,
        "internal-error",
        "Internal error",
        "Something went wrong on our side. Quote incident " + incident + " to your operator.",
        Map.of("incident", incident));
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
            ? ProblemException.badRequest(
                "invalid-parameter",
                "Invalid parameter",
                "A path or query parameter has a value of the wrong type.")
            : ProblemException.notFound("not-found", "Not found", "No such resource.");
      case 400:
        return conversion
            ? ProblemException.badRequest(
                "invalid-parameter",
                "Invalid parameter",
                "A header or form parameter has a value of the wrong type.")
            : ProblemException.badRequest(
                "bad-request", "Bad request", "The request could not be read.");
      case 405:
        return new ProblemException(
            405,
            "method-not-allowed",
            "Method not allowed",
            "Allowed methods: " + e.getResponse().getAllowedMethods() + ".");
      case 406:
        return new ProblemException(
            406, "not-acceptable", "Not acceptable", "This API answers application/json.");
      case 413:
        return new ProblemException(
            413, "too-large", "Request body too large", "The request body is too large.");
      case 415:
        return new ProblemException(
            415,
            "unsupported-media-type",
            "Unsupported media type",
            "Send application/json (or text/csv where an import says so).");
      default:
        Response.Status known = Response.Status.fromStatusCode(status);
        return new ProblemException(
            status,
            "client-error",
            known == null ? "Client error" : known.getReasonPhrase(),
            "The request was not accepted (HTTP " + status + ").");
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
      return ProblemException.badRequest(
          "malformed-json",
          "Malformed JSON",
          "Unknown property '"
              + u.getPropertyName()
              + "'"
              + (u.getKnownPropertyIds() == null
                  ? ""
                  : "; known properties: "
                      + u.getKnownPropertyIds().stream()
                          .map(Object::toString)
                          .sorted()
                          .collect(Collectors.joining(", ")))
              + ".");
    }
    if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
      MismatchedInputException m = (MismatchedInputException) e;
      String path =
          m.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."));
      return ProblemException.badRequest(
          "malformed-json",
          "Malformed JSON",
          (path.isEmpty() ? "The body" : "Field '" + path + "'")
              + " has the wrong type"
              + (m.getTargetType() == null ? "" : ": expected " + describe(m.getTargetType()))
              + ".");
    }
    String location =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr();
    return ProblemException.badRequest(
        "malformed-json", "Malformed JSON", "The body is not valid JSON" + location + ".");
  }

  private static String describe(Class<?> type) {
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return "a number";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }
}
