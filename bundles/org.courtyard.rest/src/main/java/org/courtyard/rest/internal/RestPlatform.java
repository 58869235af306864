package org.courtyard.rest.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.transport.http.HTTPTransportFactory;
import org.courtyard.api.AuditTrail;
import org.courtyard.api.Authenticator;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.HealthCheck;
import org.courtyard.api.InteractiveLoad;
import org.courtyard.api.OperatorAccounts;
import org.courtyard.api.OperatorSessions;
import org.courtyard.api.TenantModule;
import org.courtyard.api.TenantService;
import org.courtyard.api.TrafficSource;
import org.courtyard.api.Workers;
import org.courtyard.api.rest.CallerVerifier;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.OperatorExtension;
import org.courtyard.api.rest.PublishedApi;
import org.courtyard.api.rest.TenantExtension;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the API on CXF's servlet (context {@code /api}): the platform server at {@code /v1},
 * the operator server at {@code /v1/operator}, one server per module at {@code /v1/<module>} and,
 * at the root, {@link UnknownAddress} for every address none of them takes. A module arriving or
 * leaving creates or destroys only its own server; nothing else is touched.
 */
@Component(immediate = true, configurationPid = RestPlatform.PID)
@Designate(ocd = RestPlatform.Config.class)
public final class RestPlatform {

  private static final Logger LOG = LoggerFactory.getLogger(RestPlatform.class);
  static final String BASE = "/v1";
  static final String PID = "org.courtyard.rest";

  @ObjectClassDefinition(id = PID, name = "Courtyard REST API")
  @interface Config {
    @AttributeDefinition(
        name = "Largest JSON body (bytes)",
        description = "Larger JSON request bodies (and bodies without a type) get 413")
    long maxJsonBodyBytes() default 1024 * 1024;

    @AttributeDefinition(
        name = "Largest upload (bytes)",
        description =
            "Ceiling for other bodies (CSV imports, driver jars); each endpoint may take less:"
                + " CSV imports 5 MiB, driver jars 20 MiB")
    long maxUploadBytes() default 20 * 1024 * 1024;
  }

  private final Bus bus;
  private final HTTPTransportFactory transport;
  private final Authenticator authenticator;
  private final OperatorAccounts accounts;
  private final OperatorSessions sessions;
  private final ObjectMapper mapper = Json.mapper();
  private final ModuleGate gate;
  private final OperatorOverview overview;
  private final RequestLimits limits;
  private final InteractiveMeter meter = new InteractiveMeter();
  private ServiceRegistration<InteractiveLoad> meterRegistration;

  private final Map<String, Server> moduleServers = new LinkedHashMap<>();
  private final Map<String, OperatorExtension> extensions = new LinkedHashMap<>();
  private final Map<String, Server> extensionServers = new LinkedHashMap<>();
  private final Map<String, ServiceRegistration<PublishedApi>> published = new LinkedHashMap<>();

  /** Platform bundles' tenant resources (sign-in, users and roles), by path. */
  private final Map<String, List<TenantExtension>> tenantExtensions = new LinkedHashMap<>();

  private final Map<String, Server> tenantExtensionServers = new LinkedHashMap<>();
  private volatile CallerVerifier callerVerifier;
  private volatile AuditTrail auditTrail;
  private final BundleContext context;

  /** Each module's resources (one per aggregate), published together under its address. */
  private final Map<String, List<ModuleResource>> moduleResources = new LinkedHashMap<>();

  private final List<Server> platformServers = new ArrayList<>();
  private volatile Map<String, Object> openApi;
  private boolean active;

