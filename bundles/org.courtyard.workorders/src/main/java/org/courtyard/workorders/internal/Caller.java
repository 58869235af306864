package org.courtyard.workorders.internal;

import javax.ws.rs.core.SecurityContext;
import org.courtyard.api.rest.TenantPrincipal;

/**
 * Who asks, as work orders record it: a signed-in staff user (their user id), a resident (their
 * person id), or the company's owner token or an integration's API key, which act as staff and are
 * recorded as actor {@value #COMPANY_KEY}: neither is a person who could work an order.
 */
record Caller(TenantPrincipal.Kind kind, long id) {

  /** The actor id the timeline records for an owner token or an API key. */
  static final long COMPANY_KEY = -1;

  static Caller of(SecurityContext security) {
    TenantPrincipal p = TenantPrincipal.principalOf(security);
    return switch (p.kind()) {
      case STAFF, RESIDENT -> new Caller(p.kind(), Long.parseLong(p.subject()));
      case TOKEN, API_KEY -> new Caller(p.kind(), COMPANY_KEY);
    };
  }

  boolean resident() {
    return kind == TenantPrincipal.Kind.RESIDENT;
  }

  /** A signed-in staff member: only they can work orders as technicians. */
  boolean staffUser() {
    return kind == TenantPrincipal.Kind.STAFF;
  }

  /** The id the timeline records when the caller acts as staff. */
  long actorId() {
    return id;
  }
}
