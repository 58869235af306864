package org.courtyard.admin.api;

import java.io.Serializable;
import java.util.Map;

/**
 * An error answer of the operator API (RFC 9457 problem+json): what the operator reads is the title
 * and the detail, never a stack trace.
 */
public final class ApiProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String title;
  private final String detail;
  private final Map<String, Serializable> extensions;

  public ApiProblem(int status, String type, String title, String detail) {
    this(status, type, title, detail, Map.of());
  }

  /**
   * With the problem's extension members, e.g. the {@code errors} of a 422 {@code
   * validation-failed} ({@code [{field, message}]}) or {@code import-rejected} ({@code [{line,
   * column, message}]}), as plain JSON values (maps, lists, strings, numbers).
   */
  public ApiProblem(
      int status, String type, String title, String detail, Map<String, Serializable> extensions) {
    super(title + (detail == null ? "" : ": " + detail));
    this.status = status;
    this.type = type;
    this.title = title;
    this.detail = detail;
    this.extensions = Map.copyOf(extensions);
  }

  public int status() {
    return status;
  }

  /** The problem type URI, e.g. {@code urn:courtyard:problem:tenant-not-found}. */
  public String type() {
    return type;
  }

  /** The last segment of the type, e.g. {@code tenant-not-found}. */
  public String shortType() {
    if (type == null) {
      return "";
    }
    int cut = Math.max(type.lastIndexOf(':'), type.lastIndexOf('/'));
    return type.substring(cut + 1);
  }

  public String title() {
    return title;
  }

  public String detail() {
    return detail;
  }

  /** The members beyond type, title, status, detail and instance; empty when there are none. */
  public Map<String, Serializable> extensions() {
    return extensions;
  }
}
