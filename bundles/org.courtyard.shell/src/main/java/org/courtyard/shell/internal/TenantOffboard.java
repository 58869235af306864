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
    name = "tenant-offboard",
    description = "Deletes a tenant with its schema and all its data")
public class TenantOffboard implements Action {

  @Reference TenantService tenants;

  @Argument(index = 0, name = "slug", required = true)
  String slug;

  @Option(name = "--confirm", required = true, description = "Repeat the slug to confirm")
  String confirm;

  @Override
  public Object execute() {
    return Shell.run(
        () -> {
          if (!slug.equals(confirm)) {
            System.err.println(
                "Error: --confirm must repeat the slug '" + slug + "'. Nothing was deleted.");
            Shell.failed("--confirm must repeat the slug");
            return;
          }
          tenants.offboard(slug);
          System.out.println("Tenant " + slug + " offboarded; schema t_" + slug + " dropped.");
        });
  }
}
