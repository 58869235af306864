package org.courtyard.workorders.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.workorders.internal.deadlines.DayHours;
import org.courtyard.workorders.internal.deadlines.Priority;
import org.courtyard.workorders.internal.lifecycle.Action;
import org.courtyard.workorders.internal.lifecycle.ActorKind;
import org.courtyard.workorders.internal.lifecycle.CancelReason;
import org.courtyard.workorders.internal.lifecycle.OrderState;
import org.courtyard.workorders.internal.lifecycle.PauseReason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The schema's CHECK constraints repeat the codes of the lifecycle and the deadlines: a state,
 * action or reason added to an enum and not to the table (or the other way round) would let Java
 * write a row PostgreSQL refuses, or the database hold one Java cannot read. The migration must be
 * where the platform looks for it, or the tenant gets no tables.
 */
class SchemaAgreementTest {

  private static String sql;

  @BeforeAll
  static void read() throws IOException {
    WorkordersModule module = new WorkordersModule();
    String path = module.migrationLocation() + "/V1__workorders.sql";
    try (InputStream in = WorkordersModule.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The quoted codes of the {@code in (...)} list of constraint {@code name}. */
  private static List<String> codes(String name, String column) {
    Matcher constraint =
        Pattern.compile("constraint " + name + " check \\((.*?)\\)(,\\n|\\n\\);)", Pattern.DOTALL)
            .matcher(sql);
    assertThat(constraint.find()).as(name).isTrue();
    Matcher list =
        Pattern.compile(column + " in \\(([^)]*)\\)", Pattern.DOTALL).matcher(constraint.group(1));
    assertThat(list.find()).as(name + " " + column).isTrue();
    return Arrays.stream(list.group(1).split(",")).map(s -> s.strip().replace("'", "")).toList();
  }

  @Test
  void statesActionsAndReasonsAreTheEnums() {
    List<String> states = Arrays.stream(OrderState.values()).map(OrderState::code).toList();
    assertThat(codes("workorder_state_ck", "state")).containsExactlyElementsOf(states);
    assertThat(codes("workorder_priority_ck", "priority"))
        .containsExactlyElementsOf(Arrays.stream(Priority.values()).map(Priority::code).toList());
    assertThat(codes("workorder_pause_reason_ck", "pause_reason"))
        .containsExactlyElementsOf(
            Arrays.stream(PauseReason.values()).map(PauseReason::code).toList());
    assertThat(codes("workorder_cancel_reason_ck", "cancel_reason"))
        .containsExactlyElementsOf(
            Arrays.stream(CancelReason.values()).map(CancelReason::code).toList());
    assertThat(codes("workorder_event_actor_ck", "actor_kind"))
        .containsExactlyElementsOf(
            Arrays.stream(ActorKind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList());
    // the timeline holds every lifecycle action, the report before them and the sweep's marks
    List<String> actions = codes("workorder_event_action_ck", "action");
    assertThat(actions)
        .containsAll(Arrays.stream(Action.values()).map(Action::code).toList())
        .hasSize(Action.values().length + 3)
        .contains("report", "warn", "breach");
  }

  @Test
  void theDefaultWeekIsHoursDayHoursReads() {
    Matcher rows = Pattern.compile("\\((\\d), '([^']*)'\\)").matcher(sql);
    int days = 0;
    while (rows.find()) {
      DayHours.parse(rows.group(2));
      days++;
    }
    assertThat(days).isEqualTo(7);
  }
}
