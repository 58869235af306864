package org.courtyard.api.rest;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A JAX-RS root resource for operators, contributed by a bundle other than the REST platform (for
 * example the device drivers' administration). Register it as a service: the platform publishes it
 * at {@code /api/v1/operator/<path>} behind the operator's credential, and in the OpenAPI document.
 */
@ConsumerType
public interface OperatorExtension {

  /** One path segment: {@code ^[a-z][a-z0-9-]{1,39}$}. */
  String path();
}
