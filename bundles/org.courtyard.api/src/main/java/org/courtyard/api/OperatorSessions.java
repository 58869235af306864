package org.courtyard.api;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Operators' sign-in sessions. HTTP Basic cannot carry a second factor, so an operator with one
 * signs in here (password and code) and uses the session's Bearer token; an operator without one
 * may use either.
 */
@ProviderType
public interface OperatorSessions {

  /**
   * Checks the password, and the code when the account has a second factor, and opens a session.
   * Wrong passwords and wrong codes count as failed logins of the account and of {@code source}
   * (the lockout of {@link Authenticator#verifySecret}); a code is accepted once.
   *
   * @param source the client's address as the server saw it; null when unknown
   * @throws ProblemException 401 {@code unauthorized} for a wrong name or password, {@code
   *     totp-required} when the account has a second factor and no code came, {@code totp-invalid}
   *     for a wrong, expired or used code
   * @throws RetryLaterException 429 while the source or the account is locked out, 503 while too
   *     many verifications run
   */
  OperatorSession signIn(String username, String password, String totp, String source);

  /**
   * The operator a session token belongs to, while the session is open and the account active; each
   * use counts as activity for the idle expiry.
   *
   * @throws RetryLaterException 429 while {@code source} is locked out after failed attempts
   */
  Optional<String> operatorOfSession(String token, String source);

  /** Ends the session of {@code token}; nothing happens for an unknown or ended one. */
  void signOut(String token);
}
