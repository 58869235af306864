package org.courtyard.rest.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.courtyard.api.Languages;
import org.courtyard.api.ProblemException;
import org.courtyard.api.RetryLaterException;

/**
 * RFC 9457 problem documents: the only shape an error leaves this API in. The title, the detail and
 * the texts among the extensions (messages of field and row errors) are said in the language the
 * request asked for ({@link Languages#fromAcceptLanguage}); the type and machine-readable members
 * are the same in every language.
 */
final class Problems {

  static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
  static final String TYPE_PREFIX = "urn:courtyard:problem:";

  private Problems() {}

  /** The body in English. */
  static Map<String, Object> body(ProblemException p, String instance) {
    return body(p, instance, Languages.ENGLISH);
  }

  static Map<String, Object> body(ProblemException p, String instance, Locale language) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", TYPE_PREFIX + p.type());
    body.put("title", p.title(language));
    body.put("status", p.status());
    String detail = p.detail(language);
    if (detail != null) {
      body.put("detail", detail);
    }
    if (instance != null) {
      body.put("instance", instance);
    }
    p.extensions(language).forEach(body::putIfAbsent);
    return body;
  }

  /** The response in English. */
  static Response response(ProblemException p, String instance) {
    return response(p, instance, Languages.ENGLISH);
  }

  /**
   * The problem's response in {@code language}, saying so in {@code Content-Language} and that
   * another {@code Accept-Language} may get another answer; a {@link RetryLaterException} also says
   * when to try again.
   */
  static Response response(ProblemException p, String instance, Locale language) {
    Response.ResponseBuilder response =
        Response.status(p.status())
            .type(PROBLEM_JSON)
            .entity(body(p, instance, language))
            .header(HttpHeaders.CONTENT_LANGUAGE, Languages.tag(language))
            .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    if (p instanceof RetryLaterException retry) {
      response.header(HttpHeaders.RETRY_AFTER, retry.retryAfterSeconds());
    }
    return response.build();
  }
}
