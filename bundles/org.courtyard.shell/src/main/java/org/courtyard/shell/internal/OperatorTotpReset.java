package org.courtyard.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.courtyard.api.OperatorAccounts;
import org.courtyard.api.ProblemException;

/** For an operator who lost the authenticator app, when no owner can sign in to reset it. */
@Service
@Command(
    scope = "courtyard",
    name = "operator-totp-reset",
    description =
        "Removes an operator's second factor (TOTP) and ends its sessions; it signs in with its"
            + " password and may set TOTP up again")
public class OperatorTotpReset implements Action {

  @Reference OperatorAccounts accounts;

  @Argument(index = 0, name = "username", required = true)
  String username;

  @Override
  public Object execute() {
    try {
      accounts.resetTotp(username);
      System.out.println(
          "Second factor of "
              + username
              + " removed and its sessions ended; it signs in with its password now.");
    } catch (ProblemException e) {
      System.err.println(e.title() + ": " + e.detail());
      Shell.failed(e.title() + ": " + e.detail());
    }
    return null;
  }
}
