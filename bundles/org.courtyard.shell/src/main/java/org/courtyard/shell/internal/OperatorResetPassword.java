package org.courtyard.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.courtyard.api.OperatorAccounts;

@Service
@Command(
    scope = "courtyard",
    name = "operator-reset-password",
    description = "Replaces the operator password with a new random one")
public class OperatorResetPassword implements Action {

  @Reference OperatorAccounts accounts;

  @Override
  public Object execute() {
    String file = accounts.resetOperatorPassword();
    System.out.println("New operator password written to " + file + " (mode 0600).");
    return null;
  }
}
