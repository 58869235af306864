package org.courtyard.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.courtyard.api.ProblemException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own refusals in the API's shape: what Jetty answers before any servlet sees the request
 * (a path with {@code %00}, {@code %zz}, {@code %2F} or an encoded dot segment, a malformed header
 * or {@code Content-Length}, a request line or headers too long) and what it answers for a request
 * no context takes. Both are problem+json like every other refusal of the API; the server serves
 * nothing else.
 */
final class ContainerErrors extends ErrorHandler {

  static final String PROBLEM_JSON = Problems.PROBLEM_JSON.toString();

  /** Jetty's reason goes into the detail; a reason this long is not one, but an echo. */
  private static final int MAX_REASON = 200;

  private final ObjectMapper mapper = Json.mapper();

  ContainerErrors() {
    setShowStacks(false);
    setShowServlet(false);
  }

  /** A request Jetty could not parse: there is no request, so no {@code instance}. */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
    fields.put(HttpHeader.CONTENT_TYPE, PROBLEM_JSON);
    return ByteBuffer.wrap(json(problem(status, reason), null));
  }

  /** A request Jetty took but no context answered, or that failed before one did. */
  @Override
  protected void generateAcceptableResponse(
      Request baseRequest,
      HttpServletRequest request,
      HttpServletResponse response,
      int code,
      String message)
      throws IOException {
    byte[] body = json(problem(code, message), request.getRequestURI());
    baseRequest.setHandled(true);
    response.setContentType(PROBLEM_JSON);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  static ProblemException problem(int status, String reason) {
    String said = said(status, reason);
    return switch (status) {
      case 400 ->
          ProblemException.badRequest(
              "malformed-request",
              "Malformed request",
              "The request line or a header could not be read"
                  + said
                  + ". In the path, %00, %2F, encoded dot segments and a % that is not followed"
                  + " by two hex digits are refused.");
      case 404 -> ProblemException.notFound("not-found", "Not found", "No such resource.");
      case 414 ->
          new ProblemException(
              414, "uri-too-long", "URI too long", "The request line is too long" + said + ".");
      case 431 ->
          new ProblemException(
              431,
              "headers-too-large",
              "Request headers too large",
              "The request headers are too large" + said + ".");
      default -> {
        String title = HttpStatus.getMessage(status);
        yield new ProblemException(
            status,
            status < 500 ? "client-error" : "server-error",
            title == null ? "Error" : title,
            "The request was not accepted (HTTP " + status + said + ").");
      }
    };
  }

  /** Jetty's reason when it says more than the status does, as {@code ": reason"}. */
  private static String said(int status, String reason) {
    if (reason == null
        || reason.isBlank()
        || reason.equalsIgnoreCase(HttpStatus.getMessage(status))) {
      return "";
    }
    String r = reason.strip();
    return ": " + (r.length() > MAX_REASON ? r.substring(0, MAX_REASON) + "..." : r);
  }

  private byte[] json(ProblemException p, String instance) {
    Map<String, Object> body = Problems.body(p, instance);
    try {
      return mapper.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a problem document is plain JSON", e);
    }
  }
}
