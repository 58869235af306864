package org.courtyard.api;

import org.osgi.annotation.versioning.ProviderType;

/** Maintenance of the operator credential, for the Karaf shell. */
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
}
