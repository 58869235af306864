package org.courtyard.rest.internal;

import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Map;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import org.courtyard.api.OperatorAccount;
import org.courtyard.api.PermissionDef;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Text;
import org.courtyard.api.Texts;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;

/**
 * Checks, once the operation is known, that a tenant caller holds the {@link Permission} it names,
 * and binds the scope the caller holds it in for the module to filter by. An operation that names
 * none answers only owner tokens, so a forgotten annotation refuses staff rather than lets them in.
 * Refusals are 403 {@code permission-denied} naming the permission. A resident's own permission
 * ({@link PermissionDef#isForResidents}) answers signed-in residents only.
 */
@Priority(Priorities.AUTHORIZATION)
final class PermissionFilter implements ContainerRequestFilter {

  private static final Texts TEXTS = Texts.of(PermissionFilter.class);

  private static final java.util.Set<String> READS = java.util.Set.of("GET", "HEAD", "OPTIONS");

  private final java.util.function.Function<String, java.util.Optional<String>> operatorRoles;
  @Context private ResourceInfo resource;

  /**
   * @param operatorRoles an operator account's role; support accounts are refused every change
   */
  PermissionFilter(java.util.function.Function<String, java.util.Optional<String>> operatorRoles) {
    this.operatorRoles = operatorRoles;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Principal principal = request.getSecurityContext().getUserPrincipal();
    if (principal != null
        && request.getSecurityContext().isUserInRole("operator")
        && !READS.contains(request.getMethod())
        && OperatorAccount.SUPPORT.equals(operatorRoles.apply(principal.getName()).orElse(null))) {
      throw TEXTS.problem(
          403, "operator-read-only", "permission.read-only-operator", principal.getName());
    }
    if (!(principal instanceof TenantPrincipal)) {
      return; // public and operator endpoints: the authentication filter decided
    }
    TenantPrincipal caller = (TenantPrincipal) principal;
    Method method = resource == null ? null : resource.getResourceMethod();
    Permission permission = method == null ? null : method.getAnnotation(Permission.class);
    DataScope scope;
    if (permission == null) {
      if (caller.kind() != TenantPrincipal.Kind.TOKEN) {
        throw denied(TEXTS.text("permission.owner-token"), null);
      }
      scope = DataScope.ALL;
    } else if (Permission.SELF.equals(permission.value())) {
      scope = caller.kind() == TenantPrincipal.Kind.TOKEN ? DataScope.ALL : DataScope.NONE;
    } else if (PermissionDef.isForResidents(permission.value())
        && caller.kind() != TenantPrincipal.Kind.RESIDENT) {
      // a resident's own pages: nobody else has rooms of their own to see through them
      throw denied(TEXTS.text("permission.resident", permission.value()), permission);
    } else {
      scope =
          caller
              .scopeFor(permission.value())
              .orElseThrow(
                  () -> denied(TEXTS.text("permission.named", permission.value()), permission));
    }
    request.setSecurityContext(
        new CallerContext(
            caller.bound(scope), request.getSecurityContext().isSecure(), "tenant", "Bearer"));
  }

  private static ProblemException denied(Text what, Permission permission) {
    return TEXTS.problem(
        403,
        "permission-denied",
        permission == null ? Map.of() : Map.of("permission", permission.value()),
        "permission.denied",
        what);
  }
}
