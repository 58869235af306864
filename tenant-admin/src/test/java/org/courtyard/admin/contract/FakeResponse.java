package org.courtyard.admin.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An answer of the fake: status, content type and body. */
public record FakeResponse(int status, String contentType, byte[] body) {

  static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  public static FakeResponse json(Object body) {
    return json(200, body);
  }

  public static FakeResponse json(int status, Object body) {
    try {
      return new FakeResponse(status, "application/json", JSON.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static FakeResponse noContent() {
    return new FakeResponse(204, null, new byte[0]);
  }

  public static FakeResponse text(String contentType, String body) {
    return new FakeResponse(200, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  /** A problem+json like the platform's: {@code type} is the short type, e.g. {@code not-found}. */
  public static FakeResponse problem(int status, String type, String title, String detail) {
    return problem(status, type, title, detail, Map.of());
  }

  /** The same with extension members, e.g. the {@code runId} of a 409 {@code run-in-progress}. */
  public static FakeResponse problem(
      int status, String type, String title, String detail, Map<String, Object> extensions) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("type", FakeOperatorApi.PROBLEM + type);
    p.put("title", title);
    p.put("status", status);
    p.put("detail", detail);
    p.putAll(extensions);
    try {
      return new FakeResponse(status, "application/problem+json", JSON.writeValueAsBytes(p));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * One page of {@code all} as the platform pages lists: {@code limit} (default 50, 1..500) and the
   * opaque {@code cursor} of the request, answer {@code {items, nextCursor}}.
   */
  public static FakeResponse page(List<?> all, FakeRequest request) {
    int limit;
    try {
      limit = request.query().containsKey("limit") ? Integer.parseInt(request.query("limit")) : 50;
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 1 || limit > 500) {
      throw new FakeProblem(
          400, "invalid-limit", "Invalid limit", "limit must be between 1 and 500.");
    }
    int from = 0;
    String cursor = request.query("cursor");
    if (cursor != null && !cursor.isEmpty()) {
      try {
        from =
            Integer.parseInt(
                new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
      } catch (IllegalArgumentException e) {
        throw new FakeProblem(
            400, "invalid-cursor", "Invalid cursor", "The cursor is not one this API returned.");
      }
    }
    int to = Math.min(all.size(), from + limit);
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("items", from >= all.size() ? List.of() : all.subList(from, to));
    page.put(
        "nextCursor",
        to < all.size()
            ? Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(String.valueOf(to).getBytes(StandardCharsets.US_ASCII))
            : null);
    return json(page);
  }
}
