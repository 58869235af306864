package org.courtyard.residents;

/**
 * A person as other modules see it: the id and the name to print. Contact and identity data stay in
 * the residents module.
 */
public final class PersonRef {
  public final long id;
  public final String fullName;

  public PersonRef(long id, String fullName) {
    this.id = id;
    this.fullName = fullName;
  }

  @Override
  public String toString() {
    return "PersonRef[" + id + "]";
  }
}
