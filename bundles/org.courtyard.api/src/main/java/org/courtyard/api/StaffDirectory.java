package org.courtyard.api;

import java.util.Collection;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Which numbers are a tenant's staff users, for modules that keep a user id (a technician, an
 * assignee, a team member) as a copy and must not take one of another tenant's users, or one that
 * never existed. The identity bundle provides it.
 */
@ProviderType
public interface StaffDirectory {

  /** Of {@code userIds}, those that are staff users of the tenant, whatever their status. */
  Set<Long> existing(TenantSlug tenant, Collection<Long> userIds);
}
