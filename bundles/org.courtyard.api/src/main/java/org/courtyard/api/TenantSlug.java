package org.courtyard.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identifier of a tenant (a property company). Validated on construction, so a {@code
 * TenantSlug} can be used in schema names and SQL identifiers without further escaping.
 */
public final class TenantSlug implements Comparable<TenantSlug> {

  private static final Texts TEXTS = Texts.api();

  /** Lower-case letter first, then letters, digits or underscore; 3 to 40 characters in all. */
  public static final Pattern PATTERN = Pattern.compile("^[a-z][a-z0-9_]{2,39}$");

  /** Prefix of every tenant schema; the rest of the schema name is the slug. */
  public static final String SCHEMA_PREFIX = "t_";

  private final String value;

  private TenantSlug(String value) {
    this.value = value;
  }

  /**
   * @throws ProblemException with status 400 when {@code value} is not a valid slug
   */
  public static TenantSlug of(String value) {
    if (!isValid(value)) {
      throw TEXTS.problem(400, "invalid-tenant-slug", "tenant-slug.invalid", describe(value));
    }
    return new TenantSlug(value);
  }

  public static boolean isValid(String value) {
    return value != null && PATTERN.matcher(value).matches();
  }

  private static String describe(String value) {
    if (value == null) {
      return "nothing";
    }
    String shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
    return "\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\", " + value.length() + " characters";
  }

  public String value() {
    return value;
  }

  /** The PostgreSQL schema holding this tenant's data, e.g. {@code t_acme}. */
  public String schema() {
    return SCHEMA_PREFIX + value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TenantSlug && ((TenantSlug) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value);
  }

  @Override
  public int compareTo(TenantSlug o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
