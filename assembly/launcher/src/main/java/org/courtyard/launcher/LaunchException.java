package org.courtyard.launcher;

/**
 * A start-up failure the user can act on. The message is printed as is (no stack trace), so it must
 * say what went wrong and what to do about it.
 */
final class LaunchException extends Exception {

  private static final long serialVersionUID = 1L;

  LaunchException(String message) {
    super(message);
  }

  LaunchException(String message, Throwable cause) {
    super(message, cause);
  }
}
