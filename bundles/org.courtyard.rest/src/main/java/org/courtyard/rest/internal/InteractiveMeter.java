package org.courtyard.rest.internal;

import java.security.Principal;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.SecurityContext;
import org.courtyard.api.InteractiveLoad;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.rest.TenantPrincipal;

/**
 * Notes whose requests to the API start and are answered, for background work that gives way to
 * others ({@link InteractiveLoad}). It runs after {@link AuthFilter}, so the tenant is the verified
 * one; a request refused there is noted when its answer leaves, as nobody's in particular.
 *
 * <p>It keeps the two most recent moments of two different requesters, not a counter of requests in
 * flight: that is enough to answer "anyone but T, lately?" exactly, and a request whose answer
 * never passes through the response filters (a dropped connection) cannot leave the node looking
 * busy.
 */
@Priority(Priorities.AUTHENTICATION + 10)
final class InteractiveMeter
    implements ContainerRequestFilter, ContainerResponseFilter, InteractiveLoad {

  /** Who a request was for: a tenant's slug, or "" for operators and the unauthenticated. */
  private record Seen(String who, long at) {}

  private static final Seen NEVER = new Seen("", System.nanoTime() - Long.MAX_VALUE / 4);

  /** The most recent request, and the most recent of anyone other than its requester. */
  private Seen latest = NEVER;

  private Seen latestOther = NEVER;

  @Override
  public void filter(ContainerRequestContext request) {
    note(who(request.getSecurityContext()));
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    note(who(request.getSecurityContext()));
  }

  @Override
  public boolean othersServedWithin(TenantSlug tenant, long millis) {
    Seen other;
    synchronized (this) {
      other = latest.who().equals(tenant.value()) ? latestOther : latest;
    }
    return System.nanoTime() - other.at() < millis * 1_000_000L;
  }

  /** Notes a request of {@code who} (a slug, or "" for nobody in particular) now. */
  synchronized void note(String who) {
    Seen now = new Seen(who, System.nanoTime());
    if (!latest.who().equals(who)) {
      latestOther = latest;
    }
    latest = now;
  }

  private static String who(SecurityContext security) {
    Principal p = security == null ? null : security.getUserPrincipal();
    return p instanceof TenantPrincipal t ? t.tenant().value() : "";
  }
}
