package org.courtyard.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.courtyard.api.TenantService;

@Service
@Command(
    scope = "courtyard",
    name = "tenant-suspend",
    description = "Suspends a tenant: its API tokens are refused (403) until resumed; data is kept")
public class TenantSuspend implements Action {

  @Reference TenantService tenants;

  @Option(name = "-r", aliases = "--reason", description = "Why, shown to operators")
  String reason;

  @Argument(index = 0, name = "slug", required = true)
  String slug;

  @Override
  public Object execute() {
    return Shell.run(
        () -> {
          tenants.suspend(slug, reason);
          System.out.println(
              "Tenant " + slug + " suspended" + (reason == null ? "." : ": " + reason));
        });
  }
}
