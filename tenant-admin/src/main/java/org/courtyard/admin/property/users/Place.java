package org.courtyard.admin.property.users;

import java.io.Serializable;
import java.util.Objects;

/**
 * An estate or building a grant may be scoped to: its id and, when the estate list could be read,
 * its name. Equal by id, so a place typed as a number and the same place read by name are one.
 */
public final class Place implements Serializable {

  private final long id;
  private final String name;

  public Place(long id, String name) {
    this.id = id;
    this.name = name == null || name.isBlank() ? "#" + id : name;
  }

  public long id() {
    return id;
  }

  public String name() {
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Place p && p.id == id;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id);
  }

  @Override
  public String toString() {
    return name.equals("#" + id) ? name : name + " (#" + id + ")";
  }
}
