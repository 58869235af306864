package org.courtyard.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Operator accounts: the generated first owner {@code operator}, more owners and read-only support
 * staff, and their second factor (TOTP).
 */
@ProviderType
public interface OperatorAccounts {

  /**
   * Replaces the operator password with a new random one and writes it to the operator password
   * file (mode 0600). Sessions using the old password stop working.
   *
   * @return the path of the password file
   */
  String resetOperatorPassword();

  /** Every operator account, the first one ({@code operator}) included. */
  java.util.List<OperatorAccount> operators();

  /**
   * Creates an operator account with a random password, returned once (only its hash is kept).
   *
   * @param role {@link OperatorAccount#OWNER} or {@link OperatorAccount#SUPPORT}
   * @throws ProblemException 409 {@code duplicate} when the name is taken, 422 for a bad name or
   *     role
   */
  String createOperator(String username, String role);

  /**
   * Enables or disables an operator account; a disabled one is refused at once.
   *
   * @throws ProblemException 404 for an unknown account, 409 {@code last-owner} when it would leave
   *     no active owner
   */
  OperatorAccount setOperatorActive(String username, boolean active);

  /** The role of an active operator account; empty for an unknown or disabled one. */
  java.util.Optional<String> operatorRole(String username);

  /**
   * Starts setting up an operator's second factor: a new secret for the authenticator app,
   * replacing one not confirmed yet. Sign-in asks for codes only once {@link #confirmTotp}
   * succeeded.
   *
   * @throws ProblemException 404 for an unknown account, 409 {@code totp-already-enabled}
   */
  Totp.Setup setUpTotp(String username);

  /**
   * Confirms the set-up with a first code from the app. From then on the account signs in only
   * through {@link OperatorSessions#signIn} with a code: HTTP Basic is refused for it.
   *
   * @param source the client's address, for the lockout after wrong codes
   * @throws ProblemException 401 {@code totp-invalid}, 409 {@code totp-not-set-up}
   */
  void confirmTotp(String username, String code, String source);

  /**
   * Turns the operator's second factor off with a current code.
   *
   * @throws ProblemException 401 {@code totp-invalid}, 409 {@code totp-not-set-up}
   */
  void disableTotp(String username, String code, String source);

  /**
   * An owner's reset for an operator who lost the app: the second factor is removed and the
   * account's sessions end; it signs in with its password and may set the factor up again.
   *
   * @throws ProblemException 404 for an unknown account
   */
  void resetTotp(String username);
}
