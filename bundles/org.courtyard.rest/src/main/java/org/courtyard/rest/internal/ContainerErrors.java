package org.courtyard.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.courtyard.api.Languages;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Text;
import org.courtyard.api.Texts;
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

  private static final Texts TEXTS = Texts.of(ContainerErrors.class);

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
    fields.put(HttpHeader.CONTENT_LANGUAGE, Languages.tag(Languages.ENGLISH));
    return ByteBuffer.wrap(json(problem(status, reason), null, Languages.ENGLISH));
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
    Locale language =
        Languages.fromAcceptLanguage(request.getHeader(HttpHeader.ACCEPT_LANGUAGE.asString()));
    byte[] body = json(problem(code, message), request.getRequestURI(), language);
    baseRequest.setHandled(true);
    response.setContentType(PROBLEM_JSON);
    response.setHeader(HttpHeader.CONTENT_LANGUAGE.asString(), Languages.tag(language));
    response.setHeader(HttpHeader.VARY.asString(), HttpHeader.ACCEPT_LANGUAGE.asString());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  static ProblemException problem(int status, String reason) {
    String said = said(status, reason);
    return switch (status) {
      case 400 -> TEXTS.problem(400, "malformed-request", "container.malformed-request", said);
      case 404 -> TEXTS.problem(404, "not-found", "container.not-found");
      case 414 -> TEXTS.problem(414, "uri-too-long", "container.uri-too-long", said);
      case 431 -> TEXTS.problem(431, "headers-too-large", "container.headers-too-large", said);
      default -> {
        String title = HttpStatus.getMessage(status);
        yield new ProblemException(
            status,
            status < 500 ? "client-error" : "server-error",
            Text.plain(title == null ? "Error" : title),
            TEXTS.text("container.not-accepted", status, said),
            Map.of());
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

  private byte[] json(ProblemException p, String instance, Locale language) {
    Map<String, Object> body = Problems.body(p, instance, language);
    try {
      return mapper.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a problem document is plain JSON", e);
    }
  }
}
