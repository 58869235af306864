package org.courtyard.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.courtyard.api.TenantService;

@Service
@Command(
    scope = "courtyard",
    name = "tenant-resume",
    description = "Resumes a suspended tenant: its API tokens work again")
public class TenantResume implements Action {

  @Reference TenantService tenants;

  @Argument(index = 0, name = "slug", required = true)
  String slug;

  @Override
  public Object execute() {
    return Shell.run(
        () -> {
          tenants.resume(slug);
          System.out.println("Tenant " + slug + " is active again.");
        });
  }
}
