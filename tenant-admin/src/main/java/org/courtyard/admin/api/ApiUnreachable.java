package org.courtyard.admin.api;

/** The operator API did not answer at all: refused, timed out, unknown host. */
public final class ApiUnreachable extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String baseUrl;

  public ApiUnreachable(String baseUrl, Throwable cause) {
    super("Courtyard API not reachable at " + baseUrl, cause);
    this.baseUrl = baseUrl;
  }

  public String baseUrl() {
    return baseUrl;
  }
}
