package org.courtyard.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.ws.rs.ClientErrorException;
import javax.ws.rs.NotAcceptableException;
import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;
import org.courtyard.api.ProblemException;
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
    return Problems.response(toProblem(e), instance());
  }

  private String instance() {
    try {
      return uriInfo == null ? null : uriInfo.getRequestUri().getPath();
    } catch (RuntimeException e) {
      return null;
    }
  }

  static ProblemException toProblem(Throwable e) {
    Throwable t = unwrap(e);
    if (t instanceof ProblemException) {
      return (ProblemException) t;
    }
    if (t instanceof JsonProcessingException) {
      return jsonProblem((JsonProcessingException) t);
    }
    if (t instanceof NotFoundException) {
      return ProblemException.notFound("not-found", "Not found", "No such resource.");
    }
    if (t instanceof NotAllowedException) {
      return new ProblemException(
          405,
          "method-not-allowed",
          "Method not allowed",
          "Allowed methods: " + ((NotAllowedException) t).getResponse().getAllowedMethods() + ".");
    }
    if (t instanceof NotSupportedException) {
      return new ProblemException(
          415,
          "unsupported-media-type",
          "Unsupported media type",
          "Send application/json (or text/csv where an import says so).");
    }
    if (t instanceof NotAcceptableException) {
      return new ProblemException(
          406, "not-acceptable", "Not acceptable", "This API answers application/json.");
    }
    if (t instanceof ClientErrorException) {
      int status = ((ClientErrorException) t).getResponse().getStatus();
      return new ProblemException(
          status,
          "client-error",
          Response.Status.fromStatusCode(status) == null
              ? "Client error"
              : Response.Status.fromStatusCode(status).getReasonPhrase(),
          "The request was not accepted (HTTP " + status + ").");
    }
    if (t instanceof WebApplicationException
        && ((WebApplicationException) t).getResponse().getStatus() < 500) {
      int status = ((WebApplicationException) t).getResponse().getStatus();
      return new ProblemException(status, "client-error", "Client error", "HTTP " + status + ".");
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