  @Activate
  public RestPlatform(
      BundleContext context,
      @Reference TenantService tenants,
      @Reference Authenticator authenticator,
      @Reference HTTPTransportFactory transport,
      @Reference Workers workers,
      @Reference OperatorAccounts accounts,
      @Reference OperatorSessions sessions,
      Config config) {
    this.transport = transport;
    this.accounts = accounts;
    this.sessions = sessions;
    this.limits = new RequestLimits(config.maxJsonBodyBytes(), config.maxUploadBytes());
    this.gate = new ModuleGate(context);
    this.context = context;
    this.authenticator = authenticator;
    this.bus = BusFactory.getDefaultBus(true);
    this.overview =
        new OperatorOverview(
            context,
            tenants,
            context.getBundle().getVersion().toString(),
            this::moduleApis,
            workers);
    synchronized (this) {
      platformServers.add(
          create(
              BASE,
              List.of(new PublicResource(this::openApi), new TenantSelfResource(tenants)),
              AuthFilter.Audience.PUBLIC,
              null));
      platformServers.add(
          create(
              BASE + "/operator",
              List.of(
                  new OperatorResource(tenants, overview),
                  new OperatorAccountsResource(accounts),
                  new OperatorSignInResource(sessions)),
              AuthFilter.Audience.OPERATOR,
              null,
              Set.of("sign-in")));
      // about oneself: any operator role, a read-only support account included
      platformServers.add(
          create(
              BASE + "/operator/me",
              List.of(new OperatorSelfResource(accounts, sessions)),
              AuthFilter.Audience.OPERATOR,
              null,
              Set.of(),
              new PermissionFilter(anyone -> java.util.Optional.empty())));
      platformServers.add(
          start(
              "/",
              List.of(new UnknownAddress()),
              List.of(Json.provider(mapper), new ProblemMapper(), limits)));
      active = true;
      meterRegistration = context.registerService(InteractiveLoad.class, meter, null);
      moduleResources.keySet().forEach(this::publish);
      extensions.forEach(this::publishExtension);
      tenantExtensions.keySet().forEach(this::publishTenantExtension);
    }
    LOG.info("REST API published under /api{} ({} module(s))", BASE, moduleServers.size());
  }

