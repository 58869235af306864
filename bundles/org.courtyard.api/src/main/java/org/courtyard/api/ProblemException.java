package org.courtyard.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error the caller can do something about, reported as an RFC 9457 {@code
 * application/problem+json} body. {@code type} is a short stable identifier (for example {@code
 * module-not-enabled}); the REST layer turns it into the problem's {@code type} URI.
 */
public class ProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String title;
  private final Map<String, Object> extensions;

  public ProblemException(int status, String type, String title, String detail) {
    this(status, type, title, detail, Map.of());
  }

  public ProblemException(
      int status, String type, String title, String detail, Map<String, Object> extensions) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
    this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }

  public static ProblemException badRequest(String type, String title, String detail) {
    return new ProblemException(400, type, title, detail);
  }

  public static ProblemException notFound(String type, String title, String detail) {
    return new ProblemException(404, type, title, detail);
  }

  public static ProblemException conflict(String type, String title, String detail) {
    return new ProblemException(409, type, title, detail);
  }

  public static ProblemException unprocessable(String type, String title, String detail) {
    return new ProblemException(422, type, title, detail);
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  /** Extra members of the problem body, for example the row-level {@code errors} of an import. */
  public Map<String, Object> extensions() {
    return extensions;
  }
}
