package org.courtyard.api;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Onboarding, lookup and offboarding of tenants, and the modules each one has enabled. */
@ProviderType
public interface TenantService {

  /**
   * Creates the tenant's schema and registry entry and issues its admin token, then enables {@code
   * modules} in dependency order. Either all of it happens or nothing is left behind.
   *
   * @throws ProblemException 400 for an invalid slug or name, 409 if the slug is taken
   */
  OnboardingResult onboard(String slug, String name, List<String> modules);

  List<Tenant> list();

  Optional<Tenant> find(String slug);

  /** Removes the tenant, its credentials, its module instances and its schema with all data. */
  void offboard(String slug);

  /**
   * Suspends the tenant, e.g. for an unpaid subscription: its API tokens are refused with 403 at
   * once while its data, modules and devices stay as they are. Suspending a suspended tenant only
   * updates the reason (a null reason keeps the one it has).
   *
   * @throws ProblemException 404 for an unknown tenant, 400 for a reason over 500 characters
   */
  Tenant suspend(String slug, String reason);

  /** Lets a suspended tenant's tokens in again; resuming an active tenant changes nothing. */
  Tenant resume(String slug);

  /** Issues an additional admin token for the tenant; returned once, stored only as a hash. */
  String issueToken(String slug);

  /** The tenant's API tokens, newest first; secrets are never shown again. */
  List<TokenInfo> tokens(String slug);

  /**
   * Revokes a token at once (also in every cache of verified credentials).
   *
   * @throws ProblemException 404 for an unknown tenant or token id, 409 when already revoked
   */
  void revokeToken(String slug, String tokenId);

  /** All modules the container offers, installed or not. */
  List<ModuleInfo> availableModules();

  /**
   * Enables a module for a tenant: installs its feature if needed, migrates the tenant's schema and
   * starts the tenant's instance. Returns when the instance serves requests.
   *
   * @throws ProblemException 404 unknown tenant or module, 409 when a required module is not
   *     enabled
   */
  Tenant enableModule(String slug, String module);

  /** Stops the tenant's instance of the module; its data stays in the tenant's schema. */
  Tenant disableModule(String slug, String module);

  /**
   * Sets the modules the tenant's plan allows (套餐): those it may enable, itself or through the
   * operator; null allows every module. Enabling a module outside the plan is refused with 403
   * {@code module-not-in-plan}.
   *
   * @throws ProblemException 404 unknown tenant, 422 {@code unknown-module} naming a module the
   *     container does not offer, 409 {@code module-enabled} when the plan would leave out a module
   *     the tenant has enabled (disable it first)
   */
  Tenant setPlan(String slug, List<String> modules);
}