  @Deactivate
  synchronized void deactivate() {
    active = false;
    if (meterRegistration != null) {
      meterRegistration.unregister();
      meterRegistration = null;
    }
    new ArrayList<>(moduleServers.keySet()).forEach(this::withdraw);
    extensionServers.values().forEach(Server::destroy);
    extensionServers.clear();
    tenantExtensionServers.values().forEach(Server::destroy);
    tenantExtensionServers.clear();
    platformServers.forEach(Server::destroy);
    platformServers.clear();
    overview.close();
  }

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "removeHealthCheck")
  void addHealthCheck(HealthCheck check) {
    overview.add(check);
  }

  void removeHealthCheck(HealthCheck check) {
    overview.remove(check);
  }

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "removeTrafficSource")
  void addTrafficSource(TrafficSource source) {
    overview.add(source);
  }

  void removeTrafficSource(TrafficSource source) {
    overview.remove(source);
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  synchronized void addModuleResource(ModuleResource resource) {
    String id = resource.moduleId();
    moduleResources.computeIfAbsent(id, k -> new ArrayList<>()).add(resource);
    openApi = null;
    if (active) {
      publish(id);
      LOG.info(
          "Module API {} published at /api{}/{} ({} resource(s))",
          id,
          BASE,
          id,
          moduleResources.get(id).size());
    }
  }

  synchronized void removeModuleResource(ModuleResource resource) {
    String id = resource.moduleId();
    List<ModuleResource> resources = moduleResources.get(id);
    if (resources == null || !resources.removeIf(r -> r == resource)) {
      return;
    }
    openApi = null;
    if (resources.isEmpty()) {
      moduleResources.remove(id);
      withdraw(id);
      LOG.info("Module API {} withdrawn", id);
    } else if (active) {
      publish(id);
    }
  }

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "removeOperatorExtension")
  synchronized void addOperatorExtension(OperatorExtension extension) {
    String path = extension.path();
    if (path == null || !path.matches("^[a-z][a-z0-9-]{1,39}$")) {
      LOG.error("Operator extension {} has an invalid path {}", extension.getClass(), path);
      return;
    }
    extensions.put(path, extension);
    openApi = null;
    if (active) {
      publishExtension(path, extension);
    }
  }

  synchronized void removeOperatorExtension(OperatorExtension extension) {
    String path = extension.path();
    if (extensions.get(path) != extension) {
      return;
    }
    extensions.remove(path);
    openApi = null;
    Server old = extensionServers.remove(path);
    if (old != null) {
      old.destroy();
    }
  }

  private void publishExtension(String path, OperatorExtension extension) {
    Server old = extensionServers.remove(path);
    if (old != null) {
      old.destroy();
    }
    extensionServers.put(
        path,
        create(BASE + "/operator/" + path, List.of(extension), AuthFilter.Audience.OPERATOR, null));
    LOG.info("Operator API {} published at /api{}/operator/{}", path, BASE, path);
  }

  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "removeCallerVerifier")
  void addCallerVerifier(CallerVerifier verifier) {
    this.callerVerifier = verifier;
  }

  void removeCallerVerifier(CallerVerifier verifier) {
    if (callerVerifier == verifier) {
      callerVerifier = null;
    }
  }

  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "removeAuditTrail")
  void addAuditTrail(AuditTrail trail) {
    this.auditTrail = trail;
  }

  void removeAuditTrail(AuditTrail trail) {
    if (auditTrail == trail) {
      auditTrail = null;
    }
  }

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "removeTenantExtension")
  synchronized void addTenantExtension(TenantExtension extension) {
    String path = extension.path();
    if (path == null || !path.matches("^[a-z][a-z0-9-]{1,39}$") || path.equals("operator")) {
      LOG.error("Tenant extension {} has an invalid path {}", extension.getClass(), path);
      return;
    }
    tenantExtensions.computeIfAbsent(path, k -> new ArrayList<>()).add(extension);
    openApi = null;
    if (active) {
      publishTenantExtension(path);
    }
  }

  synchronized void removeTenantExtension(TenantExtension extension) {
    String path = extension.path();
    List<TenantExtension> list = tenantExtensions.get(path);
    if (list == null || !list.removeIf(e -> e == extension)) {
      return;
    }
    openApi = null;
    Server old = tenantExtensionServers.remove(path);
    if (old != null) {
      old.destroy();
    }
    if (list.isEmpty()) {
      tenantExtensions.remove(path);
    } else if (active) {
      publishTenantExtension(path);
    }
  }

  private void publishTenantExtension(String path) {
    Server old = tenantExtensionServers.remove(path);
    if (old != null) {
      old.destroy();
    }
    List<TenantExtension> list = tenantExtensions.get(path);
    Set<String> open = new HashSet<>();
    list.forEach(e -> open.addAll(e.publicPaths()));
    tenantExtensionServers.put(
        path,
        create(
            BASE + "/" + path, List.<Object>copyOf(list), AuthFilter.Audience.TENANT, null, open));
    LOG.info("Tenant API {} published at /api{}/{}", path, BASE, path);
  }

  /**
   * Replaces any server of the module (the old one first: both would share one address) by one that
   * serves all of the module's resources.
   */
  private void publish(String id) {
    withdraw(id);
    moduleServers.put(id, createModuleServer(id, List.copyOf(moduleResources.get(id))));
    Dictionary<String, Object> props = new Hashtable<>();
    props.put(CourtyardConstants.MODULE, id);
    published.put(id, context.registerService(PublishedApi.class, () -> id, props));
  }

  private void withdraw(String id) {
    ServiceRegistration<PublishedApi> reg = published.remove(id);
    if (reg != null) {
      try {
        reg.unregister();
      } catch (IllegalStateException e) {
        // already gone with the bundle
      }
    }
    Server old = moduleServers.remove(id);
    if (old != null) {
      old.destroy();
    }
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  void addInstance(TenantModule instance) {
    gate.up(instance.tenant().value(), instance.moduleId());
  }

  void removeInstance(TenantModule instance) {
    gate.down(instance.tenant().value(), instance.moduleId());
  }

  private Server createModuleServer(String id, List<ModuleResource> resources) {
    return create(BASE + "/" + id, List.<Object>copyOf(resources), AuthFilter.Audience.TENANT, id);
  }

  private Server create(
      String address, List<Object> beans, AuthFilter.Audience audience, String module) {
    return create(address, beans, audience, module, Set.of());
  }

  private Server create(
      String address,
      List<Object> beans,
      AuthFilter.Audience audience,
      String module,
      Set<String> publicPaths) {
    return create(
        address,
        beans,
        audience,
        module,
        publicPaths,
        new PermissionFilter(accounts::operatorRole));
  }

  private Server create(
      String address,
      List<Object> beans,
      AuthFilter.Audience audience,
      String module,
      Set<String> publicPaths,
      PermissionFilter permissions) {
    return start(
        address,
        beans,
        List.of(
            Json.provider(mapper),
            new ProblemMapper(),
            new TypedParams(),
            meter,
            limits,
            new AuthFilter(
                authenticator,
                sessions,
                () -> callerVerifier,
                audience,
                module,
                publicPaths,
                gate,
                overview.requests()),
            new AuditFilter(address.substring(BASE.length()), () -> auditTrail),
            permissions));
  }

  private Server start(String address, List<Object> beans, List<Object> providers) {
    JAXRSServerFactoryBean sf = new JAXRSServerFactoryBean();
    sf.setBus(bus);
    sf.setAddress(address);
    sf.setDestinationFactory(transport);
    sf.setServiceBeans(beans);
    sf.setProviders(providers);
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(RestPlatform.class.getClassLoader());
    try {
      return sf.create();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private Map<String, Object> openApi() {
    Map<String, Object> doc = openApi;
    if (doc == null) {
      List<OpenApiGenerator.Api> apis = new ArrayList<>();
      apis.add(new OpenApiGenerator.Api(BASE, PublicResource.class, "public", null));
      apis.add(new OpenApiGenerator.Api(BASE, TenantSelfResource.class, "tenant", "tenantToken"));
      apis.add(
          new OpenApiGenerator.Api(
              BASE + "/operator", OperatorResource.class, "operator", "operator"));
      apis.add(
          new OpenApiGenerator.Api(
              BASE + "/operator", OperatorAccountsResource.class, "operator", "operator"));
      apis.add(
          new OpenApiGenerator.Api(
              BASE + "/operator",
              OperatorSignInResource.class,
              "operator",
              "operator",
              Set.of("sign-in")));
      apis.add(
          new OpenApiGenerator.Api(
              BASE + "/operator/me", OperatorSelfResource.class, "operator", "operator"));
      synchronized (this) {
        extensions.forEach(
            (path, e) ->
                apis.add(
                    new OpenApiGenerator.Api(
                        BASE + "/operator/" + path, e.getClass(), "operator", "operator")));
        tenantExtensions.forEach(
            (path, list) ->
                list.forEach(
                    e ->
                        apis.add(
                            new OpenApiGenerator.Api(
                                BASE + "/" + path,
                                e.getClass(),
                                path,
                                "tenantToken",
                                e.publicPaths()))));
        moduleResources.forEach(
            (id, resources) ->
                resources.forEach(
                    r ->
                        apis.add(
                            new OpenApiGenerator.Api(
                                BASE + "/" + id, r.getClass(), id, "tenantToken"))));
      }
      doc = OpenApiGenerator.document(context.getBundle().getVersion().toString(), apis);
      openApi = doc;
    }
    return doc;
  }

  private synchronized List<String> moduleApis() {
    return new ArrayList<>(moduleServers.keySet());
  }
}
