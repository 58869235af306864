package org.courtyard.identity.internal;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.courtyard.api.AuditTrail;
import org.courtyard.api.Authenticator;
import org.courtyard.api.ModuleDescriptor;
import org.courtyard.api.OnboardingListener;
import org.courtyard.api.ResidentContacts;
import org.courtyard.api.StaffDirectory;
import org.courtyard.api.TenantPersistence;
import org.courtyard.api.TenantService;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Workers;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.CallerVerifier;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.OperatorExtension;
import org.courtyard.api.rest.TenantExtension;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.messaging.Messages;
import org.courtyard.persistence.PlatformDatabase;
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
 * People and their rights, for every tenant: staff accounts, roles granted in data scopes, sign-in
 * with access tokens signed by keys the platform rotates. Verifies the signed-in callers' tokens
 * for the REST layer ({@link CallerVerifier}) and publishes {@code /api/v1/auth} and {@code
 * /api/v1/identity}.
 */
@Component(
    service = {
      CallerVerifier.class,
      OnboardingListener.class,
      AuditTrail.class,
      StaffDirectory.class,
      org.courtyard.api.PreferredLanguages.class,
      IdentityPlatform.class
    },
    immediate = true,
    configurationPid = IdentityPlatform.PID)
@Designate(ocd = IdentityPlatform.Config.class)
public final class IdentityPlatform
    implements CallerVerifier,
        OnboardingListener,
        AuditTrail,
        StaffDirectory,
        org.courtyard.api.PreferredLanguages {

  static final String PID = "org.courtyard.identity";
  static final String IDENTITY_PATH = "identity";
  private static final Logger LOG = LoggerFactory.getLogger(IdentityPlatform.class);

  @ObjectClassDefinition(
      name = "Courtyard identity",
      description = "Sign-in of staff: token lifetimes and the rotation of the signing keys")
  @interface Config {
    @AttributeDefinition(description = "Minutes an access token is valid")
    int accessTokenMinutes() default 15;

    @AttributeDefinition(description = "Days a refresh token (a session) stays valid unused")
    int refreshTokenDays() default 30;

    @AttributeDefinition(description = "Days a signing key signs before a new one replaces it")
    int keyRotationDays() default 30;

    @AttributeDefinition(description = "The iss claim of access tokens")
    String issuer() default "courtyard";
  }

  private final PermissionCatalog catalog = new PermissionCatalog();
  private final TenantStores stores;
  private final Callers callers;
  private final AccessTokens tokens;
  private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
  private final AutoCloseable rotation;
  private final AutoCloseable purge;
  private final AuditLog audit;
  private final ApiKeys apiKeys;
  private final StaffUsers users;
  private final Roles roles;
  private final Grants grants;
  private final ResidentSignIn residentSignIn;
  private final PersonLanguages languages;

  @Activate
  public IdentityPlatform(
      BundleContext context,
      @Reference PlatformDatabase db,
      @Reference TenantPersistence persistence,
      @Reference TenantService tenants,
      @Reference Authenticator authenticator,
      @Reference Workers workers,
      Config config) {
    db.migrate(
        PlatformDatabase.PLATFORM_SCHEMA,
        TenantStores.MODULE,
        context.getBundle(),
        "db/platform-identity");
    Duration access = Duration.ofMinutes(config.accessTokenMinutes());
    SigningKeys keys =
        new SigningKeys(
            db.platform(),
            Duration.ofDays(config.keyRotationDays()),
            access.plus(Duration.ofMinutes(5)));
    keys.refresh();
    this.stores = new TenantStores(db, persistence, context.getBundle());
    this.callers = new Callers(tenants, stores);
    this.tokens = new AccessTokens(keys, config.issuer(), access);
    this.audit = new AuditLog(stores, tenants, callers, new Jdbc(db.platform()));
    SecondFactor secondFactor = new SecondFactor(stores, callers);
    this.apiKeys = new ApiKeys(stores, tenants);
    callers.onForgetTenant(apiKeys::forget);
    this.users = new StaffUsers(stores, authenticator, PasswordPolicy.bundled(), callers);
    Sessions sessions =
        new Sessions(
            tenants,
            stores,
            users,
            authenticator,
            tokens,
            callers,
            audit,
            secondFactor,
            Duration.ofDays(config.refreshTokenDays()));
    this.residentSignIn = new ResidentSignIn(tenants, stores, sessions, audit);
    ResidentAccounts residentAccounts = new ResidentAccounts(stores, callers);
    this.languages = new PersonLanguages(stores);
    this.roles = new Roles(stores, catalog, callers);
    this.grants = new Grants(stores, callers);
    register(context, new AuditResource(audit));
    registrations.add(
        context.registerService(OperatorExtension.class, new OperatorAuditResource(audit), null));
    register(
        context,
        new AuthResource(
            sessions,
            users,
            tokens,
            keys,
            catalog,
            secondFactor,
            residentSignIn,
            residentAccounts,
            languages));
    register(context, new ResidentAccountsResource(residentAccounts));
    register(context, new UsersResource(users, grants, sessions, secondFactor));
    register(context, new RolesResource(roles, catalog));
    register(context, new ApiKeysResource(apiKeys));
    SsoLogins sso = new SsoLogins(tenants, stores, sessions, audit);
    register(context, new SsoResource(sso));
    register(context, new SsoSettingsResource(sso));
    this.rotation =
        workers.every(
            "identity-key-rotation", Duration.ofHours(1), Duration.ofHours(1), keys::refresh);
    this.purge =
        workers.every(
            "identity-audit-purge", Duration.ofMinutes(10), Duration.ofDays(1), audit::purge);
    LOG.info(
        "Identity ready: access tokens {} min, signing keys rotate every {} days",
        config.accessTokenMinutes(),
        config.keyRotationDays());
  }

  private void register(BundleContext context, TenantExtension resource) {
    registrations.add(context.registerService(TenantExtension.class, resource, null));
  }

  @Deactivate
  void deactivate() throws Exception {
    rotation.close();
    purge.close();
    for (ServiceRegistration<?> r : registrations) {
      try {
        r.unregister();
      } catch (IllegalStateException alreadyGone) {
        // the bundle is stopping: the framework unregistered it
      }
    }
  }

  /** For the shell commands. */
  StaffUsers users() {
    return users;
  }

  Roles roles() {
    return roles;
  }

  Grants grants() {
    return grants;
  }

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "removeModule")
  void addModule(ModuleDescriptor module) {
    catalog.add(module);
  }

  void removeModule(ModuleDescriptor module) {
    catalog.remove(module);
  }

  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "removeContacts")
  void addContacts(ResidentContacts contacts) {
    residentSignIn.contacts(contacts);
  }

  void removeContacts(ResidentContacts contacts) {
    residentSignIn.contacts(null);
  }

  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "removeMessages")
  void addMessages(Messages messages) {
    residentSignIn.messages(messages);
  }

  void removeMessages(Messages messages) {
    residentSignIn.messages(null);
  }

  @Override
  public Optional<TenantPrincipal> verify(String token, String source) {
    if (token.startsWith(ApiKeys.PREFIX)) {
      return apiKeys.verify(token);
    }
    return tokens.verify(token).flatMap(callers::principal);
  }

  @Override
  public void prepare(TenantSlug tenant) {
    audit.prepare(tenant);
  }

  @Override
  public void record(org.courtyard.api.RequestAudit row, String outcome) {
    audit.record(row, outcome);
  }

  @Override
  public void tenantCreated(TenantSlug tenant, Connection transaction) {
    // the identity tables are migrated on the tenant's first request, after this commits
    stores.forget(tenant);
  }

  @Override
  public Set<Long> existing(TenantSlug tenant, Collection<Long> userIds) {
    return users.existing(tenant, userIds);
  }

  @Override
  public java.util.Map<Long, StaffDirectory.Contact> contacts(
      TenantSlug tenant, Collection<Long> userIds) {
    return users.contacts(tenant, userIds);
  }

  @Override
  public Optional<DataScope> scopeOf(TenantSlug tenant, long userId, String permission) {
    Callers.UserState user = callers.user(tenant, userId);
    return user == null || !user.active ? Optional.empty() : user.scopeFor(permission);
  }

  @Override
  public java.util.Map<Long, java.util.Locale> ofStaff(
      TenantSlug tenant, Collection<Long> userIds) {
    return languages.ofStaff(tenant, userIds);
  }

  @Override
  public java.util.Map<Long, java.util.Locale> ofResidents(
      TenantSlug tenant, Collection<Long> personIds) {
    return languages.ofResidents(tenant, personIds);
  }

  @Override
  public void tenantRemoved(TenantSlug tenant) {
    stores.forget(tenant);
    callers.forgetTenant(tenant);
  }
}
