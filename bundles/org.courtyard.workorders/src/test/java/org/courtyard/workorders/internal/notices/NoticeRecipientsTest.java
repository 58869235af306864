package org.courtyard.workorders.internal.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.courtyard.workorders.internal.MutableClock;
import org.courtyard.workorders.internal.TestSchema;
import org.courtyard.workorders.internal.dto.OrderView;
import org.courtyard.workorders.internal.lifecycle.Action;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who a step concerns, read from a real tenant schema: a transfer tells both technicians. */
class NoticeRecipientsTest {

  private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");

  private TestSchema db;
  private Notices notices;
  private long order;

  @BeforeEach
  void schema() throws Exception {
    db = TestSchema.fresh("V10__workorders_notices.sql");
    db.execute(
        "insert into workorder_category (code, name_en, name_zh, kind, response_normal,"
            + " response_urgent, response_emergency, resolution_normal, resolution_urgent,"
            + " resolution_emergency) values ('plumbing', 'Plumbing', '水管', 'repair',"
            + " 120, 60, 30, 1440, 480, 240)");
    long category = db.count("select id from workorder_category");
    try (Connection c = db.connection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into workorder (number, kind, category_id, state, description, estate_id,"
                    + " place, reporter_kind, reporter_user_id, channel, assignee_user_id,"
                    + " working_hours, response_minutes, resolution_minutes, response_due,"
                    + " response_warn_at, resolution_running_since, resolution_due,"
                    + " resolution_warn_at, created_at) values ('WO-1', 'repair', ?,"
                    + " 'dispatched', 'a leak', 1, 'lobby', 'staff', 9, 'phone', 8, false, 120,"
                    + " 1440, ?, ?, ?, ?, ?, ?) returning id")) {
      ps.setLong(1, category);
      Timestamp t = Timestamp.from(NOW);
      Timestamp later = Timestamp.from(NOW.plusSeconds(7200));
      ps.setTimestamp(2, later);
      ps.setTimestamp(3, later);
      ps.setTimestamp(4, t);
      ps.setTimestamp(5, Timestamp.from(NOW.plusSeconds(86400)));
      ps.setTimestamp(6, Timestamp.from(NOW.plusSeconds(80000)));
      ps.setTimestamp(7, t);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        order = rs.getLong(1);
      }
    }
    db.execute(
        "insert into workorder_event (order_id, at, actor_kind, actor_id, action, from_state,"
            + " to_state, assignee_user_id) values ("
            + order
            + ", now(), 'staff', 9, 'dispatch', 'new', 'dispatched', 7), ("
            + order
            + ", now(), 'staff', 9, 'transfer', 'dispatched', 'dispatched', 8)");
    notices = new Notices(db.jdbc(), new MutableClock(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void drop() throws Exception {
    db.close();
  }

  private OrderView view() {
    return new OrderView(
        order,
        "WO-1",
        "repair",
        1,
        "normal",
        "dispatched",
        "a leak",
        null,
        null,
        null,
        1,
        "lobby",
        "staff",
        null,
        9L,
        null,
        null,
        "phone",
        null,
        null,
        8L,
        null,
        null,
        null,
        null,
        0,
        null,
        null,
        false,
        null,
        null,
        NOW,
        NOW,
        1,
        List.of());
  }

  @Test
  void aTransferTellsTheNewTechnicianAndTheOneTakenOff() {
    assertThat(notices.recipients(view(), Action.TRANSFER))
        .containsExactly(Recipient.staff(8, "assignee"), Recipient.staff(7, "assignee"));
  }

  @Test
  void anUrgeTellsOnlyTheTechnicianNow() {
    assertThat(notices.recipients(view(), Action.URGE))
        .containsExactly(Recipient.staff(8, "assignee"));
  }
}
