package org.courtyard.api;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The language each person of a tenant chose to be written to in ({@code PUT /auth/me/language}):
 * Chinese or English, for the messages modules send them ({@link Languages} reads a request's).
 * Someone who chose none is left out, and the module writes in both. The identity bundle provides
 * it.
 */
@ProviderType
public interface PreferredLanguages {

  /** The languages of those of {@code userIds} that are staff users of the tenant and chose one. */
  Map<Long, Locale> ofStaff(TenantSlug tenant, Collection<Long> userIds);

  /**
   * The languages of those of {@code personIds} (the residents module's persons) whose resident
   * account chose one.
   */
  Map<Long, Locale> ofResidents(TenantSlug tenant, Collection<Long> personIds);
}
