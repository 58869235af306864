package org.courtyard.admin.api;

import java.util.regex.Pattern;

/**
 * The platform's tenant slug rule (org.courtyard.api.TenantSlug), checked as the operator types: a
 * lower-case letter, then 2 to 39 lower-case letters, digits or underscores.
 */
public final class SlugRule {

  public static final Pattern PATTERN = Pattern.compile("^[a-z][a-z0-9_]{2,39}$");

  private SlugRule() {}

  public static boolean isValid(String slug) {
    return slug != null && PATTERN.matcher(slug).matches();
  }
}
