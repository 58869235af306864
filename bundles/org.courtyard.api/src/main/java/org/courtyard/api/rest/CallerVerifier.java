package org.courtyard.api.rest;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Verifies the signed-in callers' bearer tokens (staff, residents) that are not tenant API tokens,
 * for the platform's authentication filter. Registered by the identity bundle.
 */
@ProviderType
public interface CallerVerifier {

  /**
   * The caller {@code token} was issued to, while it is valid, unexpired and not revoked (its
   * session signed out, its user disabled); empty for anything else.
   *
   * @param source the client's address as the server saw it, null when unknown
   */
  Optional<TenantPrincipal> verify(String token, String source);
}
