package org.courtyard.workorders.internal.people;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.Texts;

/**
 * What a technician's or a team's edit must hold, the schema's CHECK constraints and a few sizes,
 * checked field by field so that one 422 names every wrong field. Repeated skills, areas and
 * members count once.
 */
public final class PeopleRules {

  private static final Texts TEXTS = Texts.of(PeopleRules.class);

  /** As {@code workorder_technician_skill_ck} and the categories' skill. */
  private static final Pattern SKILL = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

  static final int MAX_SKILLS = 50;
  static final int MAX_AREAS = 200;
  static final int MAX_MEMBERS = 500;
  static final int MAX_NAME = 100;

  private PeopleRules() {}

  /** Whether an estate exists, and the building (when not null) is one of its buildings. */
  @FunctionalInterface
  public interface AreaCheck {
    boolean exists(long estateId, Long buildingId);
  }

  /** A technician's skills and areas as they will be stored. */
  record Technician(List<String> skills, List<Area> areas) {}

  /** A team's name and members as they will be stored. */
  record Team(String name, List<Long> members) {}

  /**
   * @throws org.courtyard.api.ProblemException 422 {@code validation-failed} naming every wrong
   *     field, such as {@code skills[2]} or {@code areas[0].buildingId}
   */
  static Technician check(TechnicianInput in, AreaCheck areas) {
    FieldErrors errors = new FieldErrors();
    Set<String> skills = new LinkedHashSet<>();
    List<String> inSkills = in.skills() == null ? List.of() : in.skills();
    if (inSkills.size() > MAX_SKILLS) {
      errors.add("skills", TEXTS.text("technician.too-many-skills", MAX_SKILLS));
    } else {
      for (int i = 0; i < inSkills.size(); i++) {
        String s = inSkills.get(i) == null ? "" : inSkills.get(i).strip();
        if (SKILL.matcher(s).matches()) {
          skills.add(s);
        } else {
          errors.add("skills[" + i + "]", TEXTS.text("technician.skill"));
        }
      }
    }
    Set<Area> checked = new LinkedHashSet<>();
    List<Area> inAreas = in.areas() == null ? List.of() : in.areas();
    if (inAreas.size() > MAX_AREAS) {
      errors.add("areas", TEXTS.text("technician.too-many-areas", MAX_AREAS));
    } else {
      for (int i = 0; i < inAreas.size(); i++) {
        Area a = inAreas.get(i);
        String field = "areas[" + i + "]";
        if (a == null || a.estateId() == null || a.estateId() <= 0) {
          errors.add(field + ".estateId", TEXTS.text("field.positive-id"));
        } else if (a.buildingId() != null && a.buildingId() <= 0) {
          errors.add(field + ".buildingId", TEXTS.text("field.positive-id"));
        } else if (!checked.contains(a)) {
          if (areas.exists(a.estateId(), a.buildingId())) {
            checked.add(a);
          } else if (a.buildingId() == null) {
            errors.add(field + ".estateId", TEXTS.text("technician.no-estate", a.estateId()));
          } else {
            errors.add(
                field + ".buildingId",
                TEXTS.text("technician.no-building", a.buildingId(), a.estateId()));
          }
        }
      }
    }
    errors.throwIfAny();
    return new Technician(List.copyOf(skills), List.copyOf(checked));
  }

  /**
   * @param update whether the team exists already, so that the version is required
   * @throws org.courtyard.api.ProblemException 422 {@code validation-failed} naming every wrong
   *     field
   */
  static Team check(TeamInput in, boolean update) {
    FieldErrors errors = new FieldErrors();
    String name = in.name() == null ? "" : in.name().strip();
    if (name.isEmpty() || name.length() > MAX_NAME) {
      errors.add("name", TEXTS.text("team.name", MAX_NAME));
    }
    Set<Long> members = new LinkedHashSet<>();
    List<Long> inMembers = in.members() == null ? List.of() : in.members();
    if (inMembers.size() > MAX_MEMBERS) {
      errors.add("members", TEXTS.text("team.too-many-members", MAX_MEMBERS));
    } else {
      for (int i = 0; i < inMembers.size(); i++) {
        Long m = inMembers.get(i);
        if (m == null || m <= 0) {
          errors.add("members[" + i + "]", TEXTS.text("field.positive-id"));
        } else {
          members.add(m);
        }
      }
    }
    if (update && in.version() == null) {
      errors.add("version", TEXTS.text("field.version-required"));
    }
    errors.throwIfAny();
    List<Long> sorted = new ArrayList<>(members);
    sorted.sort(null);
    return new Team(name, List.copyOf(sorted));
  }
}
