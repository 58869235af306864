package org.courtyard.api;

import java.util.Map;

/**
 * The problems every module answers alike, so that a client sees one wording and one type for the
 * same situation whichever module it talks to. Labels and details are {@link Text}s from the
 * caller's catalogue ("Room" / "房间"); the overloads taking strings say those parts in English in
 * every language.
 */
public final class Problems {

  private static final Texts TEXTS = Texts.api();

  private Problems() {}

  /** 404 {@code not-found}: "{label} {id} not found." */
  public static ProblemException notFound(Text label, Object id) {
    return TEXTS.problem(404, "not-found", "problems.not-found", label, id);
  }

  /** 404 {@code not-found} with an English label. */
  public static ProblemException notFound(String label, Object id) {
    return notFound(Text.plain(label), id);
  }

  /**
   * 409 {@code stale-version} for an optimistic update that matched no row: the record was changed
   * or deleted by someone else between the client's read and its write.
   */
  public static ProblemException changedMeanwhile(Text label, Object id) {
    return TEXTS.problem(409, "stale-version", "problems.changed-meanwhile", named(label, id));
  }

  /** {@link #changedMeanwhile(Text, Object)} with an English label. */
  public static ProblemException changedMeanwhile(String label, Object id) {
    return changedMeanwhile(Text.plain(label), id);
  }

  /**
   * 409 {@code stale-version} when the client edited an older version than the stored one; the
   * answer carries {@code currentVersion}.
   */
  public static ProblemException staleVersion(Text label, Object id, int current, int sent) {
    return TEXTS.problem(
        409,
        "stale-version",
        Map.of("currentVersion", current),
        "problems.stale-version",
        named(label, id),
        current,
        sent);
  }

  /** {@link #staleVersion(Text, Object, int, int)} with an English label. */
  public static ProblemException staleVersion(String label, Object id, int current, int sent) {
    return staleVersion(Text.plain(label), id, current, sent);
  }

  /** "{label} {id}", or just the label of a record that has no id (a tenant's settings). */
  private static Text named(Text label, Object id) {
    return id == null ? label : TEXTS.text("problems.named", label, id);
  }

  /**
   * 403 {@code outside-scope}: the caller holds the permission, but for some estates or buildings
   * only, and {@code change} ("Changing fee items", "A device placed nowhere") needs it granted for
   * {@code needed} ("the whole company", "the whole estate").
   */
  public static ProblemException outsideScope(Text change, Text needed) {
    return TEXTS.problem(403, "outside-scope", "problems.outside-scope", change, needed);
  }

  /** {@link #outsideScope(Text, Text)} in English words. */
  public static ProblemException outsideScope(String change, String needed) {
    return outsideScope(Text.plain(change), Text.plain(needed));
  }

  /** 409 {@code duplicate}: what the client sent exists already. */
  public static ProblemException duplicate(Text detail) {
    return new ProblemException(409, "duplicate", TEXTS.title("duplicate"), detail, Map.of());
  }

  /** 409 {@code duplicate} with an English detail. */
  public static ProblemException duplicate(String detail) {
    return duplicate(Text.plain(detail));
  }
}
