package org.courtyard.api;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
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
}
