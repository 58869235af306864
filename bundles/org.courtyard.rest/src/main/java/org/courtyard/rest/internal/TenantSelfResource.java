package org.courtyard.rest.internal;

import java.util.ArrayList;
import java.util.List;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.courtyard.api.ModuleInfo;
import org.courtyard.api.Tenant;
import org.courtyard.api.TenantService;
import org.courtyard.api.Texts;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;

/**
 * The company itself: its profile, and its modules, which it enables and disables within the
 * modules its plan allows (the operator sets the plan).
 */
@Path("/tenant")
@Produces(MediaType.APPLICATION_JSON)
public final class TenantSelfResource {

  private static final Texts TEXTS = Texts.of(TenantSelfResource.class);

  /** A module as the company sees it: whether it has it, and whether its plan allows it. */
  public static final class CompanyModule {
    public String id;
    public String title;
    public String description;
    public String version;
    public List<String> requires;

    /** The company's enabled modules that require this one (it cannot be disabled before them). */
    public List<String> requiredBy;

    public boolean enabled;
    public boolean inPlan;
  }

  private final TenantService tenants;

  TenantSelfResource(TenantService tenants) {
    this.tenants = tenants;
  }

  @Doc(
      summary = "Get the calling tenant",
      description =
          "The tenant the credential belongs to: slug, name, status, enabled modules and the plan"
              + " (null: every module).")
  @Permission("identity.tenant.read")
  @GET
  public Tenant me(@Context SecurityContext security) {
    return tenant(security);
  }

  @Doc(
      summary = "List the company's modules",
      description =
          "Every module the platform offers, whether the company has enabled it, whether its plan"
              + " allows it, what it requires and which enabled modules require it.")
  @Permission("identity.tenant.read")
  @GET
  @Path("modules")
  public List<CompanyModule> modules(@Context SecurityContext security) {
    return modules(tenant(security));
  }

  @Doc(
      summary = "Enable a module",
      description =
          "Enables a module the plan allows, for the whole company, at once and without a restart;"
              + " enabling an enabled module changes nothing. The answer is the module list. 403"
              + " module-not-in-plan, 409 module-requires when a required module is not enabled,"
              + " 404 module-not-found.")
  @Permission("identity.module.manage")
  @POST
  @Path("modules/{module}")
  public List<CompanyModule> enable(
      @Context SecurityContext security, @PathParam("module") String module) {
    Tenant t = tenant(security);
    if (t.modules.contains(module)) {
      return modules(t);
    }
    if (tenants.availableModules().stream().noneMatch(m -> m.id.equals(module))) {
      throw TEXTS.problem(404, "module-not-found", "self.no-module", module);
    }
    return modules(tenants.enableModule(t.slug, module));
  }

  @Doc(
      summary = "Disable a module",
      description =
          "Stops the module for the company; its data is kept for a later enable. The answer is the"
              + " module list. 409 module-required while an enabled module requires it, 409"
              + " module-not-enabled.")
  @Permission("identity.module.manage")
  @DELETE
  @Path("modules/{module}")
  public List<CompanyModule> disable(
      @Context SecurityContext security, @PathParam("module") String module) {
    Tenant t = tenant(security);
    return modules(tenants.disableModule(t.slug, module));
  }

  private Tenant tenant(SecurityContext security) {
    String slug = TenantPrincipal.of(security).value();
    return tenants
        .find(slug)
        .orElseThrow(() -> TEXTS.problem(404, "tenant-not-found", "self.no-tenant", slug));
  }

  private List<CompanyModule> modules(Tenant t) {
    List<ModuleInfo> offered = tenants.availableModules();
    List<CompanyModule> out = new ArrayList<>(offered.size());
    for (ModuleInfo info : offered) {
      CompanyModule m = new CompanyModule();
      m.id = info.id;
      m.title = info.title;
      m.description = info.description;
      m.version = info.version;
      m.requires = info.requires;
      m.requiredBy = new ArrayList<>();
      for (ModuleInfo other : offered) {
        if (t.modules.contains(other.id) && other.requires.contains(info.id)) {
          m.requiredBy.add(other.id);
        }
      }
      m.enabled = t.modules.contains(info.id);
      m.inPlan = t.planAllows(info.id);
      out.add(m);
    }
    out.sort(java.util.Comparator.comparing(c -> c.id));
    return out;
  }
}
