package org.courtyard.tenancy.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.karaf.features.FeaturesService;
import org.courtyard.api.Authenticator;
import org.courtyard.api.ModuleDescriptor;
import org.courtyard.api.ModuleInfo;
import org.courtyard.api.OnboardingListener;
import org.courtyard.api.OnboardingResult;
import org.courtyard.api.OperatorAccount;
import org.courtyard.api.OperatorAccounts;
import org.courtyard.api.OperatorSession;
import org.courtyard.api.OperatorSessions;
import org.courtyard.api.Tenant;
import org.courtyard.api.TenantService;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.TokenInfo;
import org.courtyard.api.Totp;
import org.courtyard.api.Workers;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.persistence.PlatformDatabase;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The tenancy services, one component: it wires the jobs together and hands each call to the one
 * that does it — {@link TenantOnboarding}, {@link TenantSuspension}, {@link TenantTokens}, {@link
 * Credentials}, {@link OperatorPassword}, {@link OperatorRoster}, {@link OperatorSecondFactor},
 * {@link OperatorSignIn}, {@link ModuleEnablement} (with {@link ModuleCatalog} and {@link
 * ModuleInstances}) and {@link Reconciliation}. The registry in schema {@code platform} is the
 * source of truth; ConfigAdmin factory configurations (one per tenant × module) follow it and are
 * re-created from it after a restart.
 */
@Component(
    service = {
      TenantService.class,
      Authenticator.class,
      OperatorAccounts.class,
      OperatorSessions.class
    },
    configurationPid = "org.courtyard.tenancy")
