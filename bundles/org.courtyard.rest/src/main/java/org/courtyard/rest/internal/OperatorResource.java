package org.courtyard.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import java.net.URI;
import java.util.List;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.courtyard.api.ModuleInfo;
import org.courtyard.api.OnboardingResult;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Tenant;
import org.courtyard.api.TenantService;
import org.courtyard.api.Texts;
import org.courtyard.api.TokenInfo;
import org.courtyard.api.rest.Doc;

/** What a SaaS operator does over HTTP: onboard property companies and switch their modules. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class OperatorResource {

  private static final Texts TEXTS = Texts.of(OperatorResource.class);

  /** Body of {@code POST /tenants}. */
  public static final class NewTenant {
    public String slug;
    public String name;
    public List<String> modules;

    /** The modules the tenant may enable itself; absent or null: every module. */
    public List<String> plan;
  }

  /** Body of {@code PUT /tenants/{slug}/plan}. */
  public static final class Plan {
    /** The modules the tenant may enable; null: every module. */
    public List<String> modules;
  }

  /** Answer of {@code POST /tenants}: the admin token is shown here and never again. */
  public static final class CreatedTenant {
    public Tenant tenant;
    public String adminToken;
    public long tookMs;
  }

  /** Answer of token issuing. */
  public static final class IssuedToken {
    public String tenant;
    public String token;
  }

  /** A module switched on or off, with how long it took. */
  public static final class ModuleChange {
    public Tenant tenant;
    public String module;
    public boolean enabled;
    public long tookMs;
  }

  /** Body of {@code POST /tenants/{slug}/suspend}. */
  public static final class Suspension {
    public String reason;
  }

  private static final ObjectReader SUSPENSION = Json.mapper().readerFor(Suspension.class);

  private final TenantService tenants;
  private final OperatorOverview overview;

  OperatorResource(TenantService tenants, OperatorOverview overview) {
    this.tenants = tenants;
    this.overview = overview;
  }

  @Doc(
      summary = "List tenants",
      description = "Every tenant with its status, schema and enabled modules.")
  @GET
  @Path("tenants")
  public List<Tenant> listTenants() {
    return tenants.list();
  }

  @Doc(
      summary = "Onboard a tenant",
      description =
          "Creates a tenant with its own schema and the modules asked for. The answer holds the"
              + " admin token once, never again. 409 tenant-exists when the slug is taken.",
      returns = CreatedTenant.class)
  @POST
  @Path("tenants")
  public Response createTenant(NewTenant body) {
    if (body == null) {
      throw TEXTS.problem(400, "missing-body", "operator.missing-tenant");
    }
    if (body.plan != null) {
      checkPlan(body.plan, body.modules);
    }
    long start = System.nanoTime();
    OnboardingResult r = tenants.onboard(body.slug, body.name, body.modules);
    if (body.plan != null) {
      r = new OnboardingResult(tenants.setPlan(r.tenant.slug, body.plan), r.adminToken);
    }
    CreatedTenant created = new CreatedTenant();
    created.tenant = r.tenant;
    created.adminToken = r.adminToken;
    created.tookMs = (System.nanoTime() - start) / 1_000_000;
    return Response.created(URI.create("tenants/" + r.tenant.slug)).entity(created).build();
  }

  @Doc(
      summary = "Get a tenant",
      description = "One tenant with its status and modules. 404 tenant-not-found.")
  @GET
  @Path("tenants/{slug}")
  public Tenant getTenant(@PathParam("slug") String slug) {
    return tenants.find(slug).orElseThrow(() -> tenantNotFound(slug));
  }

  /** Offboarding deletes all the tenant's data: the caller repeats the slug in {@code confirm}. */
  @Doc(
      summary = "Offboard a tenant",
      description =
          "Deletes the tenant, its schema and all its data. The caller repeats the slug in confirm"
              + " (400 confirmation-required otherwise).")
  @DELETE
  @Path("tenants/{slug}")
  public Response deleteTenant(
      @PathParam("slug") String slug, @QueryParam("confirm") String confirm) {
    tenants.find(slug).orElseThrow(() -> tenantNotFound(slug));
    if (!slug.equals(confirm)) {
      throw TEXTS.problem(400, "confirmation-required", "operator.confirm-offboarding", slug);
    }
    tenants.offboard(slug);
    return Response.noContent().build();
  }

  @Doc(
      summary = "Issue a tenant token",
      description = "Issues another admin API token for the tenant; the answer holds it once.",
      returns = IssuedToken.class)
  @POST
  @Path("tenants/{slug}/tokens")
  public Response issueToken(@PathParam("slug") String slug) {
    tenants.find(slug).orElseThrow(() -> tenantNotFound(slug));
    IssuedToken t = new IssuedToken();
    t.tenant = slug;
    t.token = tenants.issueToken(slug);
    return Response.status(201).entity(t).build();
  }

  @Doc(
      summary = "List a tenant's tokens",
      description =
          "The tenant's tokens with id, creation time and whether revoked; never the secrets.")
  @GET
  @Path("tenants/{slug}/tokens")
  public List<TokenInfo> listTokens(@PathParam("slug") String slug) {
    tenants.find(slug).orElseThrow(() -> tenantNotFound(slug));
    return tenants.tokens(slug);
  }

  @Doc(
      summary = "Revoke a tenant token",
      description = "Revokes a token at once, including its cached verifications.")
  @DELETE
  @Path("tenants/{slug}/tokens/{id}")
  public Response revokeToken(@PathParam("slug") String slug, @PathParam("id") String id) {
    tenants.find(slug).orElseThrow(() -> tenantNotFound(slug));
    tenants.revokeToken(slug, id);
    return Response.noContent().build();
  }

  @Doc(
      summary = "List modules",
      description =
          "The modules the container offers: version, what they require and whether installed.")
  @GET
  @Path("modules")
  public List<ModuleInfo> listModules() {
    return tenants.availableModules();
  }

  @Doc(
      summary = "Enable a module for a tenant",
      description =
          "Enables the module for the tenant, installing it in the container if needed; the answer"
              + " says how long it took.")
  @POST
  @Path("tenants/{slug}/modules/{module}")
  public ModuleChange enableModule(
      @PathParam("slug") String slug, @PathParam("module") String module) {
    tenants.find(slug).orElseThrow(() -> tenantNotFound(slug));
    long start = System.nanoTime();
    ModuleChange c = new ModuleChange();
    c.tenant = tenants.enableModule(slug, module);
    c.module = module;
    c.enabled = true;
    c.tookMs = (System.nanoTime() - start) / 1_000_000;
    return c;
  }

  @Doc(
      summary = "Set a tenant's plan",
      description =
          "The modules the tenant may enable (its subscription, 套餐), by the operator or itself in"
              + " the property console; {\"modules\": null} allows every module. 422"
              + " unknown-module, 409 module-enabled when the plan would leave out an enabled module.")
  @PUT
  @Path("tenants/{slug}/plan")
  public Tenant setPlan(@PathParam("slug") String slug, Plan body) {
    tenants.find(slug).orElseThrow(() -> tenantNotFound(slug));
    if (body == null) {
      throw TEXTS.problem(400, "missing-body", "operator.missing-modules");
    }
    return tenants.setPlan(slug, body.modules);
  }

  /** A plan given at onboarding: modules the container offers, covering the modules asked for. */
  private void checkPlan(List<String> plan, List<String> modules) {
    java.util.Set<String> offered = new java.util.HashSet<>();
    tenants.availableModules().forEach(m -> offered.add(m.id));
    for (String m : plan) {
      if (m == null || !offered.contains(m)) {
        throw TEXTS.problem(422, "unknown-module", "operator.unknown-module", m);
      }
    }
    if (modules != null) {
      for (String m : modules) {
        if (!plan.contains(m)) {
          throw TEXTS.problem(422, "module-not-in-plan", "operator.module-not-in-plan", m);
        }
      }
    }
  }

  @Doc(
      summary = "Disable a module for a tenant",
      description = "Disables the module for the tenant; its data is kept for a later enable.")
  @DELETE
  @Path("tenants/{slug}/modules/{module}")
  public ModuleChange disableModule(
      @PathParam("slug") String slug, @PathParam("module") String module) {
    tenants.find(slug).orElseThrow(() -> tenantNotFound(slug));
    long start = System.nanoTime();
    ModuleChange c = new ModuleChange();
    c.tenant = tenants.disableModule(slug, module);
    c.module = module;
    c.enabled = false;
    c.tookMs = (System.nanoTime() - start) / 1_000_000;
    return c;
  }

  /**
   * Suspends a tenant (e.g. unpaid subscription): its API tokens get 403 {@code tenant-suspended}
   * at once; data, modules and devices stay. Repeating it only updates the reason.
   */
  @Doc(
      summary = "Suspend a tenant",
      description =
          "The tenant's tokens get 403 tenant-suspended at once; data, modules and devices stay."
              + " Repeating it only updates the reason.")
  @POST
  @Path("tenants/{slug}/suspend")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  public Tenant suspend(@PathParam("slug") String slug, String body) {
    // the body is optional: read it here, so that a POST without one (and without a content
    // type) is not turned away with 415
    Suspension s = null;
    if (body != null && !body.isBlank()) {
      try {
        s = SUSPENSION.readValue(body);
      } catch (JsonProcessingException e) {
        throw TEXTS.problem(400, "malformed-json", "operator.reason-body");
      }
    }
    return tenants.suspend(slug, s == null ? null : s.reason);
  }

  /** Lets a suspended tenant's tokens in again; resuming an active tenant changes nothing. */
  @Doc(
      summary = "Resume a tenant",
      description =
          "Lets a suspended tenant's tokens in again; resuming an active tenant changes nothing.")
  @POST
  @Path("tenants/{slug}/resume")
  public Tenant resume(@PathParam("slug") String slug) {
    return tenants.resume(slug);
  }

  /**
   * Container, database and broker status. {@code status} is {@code up} when every component is,
   * otherwise {@code degraded}; each component has a status, a readable detail and how long its
   * check took.
   */
  @Doc(
      summary = "Check platform health",
      description =
          "Container, database and broker status: up when every component is, otherwise degraded,"
              + " each with a detail and how long its check took.")
  @GET
  @Path("health")
  public Map<String, Object> health() {
    return overview.health();
  }

  /**
   * One row per tenant: status and the figures its modules report (rooms, residents, devices, last
   * device message); null where the tenant has not enabled the module.
   */
  @Doc(
      summary = "Get tenant statistics",
      description =
          "One row per tenant: status and the figures its modules report (rooms, residents,"
              + " devices, last device message); null where a module is not enabled.")
  @GET
  @Path("stats")
  public List<Map<String, Object>> statistics() {
    return overview.statistics();
  }

  /**
   * REST requests served and device messages stored per minute over the last {@code minutes}
   * (default 60, at most 1440), oldest first; the last entry is the current, unfinished minute.
   */
  @Doc(
      summary = "Get traffic per minute",
      description =
          "REST requests served and device messages stored per minute over the last minutes"
              + " (default 60, at most 1440), oldest first. 400 invalid-minutes otherwise.")
  @GET
  @Path("traffic")
  public Map<String, Object> traffic(@QueryParam("minutes") @DefaultValue("60") int minutes) {
    return overview.traffic(minutes);
  }

  private static ProblemException tenantNotFound(String slug) {
    return TEXTS.problem(404, "tenant-not-found", "operator.no-tenant", slug);
  }
}
