package org.courtyard.tenancy.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.courtyard.api.Authenticator;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.ModuleDescriptor;
import org.courtyard.api.ModuleInfo;
import org.courtyard.api.OnboardingListener;
import org.courtyard.api.OnboardingResult;
import org.courtyard.api.OperatorAccounts;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Tenant;
import org.courtyard.api.TenantService;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.TokenInfo;
import org.courtyard.persistence.PlatformDatabase;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Onboarding, offboarding, credentials and module enablement. The registry in schema {@code
 * platform} is the source of truth; ConfigAdmin factory configurations (one per tenant × module)
 * follow it and are re-created from it after a restart.
 */
@Component(
    service = {TenantService.class, Authenticator.class, OperatorAccounts.class},
    configurationPid = "org.courtyard.tenancy")
@Designate(ocd = TenancyConfig.class)
public final class Tenancy implements TenantService, Authenticator, OperatorAccounts {

  static final String OPERATOR = "operator";
  private static final Logger LOG = LoggerFactory.getLogger(Tenancy.class);

  private final BundleContext context;
  private final PlatformDatabase db;
  private final ConfigurationAdmin configAdmin;
  private final FeaturesService features;
  private final Registry registry;
  private final SecureRandom random = new SecureRandom();
  private final SecretHasher passwordHasher;
  private final SecretHasher tokenHasher;
  private final Credentials credentials;
  private final long moduleStartTimeoutMs;
  private final Path operatorPasswordFile;

  private final Map<String, Registered> descriptors = new ConcurrentHashMap<>();
  private final List<OnboardingListener> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, Object> tenantLocks = new ConcurrentHashMap<>();
  private final Object featureLock = new Object();

