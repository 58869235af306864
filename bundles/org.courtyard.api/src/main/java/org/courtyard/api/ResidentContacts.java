package org.courtyard.api;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Who of a tenant's residents can be reached at a phone number or an e-mail address, for signing
 * residents in with a one-time code. The residents module provides it; a tenant that has not
 * enabled that module has no residents to find, and every method answers empty.
 */
@ProviderType
public interface ResidentContacts {

  /** The kinds of address a resident signs in with. */
  String PHONE = "phone";

  String EMAIL = "email";

  /** A person as sign-in needs them: the id, the name to show, and where to send a code. */
  record Contact(long personId, String fullName, String phone, String email) {}

  /**
   * The address the way the residents module stores it (a phone number as {@code +86...}, an e-mail
   * address in lower case), or empty when it is not a valid address of that kind.
   */
  Optional<String> normalize(String kind, String address);

  /**
   * The persons whose phone number or e-mail address is {@code address} (normalized), in id order:
   * family members may share a number. Empty for none, and when the tenant has not enabled the
   * residents module.
   */
  List<Contact> reachableAt(TenantSlug tenant, String kind, String address);

  /** The person, while the tenant has them; empty otherwise. */
  Optional<Contact> contact(TenantSlug tenant, long personId);
}
