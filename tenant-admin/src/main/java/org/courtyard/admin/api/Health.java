package org.courtyard.admin.api;

import java.util.Map;

/** {@code GET /operator/health}: the container and what it depends on. */
public record Health(
    String status,
    String version,
    long uptimeSeconds,
    int tenants,
    String java,
    long heapUsedMb,
    Map<String, Component> components) {

  public Health {
    components = components == null ? Map.of() : Map.copyOf(components);
  }

  /** One part: container, database or broker. */
  public record Component(String status, Integer latencyMs, String detail) {}
}
