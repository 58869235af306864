package org.courtyard.api;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.courtyard.api.rest.DataScope;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Which numbers are a tenant's staff users, for modules that keep a user id (a technician, an
 * assignee, a team member) as a copy and must not take one of another tenant's users, or one that
 * never existed; and how to reach them, for modules that tell staff what concerns them. The
 * identity bundle provides it.
 */
@ProviderType
public interface StaffDirectory {

  /** Of {@code userIds}, those that are staff users of the tenant, whatever their status. */
  Set<Long> existing(TenantSlug tenant, Collection<Long> userIds);

  /**
   * A staff user as a message to them needs them: the name to greet them by, and their e-mail
   * address and phone number as identity holds them (either may be null).
   */
  record Contact(long userId, String displayName, String email, String phone) {}

  /**
   * The contacts of those of {@code userIds} that are active staff users of the tenant; a disabled
   * user is told nothing.
   */
  Map<Long, Contact> contacts(TenantSlug tenant, Collection<Long> userIds);

  /**
   * Where an active staff user of the tenant holds {@code permission} (1.13): the union of their
   * grants' scopes whose role has it; empty when they hold it nowhere, are disabled or are no staff
   * user of the tenant. For a module that tells someone about a record only while they may read it.
   */
  Optional<DataScope> scopeOf(TenantSlug tenant, long userId, String permission);
}
