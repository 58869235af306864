package org.courtyard.workorders.internal.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.courtyard.workorders.internal.people.RefusedFields.fields;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Technicians' skills and areas, and teams, refused field by field or stored once each. */
class PeopleRulesTest {

  /** Estate 1 with buildings 10 and 11; estate 2 without buildings. */
  private static final PeopleRules.AreaCheck ESTATES =
      (estate, building) ->
          building == null
              ? estate == 1 || estate == 2
              : estate == 1 && (building == 10 || building == 11);

  @Test
  void skillsAndAreasCountOnce() {
    PeopleRules.Technician t =
        PeopleRules.check(
            new TechnicianInput(
                List.of("plumbing", " electrical ", "plumbing"),
                List.of(new Area(1L, 10L), new Area(2L, null), new Area(1L, 10L))),
            ESTATES);
    assertThat(t.skills()).containsExactly("plumbing", "electrical");
    assertThat(t.areas()).containsExactly(new Area(1L, 10L), new Area(2L, null));
    assertThat(PeopleRules.check(new TechnicianInput(null, null), ESTATES).skills()).isEmpty();
  }

  @Test
  void everyWrongSkillOrAreaIsNamed() {
    assertThat(
            fields(
                () ->
                    PeopleRules.check(
                        new TechnicianInput(
                            Arrays.asList("Plumbing", "ok", null, "-x"),
                            Arrays.asList(
                                new Area(3L, null),
                                new Area(2L, 10L),
                                new Area(null, 10L),
                                new Area(1L, -1L),
                                null)),
                        ESTATES)))
        .containsExactly(
            "skills[0]",
            "skills[2]",
            "skills[3]",
            "areas[0].estateId",
            "areas[1].buildingId",
            "areas[2].estateId",
            "areas[3].buildingId",
            "areas[4].estateId");
  }

  @Test
  void aTeamHasANameAndPositiveMembersSortedOnce() {
    PeopleRules.Team t =
        PeopleRules.check(new TeamInput(" 水电班 ", List.of(9L, 3L, 9L), null), false);
    assertThat(t).isEqualTo(new PeopleRules.Team("水电班", List.of(3L, 9L)));
    assertThat(
            fields(
                () ->
                    PeopleRules.check(new TeamInput(" ", Arrays.asList(1L, 0L, null), null), true)))
        .containsExactly("name", "members[1]", "members[2]", "version");
    assertThat(fields(() -> PeopleRules.check(new TeamInput("x".repeat(101), null, 1), true)))
        .containsExactly("name");
  }
}
