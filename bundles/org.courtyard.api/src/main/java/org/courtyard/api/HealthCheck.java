package org.courtyard.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One part of the platform an operator wants to see up: the database, the MQTT broker. Registered
 * as a service; the operator health report lists every one present.
 */
@ConsumerType
public interface HealthCheck {

  /** Short lower-case name: {@code database}, {@code broker}. */
  String component();

  /** Answers within a second or two; never throws (a failure is a {@code down} result). */
  Result check();

  /** {@code up} or {@code down}, with what an operator needs to read to act on it. */
  record Result(String status, String detail) {

    public static Result up(String detail) {
      return new Result("up", detail);
    }

    public static Result down(String detail) {
      return new Result("down", detail);
    }

    public boolean isUp() {
      return "up".equals(status);
    }
  }
}
