package org.courtyard.api;

import java.util.Map;

/**
 * A refusal the caller may try again after a while: too many failed attempts (429) or a busy server
 * (503). The REST layer sends {@link #retryAfterSeconds()} as the {@code Retry-After} header.
 */
public class RetryLaterException extends ProblemException {

  private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  public RetryLaterException(
      int status, String type, String title, String detail, long retryAfterSeconds) {
    super(status, type, title, detail);
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  /** A refusal in every language of its texts, usually made by {@link Texts#retryLater}. */
  public RetryLaterException(
      int status, String type, Text title, Text detail, long retryAfterSeconds) {
    super(status, type, title, detail, Map.of());
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  /** Whole seconds to wait before trying again, at least 1. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