  /** Restores enablement after a restart without holding up component activation. */
  private final ExecutorService reconciler =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "courtyard-reconciler"));

  private static final class Registered {
    final ModuleDescriptor descriptor;
    final Bundle bundle;

    Registered(ModuleDescriptor descriptor, Bundle bundle) {
      this.descriptor = descriptor;
      this.bundle = bundle;
    }
  }

  @Activate
  public Tenancy(
      TenancyConfig config,
      BundleContext context,
      @Reference PlatformDatabase db,
      @Reference ConfigurationAdmin configAdmin,
      @Reference FeaturesService features)
      throws SQLException, IOException {
    this.context = context;
    this.db = db;
    this.configAdmin = configAdmin;
    this.features = features;
    this.registry = new Registry(db.platform());
    this.passwordHasher = new SecretHasher(random, config.passwordIterations());
    this.tokenHasher = new SecretHasher(random, config.tokenIterations());
    this.credentials = credentials(registry, config);
    this.moduleStartTimeoutMs = TimeUnit.SECONDS.toMillis(config.moduleStartTimeoutSeconds());
    this.operatorPasswordFile = passwordFile(config.operatorPasswordFile());

    db.migrate(PlatformDatabase.PLATFORM_SCHEMA, "platform", context.getBundle(), "db/platform");
    bootstrapOperator();
    reconciler.execute(this::reconcile);
  }

  private static Credentials credentials(Registry registry, TenancyConfig config) {
    long window = TimeUnit.SECONDS.toNanos(config.failureWindowSeconds());
    int concurrent =
        config.concurrentVerifications() > 0
            ? config.concurrentVerifications()
            : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    return new Credentials(
        registry,
        SecretHasher::verify,
        new CredentialCache(
            TimeUnit.SECONDS.toNanos(config.credentialCacheSeconds()), 10_000, System::nanoTime),
        new LoginThrottle(
            config.addressFailures(),
            window,
            TimeUnit.SECONDS.toNanos(config.addressLockoutSeconds()),
            100_000,
            System::nanoTime),
        new LoginThrottle(
            config.accountFailures(),
            window,
            TimeUnit.SECONDS.toNanos(config.accountLockoutSeconds()),
            100_000,
            System::nanoTime),
        new VerificationGate(
            concurrent,
            TimeUnit.MILLISECONDS.toNanos(config.verificationWaitMillis()),
            config.waitingVerifications()));
  }

  @Deactivate
  void deactivate() {
    reconciler.shutdownNow();
  }

  // --- module descriptors and onboarding listeners (whiteboard) ---------------------------------

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  void addDescriptor(ModuleDescriptor d, ServiceReference<ModuleDescriptor> ref) {
    descriptors.put(d.id(), new Registered(d, ref.getBundle()));
    synchronized (descriptors) {
      descriptors.notifyAll();
    }
  }

  void removeDescriptor(ModuleDescriptor d) {
    descriptors.computeIfPresent(d.id(), (k, r) -> r.descriptor == d ? null : r);
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  void addListener(OnboardingListener l) {
    listeners.add(l);
  }

  void removeListener(OnboardingListener l) {
    listeners.remove(l);
  }

  // --- operators and credentials ----------------------------------------------------------------

  private static Path passwordFile(String configured) {
    if (!configured.isBlank()) {
      return Paths.get(configured);
    }
    String home = System.getProperty("courtyard.home", System.getProperty("karaf.base", "."));
    return Paths.get(home, "operator-password.txt");
  }

  /** On the first start against a database, creates the operator with a random password. */
  private void bootstrapOperator() throws SQLException, IOException {
    if (registry.operatorHash(OPERATOR).isPresent()) {
      return;
    }
    String password = randomPassword();
    if (registry.createOperatorIfAbsent(OPERATOR, passwordHasher.hash(password))) {
      writeSecretFile(operatorPasswordFile, password);
      LOG.info(
          "Created operator '{}'; its password was written to {} (readable by its owner only)",
          OPERATOR,
          operatorPasswordFile);
    }
  }

  @Override
  public String resetOperatorPassword() {
    String password = randomPassword();
    try {
      registry.setOperatorPassword(OPERATOR, passwordHasher.hash(password));
      credentials.forgetOperators();
      writeSecretFile(operatorPasswordFile, password);
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("resetting the operator password failed", e);
    }
    LOG.info("Operator password reset; the new one is in {}", operatorPasswordFile);
    return operatorPasswordFile.toString();
  }

  private String randomPassword() {
    char[] alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    StringBuilder sb = new StringBuilder(24);
    for (int i = 0; i < 24; i++) {
      sb.append(alphabet[random.nextInt(alphabet.length)]);
    }
    return sb.toString();
  }

  private static void writeSecretFile(Path file, String secret) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Files.deleteIfExists(file);
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    }
    Files.write(
        file,
        (secret + "\n").getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.TRUNCATE_EXISTING);
  }

  @Override
  public Optional<TenantSlug> tenantOfToken(String token) {
    return credentials.tenantOfToken(token, null);
  }

  @Override
  public Optional<TenantSlug> tenantOfToken(String token, String source) {
    return credentials.tenantOfToken(token, source);
  }

  @Override
  public boolean isOperator(String username, String password) {
    return isOperator(username, password, null);
  }

  @Override
  public boolean isOperator(String username, String password, String source) {
    return credentials.isOperator(username, password, source);
  }

  private void forgetTenantCredentials(String slug) {
    credentials.forgetTenant(slug);
  }

  @Override
  public List<TokenInfo> tokens(String slug) {
    requireTenant(TenantSlug.of(slug).value());
    try {
      return registry.tokens(slug);
    } catch (SQLException e) {
      throw new IllegalStateException("listing tokens failed", e);
    }
  }

  @Override
  public void revokeToken(String slug, String tokenId) {
    requireTenant(TenantSlug.of(slug).value());
    try {
      if (!registry.revokeToken(slug, tokenId)) {
        if (registry.tokenRevoked(slug, tokenId)) {
          throw ProblemException.conflict(
              "token-revoked",
              "Token already revoked",
              "Token " + tokenId + " is already revoked.");
        }
        throw ProblemException.notFound(
            "token-not-found",
            "Token not found",
            "Tenant '" + slug + "' has no token " + tokenId + ".");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("revoking a token failed", e);
    }
    credentials.forgetToken(tokenId);
    LOG.info("Revoked token {} of tenant {}", tokenId, slug);
  }

  @Override
  public String issueToken(String slug) {
    TenantSlug s = TenantSlug.of(slug);
    requireTenant(s.value());
    ApiToken token = ApiToken.generate(random);
    try (Connection c = db.platform().getConnection()) {
      Registry.insertToken(c, token.id, s.value(), tokenHasher.hash(token.secret));
    } catch (SQLException e) {
      throw new IllegalStateException("issuing a token failed", e);
    }
    return token.toString();
  }

  // --- tenants
  // ------------------------------------------------------------------------------------

  @Override
  public Tenant suspend(String slug, String reason) {
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    if (why != null && why.length() > 500) {
      throw ProblemException.badRequest(
          "invalid-reason", "Reason too long", "A suspension reason has at most 500 characters.");
    }
    return setStatus(slug, Tenant.SUSPENDED, why);
  }

  @Override
  public Tenant resume(String slug) {
    return setStatus(slug, Tenant.ACTIVE, null);
  }

  private Tenant setStatus(String slug, String status, String reason) {
    if (!TenantSlug.isValid(slug)) {
      requireTenant(slug); // 404, and no lock kept for a name that cannot be a tenant
    }
    synchronized (lockFor(slug)) {
      try {
        if (!registry.setStatus(slug, status, reason)) {
          requireTenant(slug); // no such tenant: 404
        }
      } catch (SQLException e) {
        throw new IllegalStateException("changing the status of " + slug + " failed", e);
      }
      // a cached credential must not outlive the suspension
      forgetTenantCredentials(slug);
    }
    LOG.info("Tenant {} is now {}{}", slug, status, reason == null ? "" : " (" + reason + ")");
    return requireTenant(slug);
  }

  @Override
  public List<Tenant> list() {
    try {
      return registry.list();
    } catch (SQLException e) {
      throw new IllegalStateException("listing tenants failed", e);
    }
  }

  @Override
  public Optional<Tenant> find(String slug) {
    if (!TenantSlug.isValid(slug)) {
      return Optional.empty();
    }
    try {
      return registry.find(slug);
    } catch (SQLException e) {
      throw new IllegalStateException("reading tenant failed", e);
    }
  }

  private Tenant requireTenant(String slug) {
    return find(slug)
        .orElseThrow(
            () ->
                ProblemException.notFound(
                    "tenant-not-found", "Tenant not found", "There is no tenant '" + slug + "'."));
  }

  @Override
  public OnboardingResult onboard(String slug, String name, List<String> modules) {
    TenantSlug s = TenantSlug.of(slug);
    String displayName = validName(name);
    List<String> requested = modules == null ? List.of() : modules;
    // Check the requested modules before anything is written: unknown ids and missing requirements.
    Map<String, List<String>> requires = new HashMap<>();
    for (String m : requested) {
      requires.put(m, descriptor(m).descriptor.requires());
    }
    List<String> order = ModuleOrder.resolve(requested, requires, Set.of());

    long start = System.nanoTime();
    ApiToken token = ApiToken.generate(random);
    String tokenHash = tokenHasher.hash(token.secret);
    synchronized (lockFor(s.value())) {
      try (Connection c = db.platform().getConnection()) {
        c.setAutoCommit(false);
        try {
          createTenantRows(c, s, displayName, token, tokenHash);
          c.commit();
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(true);
        }
      } catch (SQLException e) {
        if ("23505".equals(e.getSQLState()) || "42P06".equals(e.getSQLState())) {
          throw ProblemException.conflict(
              "tenant-exists", "Tenant exists", "A tenant '" + s + "' already exists.");
        }
        throw new IllegalStateException("onboarding " + s + " failed", e);
      }
      try {
        for (String m : order) {
          enableLocked(s, m);
        }
      } catch (RuntimeException e) {
        LOG.warn("Onboarding {} failed while enabling modules; removing it again", s);
        offboardLocked(s);
        throw e;
      }
    }
    LOG.info("Onboarded tenant {} in {} ms", s, (System.nanoTime() - start) / 1_000_000);
    return new OnboardingResult(requireTenant(s.value()), token.toString());
  }

  private void createTenantRows(
      Connection c, TenantSlug s, String name, ApiToken token, String tokenHash)
      throws SQLException {
    try (var ps = c.prepareStatement("insert into tenant (slug, name) values (?, ?)")) {
      ps.setString(1, s.value());
      ps.setString(2, name);
      ps.executeUpdate();
    }
    try (Statement st = c.createStatement()) {
      // The slug matched ^[a-z][a-z0-9_]{2,39}$ in TenantSlug.of: safe as an identifier.
      st.execute("create schema " + s.schema());
    }
    for (OnboardingListener l : listeners) {
      l.tenantCreated(s, c);
    }
    Registry.insertToken(c, token.id, s.value(), tokenHash);
  }

  private static String validName(String name) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > 200 || n.chars().anyMatch(Character::isISOControl)) {
      throw ProblemException.badRequest(
          "invalid-tenant-name",
          "Invalid tenant name",
          "A tenant name is 1 to 200 characters without control characters.");
    }
    return n;
  }

  @Override
  public void offboard(String slug) {
    TenantSlug s = TenantSlug.of(slug);
    synchronized (lockFor(s.value())) {
      requireTenant(s.value());
      offboardLocked(s);
    }
  }

  private void offboardLocked(TenantSlug s) {
    for (String module : new ArrayList<>(descriptors.keySet())) {
      stopInstance(s, module);
    }
    try (Connection c = db.platform().getConnection()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement();
          var ps = c.prepareStatement("delete from tenant where slug = ?")) {
        st.execute("drop schema if exists " + s.schema() + " cascade");
        ps.setString(1, s.value());
        ps.executeUpdate();
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("offboarding " + s + " failed", e);
    }
    forgetTenantCredentials(s.value());
    for (OnboardingListener l : listeners) {
      try {
        l.tenantRemoved(s);
      } catch (RuntimeException e) {
        LOG.warn("Offboarding {}: {} could not clean up", s, l.getClass().getName(), e);
      }
    }
    LOG.info("Offboarded tenant {}", s);
  }

  private Object lockFor(String slug) {
    return tenantLocks.computeIfAbsent(slug, k -> new Object());
  }

  // --- modules
  // ------------------------------------------------------------------------------------

  @Override
  public List<ModuleInfo> availableModules() {
    Map<String, ModuleInfo> result = new LinkedHashMap<>();
    try {
      for (Feature f : features.listFeatures()) {
        if (f.getName().startsWith(CourtyardConstants.MODULE_FEATURE_PREFIX)) {
          String id = f.getName().substring(CourtyardConstants.MODULE_FEATURE_PREFIX.length());
          Registered r = descriptors.get(id);
          result.put(
              id,
              r == null
                  ? new ModuleInfo(
                      id,
                      f.getDescription() == null ? id : f.getDescription(),
                      "",
                      f.getVersion(),
                      featureRequires(f),
                      false)
                  : info(r, f.getVersion()));
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("listing features failed", e);
    }
    descriptors.forEach(
        (id, r) -> result.putIfAbsent(id, info(r, r.bundle.getVersion().toString())));
    List<ModuleInfo> list = new ArrayList<>(result.values());
    list.sort((a, b) -> a.id.compareTo(b.id));
    return list;
  }

  /**
   * What a module not yet installed requires, as far as its feature says: the other module features
   * it pulls in. Once installed, its descriptor's {@code requires()} is the answer.
   */
  private static List<String> featureRequires(Feature f) {
    List<String> requires = new ArrayList<>();
    for (org.apache.karaf.features.Dependency d : f.getDependencies()) {
      if (d.getName().startsWith(CourtyardConstants.MODULE_FEATURE_PREFIX)) {
        requires.add(d.getName().substring(CourtyardConstants.MODULE_FEATURE_PREFIX.length()));
      }
    }
    return requires;
  }

  private static ModuleInfo info(Registered r, String version) {
    ModuleDescriptor d = r.descriptor;
    return new ModuleInfo(d.id(), d.title(), d.description(), version, d.requires(), true);
  }

  @Override
  public Tenant enableModule(String slug, String module) {
    TenantSlug s = TenantSlug.of(slug);
    synchronized (lockFor(s.value())) {
      requireTenant(s.value());
      enableLocked(s, module);
      return requireTenant(s.value());
    }
  }

  private void enableLocked(TenantSlug s, String module) {
    MDC.put("tenant", s.value());
    try {
      long start = System.nanoTime();
      Registered r = descriptor(module);
      Set<String> enabled = new HashSet<>(requireTenant(s.value()).modules);
      for (String required : r.descriptor.requires()) {
        if (!enabled.contains(required)) {
          throw ModuleOrder.missing(module, required);
        }
      }
      db.migrate(s.schema(), module, r.bundle, r.descriptor.migrationLocation());
      startInstance(s, r.descriptor);
      registry.setEnabled(s.value(), module, r.bundle.getVersion().toString(), true);
      LOG.info(
          "Enabled module {} for {} in {} ms", module, s, (System.nanoTime() - start) / 1_000_000);
    } catch (SQLException e) {
      throw new IllegalStateException("enabling " + module + " for " + s + " failed", e);
    } finally {
      MDC.remove("tenant");
    }
  }

  @Override
  public Tenant disableModule(String slug, String module) {
    TenantSlug s = TenantSlug.of(slug);
    synchronized (lockFor(s.value())) {
      Tenant t = requireTenant(s.value());
      if (!t.modules.contains(module)) {
        throw ProblemException.conflict(
            "module-not-enabled",
            "Module not enabled",
            "Module '" + module + "' is not enabled for tenant '" + s + "'.");
      }
      for (String other : t.modules) {
        Registered r = descriptors.get(other);
        if (r != null && r.descriptor.requires().contains(module)) {
          throw ProblemException.conflict(
              "module-required",
              "Module still required",
              "Module '" + other + "' requires '" + module + "'. Disable '" + other + "' first.");
        }
      }
      stopInstance(s, module);
      try {
        registry.setEnabled(s.value(), module, null, false);
      } catch (SQLException e) {
        throw new IllegalStateException("disabling " + module + " for " + s + " failed", e);
      }
      LOG.info("Disabled module {} for {} (data kept in {})", module, s, s.schema());
      return requireTenant(s.value());
    }
  }

  /** The descriptor of {@code module}, installing the module's feature first if needed. */
  private Registered descriptor(String module) {
    Registered r = descriptors.get(module);
    if (r != null) {
      return r;
    }
    if (module == null || !module.matches("^[a-z][a-z0-9_-]{1,63}$")) {
      throw unknownModule(module);
    }
    String featureName = CourtyardConstants.MODULE_FEATURE_PREFIX + module;
    synchronized (featureLock) {
      try {
        Feature f = features.getFeature(featureName);
        if (f == null) {
          throw unknownModule(module);
        }
        if (!features.isInstalled(f)) {
          long start = System.nanoTime();
          // Shared infrastructure is in the platform feature, so this adds bundles and refreshes
          // none.
          features.installFeature(
              featureName, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
          LOG.info(
              "Installed feature {} in {} ms",
              featureName,
              (System.nanoTime() - start) / 1_000_000);
        }
      } catch (ProblemException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("installing " + featureName + " failed", e);
      }
    }
    long deadline = System.currentTimeMillis() + moduleStartTimeoutMs;
    synchronized (descriptors) {
      while ((r = descriptors.get(module)) == null) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          throw new ProblemException(
              503,
              "module-unavailable",
              "Module unavailable",
              "Module '" + module + "' was installed but did not start; see the container log.");
        }
        try {
          descriptors.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
    return r;
  }

  private static ProblemException unknownModule(String module) {
    return ProblemException.notFound(
        "module-not-found",
        "Unknown module",
        "There is no module '" + module + "' in this container.");
  }

  private String instanceFilter(TenantSlug s, String module) {
    return "(&(objectClass=org.courtyard.api.TenantModule)("
        + CourtyardConstants.TENANT
        + "="
        + s.value()
        + ")("
        + CourtyardConstants.MODULE
        + "="
        + module
        + "))";
  }

  private void startInstance(TenantSlug s, ModuleDescriptor d) {
    try {
      Configuration config = configAdmin.getFactoryConfiguration(d.factoryPid(), s.value(), "?");
      Dictionary<String, Object> props = new Hashtable<>();
      props.put(CourtyardConstants.TENANT, s.value());
      config.updateIfDifferent(props);
      if (!ServiceWaiter.awaitPresent(context, instanceFilter(s, d.id()), moduleStartTimeoutMs)) {
        config.delete();
        throw new ProblemException(
            503,
            "module-start-timeout",
            "Module did not start",
            "Module '"
                + d.id()
                + "' did not start for tenant '"
                + s
                + "' within "
                + moduleStartTimeoutMs / 1000
                + " s; see the container log.");
      }
      awaitActivation(instanceFilter(s, d.id()));
      if (d.publishesApi()
          && !ServiceWaiter.awaitPresent(
              context,
              "(&(objectClass=org.courtyard.api.rest.PublishedApi)("
                  + CourtyardConstants.MODULE
                  + "="
                  + d.id()
                  + "))",
              moduleStartTimeoutMs)) {
        throw new ProblemException(
            503,
            "module-start-timeout",
            "Module did not start",
            "The API of module '"
                + d.id()
                + "' was not published within "
                + moduleStartTimeoutMs / 1000
                + " s; see the container log.");
      }
    } catch (IOException e) {
      throw new IllegalStateException("configuring " + d.id() + " for " + s + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * DS may register a component's service before its activation has finished; getting the service
   * waits for it, so "enabled" is only reported once the instance can serve.
   */
  private void awaitActivation(String filter) {
    try {
      ServiceReference<?>[] refs = context.getServiceReferences((String) null, filter);
      if (refs != null) {
        for (ServiceReference<?> ref : refs) {
          if (context.getService(ref) != null) {
            context.ungetService(ref);
          }
        }
      }
    } catch (InvalidSyntaxException e) {
      throw new IllegalArgumentException(filter, e);
    }
  }

  private void stopInstance(TenantSlug s, String module) {
    try {
      Configuration[] configs =
          configAdmin.listConfigurations(
              "(&(service.factoryPid="
                  + CourtyardConstants.MODULE_FACTORY_PID_PREFIX
                  + module
                  + ")("
                  + CourtyardConstants.TENANT
                  + "="
                  + s.value()
                  + "))");
      if (configs != null) {
        for (Configuration c : configs) {
          c.delete();
        }
      }
      ServiceWaiter.awaitAbsent(context, instanceFilter(s, module), moduleStartTimeoutMs);
    } catch (IOException | InvalidSyntaxException e) {
      throw new IllegalStateException("stopping " + module + " for " + s + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * After a (re)start, brings every module instance the registry says is enabled back up, and
   * removes instance configurations the registry does not know (for example of an offboarded
   * tenant).
   */
  private void reconcile() {
    try {
      Map<String, List<String>> enabled = registry.enabledModules();
      Configuration[] configs =
          configAdmin.listConfigurations(
              "(service.factoryPid=" + CourtyardConstants.MODULE_FACTORY_PID_PREFIX + "*)");
      if (configs != null) {
        for (Configuration c : configs) {
          Object tenant =
              c.getProperties() == null ? null : c.getProperties().get(CourtyardConstants.TENANT);
          String module =
              c.getFactoryPid().substring(CourtyardConstants.MODULE_FACTORY_PID_PREFIX.length());
          if (tenant == null
              || !enabled.getOrDefault(tenant.toString(), List.of()).contains(module)) {
            LOG.info("Removing stale instance configuration {}", c.getPid());
            c.delete();
          }
        }
      }
      int restored = 0;
      for (Map.Entry<String, List<String>> e : enabled.entrySet()) {
        TenantSlug s = TenantSlug.of(e.getKey());
        synchronized (lockFor(s.value())) {
          for (String module : e.getValue()) {
            try {
              Registered r = descriptor(module);
              db.migrate(s.schema(), module, r.bundle, r.descriptor.migrationLocation());
              startInstance(s, r.descriptor);
              restored++;
            } catch (RuntimeException ex) {
              LOG.error("Could not restore module {} for tenant {}", module, s, ex);
            }
          }
        }
      }
      LOG.info("Reconciled {} tenant module instances", restored);
    } catch (SQLException | IOException | InvalidSyntaxException | RuntimeException e) {
      LOG.error("Reconciling module instances failed", e);
    }
  }
}
