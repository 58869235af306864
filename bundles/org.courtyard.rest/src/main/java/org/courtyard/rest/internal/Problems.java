package org.courtyard.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.courtyard.api.ProblemException;
import org.courtyard.api.RetryLaterException;

/** RFC 9457 problem documents: the only shape an error leaves this API in. */
final class Problems {

  static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
  static final String TYPE_PREFIX = "urn:courtyard:problem:";

  private Problems() {}

  static Map<String, Object> body(ProblemException p, String instance) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", TYPE_PREFIX + p.type());
    body.put("title", p.title());
    body.put("status", p.status());
    if (p.detail() != null) {
      body.put("detail", p.detail());
    }
    if (instance != null) {
      body.put("instance", instance);
    }
    p.extensions().forEach(body::putIfAbsent);
    return body;
  }

  /** The problem's response; a {@link RetryLaterException} also says when to try again. */
  static Response response(ProblemException p, String instance) {
    Response.ResponseBuilder response =
        Response.status(p.status()).type(PROBLEM_JSON).entity(body(p, instance));
    if (p instanceof RetryLaterException retry) {
      response.header(HttpHeaders.RETRY_AFTER, retry.retryAfterSeconds());
    }
    return response.build();
  }
}
