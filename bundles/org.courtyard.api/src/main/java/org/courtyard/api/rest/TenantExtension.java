package org.courtyard.api.rest;

import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A JAX-RS root resource for tenants' callers contributed by a platform bundle (sign-in, users and
 * roles, the audit log), not by a module: it is served for every tenant, without the module gate.
 * Register it as a service: the platform publishes it at {@code /api/v1/<path>} behind the tenant
 * credential, checks its methods' {@link Permission}s, and lists it in the OpenAPI document.
 */
@ConsumerType
public interface TenantExtension {

  /** One path segment: {@code ^[a-z][a-z0-9-]{1,39}$}, not a module id. */
  String path();

  /**
   * Paths under {@link #path()} (without it, such as {@code login}) that anyone may call without a
   * credential: signing in, refreshing, the public keys. A segment {@code {name}} stands for any
   * one segment, written as in the method's {@code @Path} ({@code sso/{tenant}/start}).
   */
  default Set<String> publicPaths() {
    return Set.of();
  }
}
