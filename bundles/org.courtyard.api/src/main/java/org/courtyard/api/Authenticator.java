package org.courtyard.api;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Verifies the credentials the REST layer receives. Secrets are only ever compared as KDF hashes.
 */
@ProviderType
public interface Authenticator {

  /** The tenant a valid, unrevoked tenant API token belongs to; empty for anything else. */
  Optional<TenantSlug> tenantOfToken(String token);

  /** Whether {@code username}/{@code password} is a valid operator credential. */
  boolean isOperator(String username, String password);
}