@Designate(ocd = TenancyConfig.class)
public final class Tenancy
    implements TenantService, Authenticator, OperatorAccounts, OperatorSessions {

  private final Tenants tenants;
  private final Credentials credentials;
  private final SecretHasher passwordHasher;
  private final OperatorPassword operatorPassword;
  private final OperatorRoster operators;
  private final OperatorSecondFactor secondFactor;
  private final OperatorSignIn signIn;
  private final TenantTokens tokens;
  private final TenantSuspension suspension;
  private final ModuleCatalog catalog;
  private final ModuleEnablement enablement;
  private final TenantOnboarding onboarding;
  private final Reconciliation reconciliation;

  @Activate
  public Tenancy(
      TenancyConfig config,
      BundleContext context,
      @Reference PlatformDatabase db,
      @Reference ConfigurationAdmin configAdmin,
      @Reference FeaturesService features,
      @Reference Workers workers)
      throws SQLException, IOException {
    SecureRandom random = new SecureRandom();
    long moduleStartTimeoutMs = TimeUnit.SECONDS.toMillis(config.moduleStartTimeoutSeconds());
    Registry registry = new Registry(db.platform());
    SecretHasher tokenHasher = new SecretHasher(random, config.tokenIterations());
    this.passwordHasher = new SecretHasher(random, config.passwordIterations());
    ModuleInstances instances = new ModuleInstances(context, configAdmin, moduleStartTimeoutMs);

    this.tenants = new Tenants(registry);
    this.credentials = Credentials.configured(registry, config);
    Jdbc platformJdbc = new Jdbc(db.platform());
    this.secondFactor = new OperatorSecondFactor(platformJdbc, credentials);
    this.signIn =
        new OperatorSignIn(
            platformJdbc,
            credentials,
            secondFactor,
            random,
            Duration.ofMinutes(config.operatorSessionIdleMinutes()),
            Duration.ofHours(config.operatorSessionHours()));
    this.operatorPassword =
        new OperatorPassword(
            registry, passwordHasher, random, credentials, signIn, config.operatorPasswordFile());
    this.operators =
        new OperatorRoster(registry, passwordHasher, operatorPassword, credentials, signIn);
    this.tokens =
        new TenantTokens(db.platform(), registry, tenants, credentials, random, tokenHasher);
    this.suspension = new TenantSuspension(registry, tenants, credentials);
    this.catalog = new ModuleCatalog(features, moduleStartTimeoutMs);
    this.enablement = new ModuleEnablement(db, registry, tenants, catalog, instances);
    this.onboarding =
        new TenantOnboarding(
            db.platform(), tenants, tokens, credentials, catalog, enablement, instances);
    this.reconciliation = new Reconciliation(registry, configAdmin, tenants, enablement, workers);

    db.migrate(PlatformDatabase.PLATFORM_SCHEMA, "platform", context.getBundle(), "db/platform");
    operatorPassword.bootstrap();
    reconciliation.start();
  }

  @Deactivate
  void deactivate() {
    reconciliation.stop();
  }

  // --- module descriptors and onboarding listeners (whiteboard) ---------------------------------

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  void addDescriptor(ModuleDescriptor d, ServiceReference<ModuleDescriptor> ref) {
    catalog.added(d, ref);
  }

  void removeDescriptor(ModuleDescriptor d) {
    catalog.removed(d);
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  void addListener(OnboardingListener l) {
    onboarding.addListener(l);
  }

  void removeListener(OnboardingListener l) {
    onboarding.removeListener(l);
  }

  // --- Authenticator and OperatorAccounts -------------------------------------------------------

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

  @Override
  public boolean verifySecret(String secret, String storedHash, String account, String source) {
    return credentials.verifyAccount(secret, storedHash, account, source);
  }

  @Override
  public String hashSecret(String secret) {
    return passwordHasher.hash(secret);
  }

  @Override
  public java.util.List<org.courtyard.api.OperatorAccount> operators() {
    return operators.list();
  }

  @Override
  public String createOperator(String username, String role) {
    return operators.create(username, role);
  }

  @Override
  public org.courtyard.api.OperatorAccount setOperatorActive(String username, boolean active) {
    return operators.setActive(username, active);
  }

  @Override
  public Optional<String> operatorRole(String username) {
    return operators.role(username);
  }

  @Override
  public String resetOperatorPassword() {
    return operatorPassword.reset();
  }

  @Override
  public Totp.Setup setUpTotp(String username) {
    return secondFactor.setUp(username);
  }

  @Override
  public void confirmTotp(String username, String code, String source) {
    secondFactor.confirm(username, code, source);
  }

  @Override
  public void disableTotp(String username, String code, String source) {
    secondFactor.disable(username, code, source);
  }

  @Override
  public void resetTotp(String username) {
    secondFactor.reset(username);
  }

  // --- OperatorSessions -------------------------------------------------------------------------

  @Override
  public OperatorSession signIn(String username, String password, String totp, String source) {
    OperatorSignIn.Opened opened = signIn.signIn(username, password, totp, source);
    return new OperatorSession(
        opened.token(),
        username,
        operators.role(username).orElse(OperatorAccount.SUPPORT),
        opened.expiresAt(),
        signIn.idleMinutes());
  }

  @Override
  public Optional<String> operatorOfSession(String token, String source) {
    return signIn.operatorOf(token, source);
  }

  @Override
  public void signOut(String token) {
    signIn.signOut(token);
  }

  // --- TenantService ----------------------------------------------------------------------------

  @Override
  public OnboardingResult onboard(String slug, String name, List<String> modules) {
    return onboarding.onboard(slug, name, modules);
  }

  @Override
  public List<Tenant> list() {
    return tenants.list();
  }

  @Override
  public Optional<Tenant> find(String slug) {
    return tenants.find(slug);
  }

  @Override
  public void offboard(String slug) {
    onboarding.offboard(slug);
  }

  @Override
  public Tenant suspend(String slug, String reason) {
    return suspension.suspend(slug, reason);
  }

  @Override
  public Tenant resume(String slug) {
    return suspension.resume(slug);
  }

  @Override
  public String issueToken(String slug) {
    return tokens.issue(slug);
  }

  @Override
  public List<TokenInfo> tokens(String slug) {
    return tokens.list(slug);
  }

  @Override
  public void revokeToken(String slug, String tokenId) {
    tokens.revoke(slug, tokenId);
  }

  @Override
  public List<ModuleInfo> availableModules() {
    return catalog.available();
  }

  @Override
  public Tenant enableModule(String slug, String module) {
    return enablement.enable(slug, module);
  }

  @Override
  public Tenant disableModule(String slug, String module) {
    return enablement.disable(slug, module);
  }

  @Override
  public Tenant setPlan(String slug, List<String> modules) {
    return enablement.setPlan(slug, modules);
  }
}
