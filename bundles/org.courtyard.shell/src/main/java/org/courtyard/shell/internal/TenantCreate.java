package org.courtyard.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.courtyard.api.OnboardingResult;
import org.courtyard.api.TenantService;

@Service
@Command(
    scope = "courtyard",
    name = "tenant-create",
    description = "Onboards a property company into its own schema")
public class TenantCreate implements Action {

  @Reference TenantService tenants;

  @Argument(
      index = 0,
      name = "slug",
      required = true,
      description = "Tenant id: ^[a-z][a-z0-9_]{2,39}$")
  String slug;

  @Argument(
      index = 1,
      name = "name",
      required = true,
      description = "Company name, e.g. \"Acme Property Co.\"")
  String name;

  @Option(
      name = "-m",
      aliases = "--module",
      multiValued = true,
      description = "Module to enable right away")
  List<String> modules;

  @Override
  public Object execute() {
    return Shell.run(
        () -> {
          long start = System.nanoTime();
          OnboardingResult r = tenants.onboard(slug, name, modules);
          System.out.printf(
              "Tenant %s (%s) created in %d ms, schema %s%n",
              r.tenant.slug,
              r.tenant.name,
              (System.nanoTime() - start) / 1_000_000,
              r.tenant.schema);
          System.out.println(
              "Modules: "
                  + (r.tenant.modules.isEmpty() ? "(none)" : String.join(", ", r.tenant.modules)));
          System.out.println("Admin API token (shown once, store it now):");
          System.out.println("  " + r.adminToken);
        });
  }
}
