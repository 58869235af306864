package org.courtyard.api.rest;

import java.security.Principal;
import java.util.Optional;
import javax.ws.rs.core.SecurityContext;
import org.courtyard.api.TenantSlug;

/**
 * Who a request is made by and for which tenant, taken from the verified credential and nothing
 * else: an owner API token (every permission, the whole company), a staff user or an API key with
 * roles granted in data scopes, or a resident. Once the platform has checked the operation's {@link
 * Permission}, the principal is bound to the scope the caller holds that permission in.
 */
public final class TenantPrincipal implements Principal {

  /** The kinds of credential a tenant request can carry. */
  public enum Kind {
    /** An operator-issued tenant API token {@code cy_...}: the company's owner key. */
    TOKEN,
    /** A property company's staff member, signed in. */
    STAFF,
    /** An integration's API key with a role and a scope. */
    API_KEY,
    /** An owner or resident, signed in with a one-time code. */
    RESIDENT
  }

  /** The permissions a caller holds and the scope each is held in. */
  @FunctionalInterface
  public interface Grants {
    /** The scope {@code permission} is granted in; empty when it is not granted at all. */
    Optional<DataScope> scopeFor(String permission);
  }

  private static final Grants EVERYTHING = permission -> Optional.of(DataScope.ALL);

  private final TenantSlug tenant;
  private final Kind kind;
  private final String subject;
  private final String name;
  private final Grants grants;
  private final DataScope scope;

  /** An owner token: every permission, in the whole company. */
  public TenantPrincipal(TenantSlug tenant, String tokenId) {
    this(tenant, Kind.TOKEN, tokenId, tokenId, EVERYTHING, DataScope.ALL);
  }

  /**
   * @param subject the stable id of the user, key or resident account
   * @param name what people read in the audit log: a user name, a key's label
   */
  public TenantPrincipal(TenantSlug tenant, Kind kind, String subject, String name, Grants grants) {
    this(tenant, kind, subject, name, grants, DataScope.NONE);
  }

  private TenantPrincipal(
      TenantSlug tenant, Kind kind, String subject, String name, Grants grants, DataScope scope) {
    this.tenant = tenant;
    this.kind = kind;
    this.subject = subject;
    this.name = name;
    this.grants = grants;
    this.scope = scope;
  }

  /**
   * @throws IllegalStateException when the request was not authenticated as a tenant; the
   *     platform's filter guarantees it is for every module resource
   */
  public static TenantSlug of(SecurityContext securityContext) {
    return principalOf(securityContext).tenant;
  }

  /** The caller of a tenant request. */
  public static TenantPrincipal principalOf(SecurityContext securityContext) {
    Principal p = securityContext == null ? null : securityContext.getUserPrincipal();
    if (p instanceof TenantPrincipal) {
      return (TenantPrincipal) p;
    }
    throw new IllegalStateException("request has no tenant credential");
  }

  /** The scope the caller holds the current operation's permission in. */
  public static DataScope scopeOf(SecurityContext securityContext) {
    return principalOf(securityContext).scope;
  }

  public TenantSlug tenant() {
    return tenant;
  }

  public Kind kind() {
    return kind;
  }

  public String subject() {
    return subject;
  }

  /** A user name or a token id; never a secret. */
  public String name() {
    return name;
  }

  /** The scope bound for the current operation; {@link DataScope#NONE} before the check. */
  public DataScope scope() {
    return scope;
  }

  /** The scope {@code permission} is held in; empty when the caller does not hold it. */
  public Optional<DataScope> scopeFor(String permission) {
    return grants.scopeFor(permission);
  }

  /** This caller, working in {@code bound} for the current operation. */
  public TenantPrincipal bound(DataScope bound) {
    return new TenantPrincipal(tenant, kind, subject, name, grants, bound);
  }

  @Override
  public String getName() {
    return tenant.value()
        + "/"
        + (kind == Kind.TOKEN ? "" : kind.name().toLowerCase() + ":")
        + name;
  }
}
