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
}
