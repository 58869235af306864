package org.courtyard.estate.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Text;
import org.courtyard.api.Texts;
import org.courtyard.estate.Places;
import org.courtyard.estate.Referrer;
import org.courtyard.estate.RoomReferences;

/**
 * Asks every module's {@link RoomReferences} what of theirs refers to a room, building or estate
 * about to be deleted, and refuses the delete when anything does. Called inside the delete's
 * transaction, after the record was found and before it is removed.
 */
final class ReferenceCheck {

  private static final Texts TEXTS = Texts.of(ReferenceCheck.class);

  static final String TYPE = "referenced";

  private final TenantSlug tenant;
  private final Supplier<List<RoomReferences>> modules;

  ReferenceCheck(TenantSlug tenant, Supplier<List<RoomReferences>> modules) {
    this.tenant = tenant;
    this.modules = modules;
  }

  /**
   * @param label {@code Room}, {@code Building} or {@code Estate}
   * @throws ProblemException 409 {@code referenced}, naming what refers to it (extension {@code
   *     references}: module, kind, count)
   */
  void refuseIfReferenced(Text label, long id, Places places) {
    List<Referrer> found = new ArrayList<>();
    for (RoomReferences module : modules.get()) {
      for (Referrer r : module.referencesTo(tenant, places)) {
        if (r.count > 0) {
          found.add(r);
        }
      }
    }
    if (!found.isEmpty()) {
      throw problem(label, id, found);
    }
  }

  static ProblemException problem(Text label, long id, List<Referrer> found) {
    List<Map<String, Object>> references = new ArrayList<>();
    for (Referrer r : found) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("module", r.module);
      m.put("kind", r.kind);
      m.put("count", r.count);
      references.add(m);
    }
    return TEXTS.problem(
        409, TYPE, Map.of("references", references), "referenced.by", label, id, list(found));
  }

  /** "3 bills", "3 bills and 1 occupancy", "3 bills, 1 payment and 1 occupancy". */
  static String list(List<Referrer> found) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < found.size(); i++) {
      if (i > 0) {
        s.append(i == found.size() - 1 ? " and " : ", ");
      }
      s.append(found.get(i).text);
    }
    return s.toString();
  }
}
