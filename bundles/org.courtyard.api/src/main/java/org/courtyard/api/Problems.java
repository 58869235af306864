package org.courtyard.api;

import java.util.Map;

/**
 * The problems every module answers alike, so that a client sees one wording and one type for the
 * same situation whichever module it talks to.
 */
public final class Problems {

  private Problems() {}

  /** 404 {@code not-found}: "{label} {id} not found." */
  public static ProblemException notFound(String label, Object id) {
    return ProblemException.notFound("not-found", "Not found", label + " " + id + " not found.");
  }

  /**
   * 409 {@code stale-version} for an optimistic update that matched no row: the record was changed
   * or deleted by someone else between the client's read and its write.
   */
  public static ProblemException changedMeanwhile(String label, Object id) {
    return ProblemException.conflict(
        "stale-version",
        "Stale version",
        named(label, id)
            + " was changed or deleted by someone else meanwhile: reload it and try again.");
  }

  /**
   * 409 {@code stale-version} when the client edited an older version than the stored one; the
   * answer carries {@code currentVersion}.
   */
  public static ProblemException staleVersion(String label, Object id, int current, int sent) {
    return new ProblemException(
        409,
        "stale-version",
        "Stale version",
        named(label, id)
            + " is at version "
            + current
            + ", the change was made to version "
            + sent
            + ": reload it and apply the change again.",
        Map.of("currentVersion", current));
  }

  /** "{label} {id}", or just the label of a record that has no id (a tenant's settings). */
  private static String named(String label, Object id) {
    return id == null ? label : label + " " + id;
  }

  /**
   * 403 {@code outside-scope}: the caller holds the permission, but for some estates or buildings
   * only, and {@code change} ("Changing fee items", "A device placed nowhere") needs it granted for
   * {@code needed} ("the whole company", "the whole estate").
   */
  public static ProblemException outsideScope(String change, String needed) {
    return new ProblemException(
        403,
        "outside-scope",
        "Outside your scope",
        change + " needs the permission granted for " + needed + ".");
  }

  /** 409 {@code duplicate}: what the client sent exists already. */
  public static ProblemException duplicate(String detail) {
    return ProblemException.conflict("duplicate", "Already exists", detail);
  }
}
