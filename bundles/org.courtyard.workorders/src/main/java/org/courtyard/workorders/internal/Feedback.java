package org.courtyard.workorders.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.workorders.internal.dto.FeedbackView;
import org.courtyard.workorders.internal.dto.RatingInput;
import org.courtyard.workorders.internal.dto.ReplyInput;
import org.courtyard.workorders.internal.dto.VisitInput;

/**
 * Residents' voice on an order: their rating once the job is done, the company's replies to a
 * complaint, and customer service's return visits (回访). Each is written with a timeline entry under
 * the order's row lock; none changes the order's state. A category that asks for a return visit is
 * closed only after one that reached the resident ({@link #visitMissing}).
 */
final class Feedback {

  private static final Texts TEXTS = Texts.of(Feedback.class);
  private static final Set<String> FINISHED = Set.of("done", "confirmed", "closed");
  private static final int COMMENT_MAX = 500;
  private static final int NOTE_MAX = 1000;
  private static final int REPLY_MAX = 2000;

  private final Jdbc jdbc;
  private final WorkordersTenant tenant;

  Feedback(Jdbc jdbc, WorkordersTenant tenant) {
    this.jdbc = jdbc;
    this.tenant = tenant;
  }

  /** The rating, the return visits, and whether closing waits for a reached visit. */
  FeedbackView of(long orderId, Reach reach) {
    return jdbc.read(
        c -> {
          OrderRow o = Orders.within(c, orderId, reach);
          FeedbackView.Rating rating = null;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT score, comment, at FROM workorder_rating WHERE order_id = ?")) {
            ps.setLong(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                rating =
                    new FeedbackView.Rating(
                        rs.getInt(1), rs.getString(2), Jdbc.instant(rs.getTimestamp(3)));
              }
            }
          }
          List<FeedbackView.Visit> visits = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, user_id, at, reached, satisfaction, note FROM workorder_return_visit"
                      + " WHERE order_id = ? ORDER BY id")) {
            ps.setLong(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                int s = rs.getInt(5);
                visits.add(
                    new FeedbackView.Visit(
                        rs.getLong(1),
                        rs.getLong(2),
                        Jdbc.instant(rs.getTimestamp(3)),
                        rs.getBoolean(4),
                        rs.wasNull() ? null : s,
                        rs.getString(6)));
              }
            }
          }
          return new FeedbackView(rating, visits, visitRequired(c, o));
        });
  }

  /** The resident's rating of their finished order, once; 409 {@code already-rated} after. */
  FeedbackView rate(long orderId, RatingInput in, Reach reach, Caller caller) {
    FieldErrors errors = new FieldErrors();
    if (in.score() == null || in.score() < 1 || in.score() > 5) {
      errors.add("score", TEXTS.text("feedback.score"));
    }
    String comment = TextRules.optionalLine(in.comment(), "comment", COMMENT_MAX, errors);
    errors.throwIfAny();
    jdbc.transaction(
        c -> {
          OrderRow o = finished(c, orderId, reach, true);
          Instant now = tenant.clock().instant();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO workorder_rating (order_id, person_id, score, comment, at)"
                      + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (order_id) DO NOTHING")) {
            ps.setLong(1, orderId);
            ps.setLong(2, caller.id());
            ps.setInt(3, in.score());
            ps.setString(4, comment);
            ps.setTimestamp(5, Timestamp.from(now));
            if (ps.executeUpdate() == 0) {
              throw TEXTS.problem(409, "already-rated", "feedback.already-rated", o.number());
            }
          }
          entry(c, o, now, "resident", caller.id(), "rate", stars(in.score(), comment));
          return null;
        });
    return of(orderId, reach);
  }

  /** A return visit by customer service, to a finished order. */
  FeedbackView visit(long orderId, VisitInput in, Reach reach, Caller caller) {
    FieldErrors errors = new FieldErrors();
    if (in.reached() == null) {
      errors.add("reached", TextRules.IS_REQUIRED);
    } else if (in.reached()
        && (in.satisfaction() == null || in.satisfaction() < 1 || in.satisfaction() > 5)) {
      errors.add("satisfaction", TEXTS.text("feedback.satisfaction"));
    } else if (!in.reached() && in.satisfaction() != null) {
      errors.add("satisfaction", TEXTS.text("feedback.unreached"));
    }
    String note = TextRules.optionalLine(in.note(), "note", NOTE_MAX, errors);
    errors.throwIfAny();
    jdbc.transaction(
        c -> {
          OrderRow o = finished(c, orderId, reach, false);
          Instant now = tenant.clock().instant();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO workorder_return_visit (order_id, user_id, at, reached,"
                      + " satisfaction, note) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, orderId);
            ps.setLong(2, caller.actorId());
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setBoolean(4, in.reached());
            ps.setObject(5, in.satisfaction(), java.sql.Types.SMALLINT);
            ps.setString(6, note);
            ps.executeUpdate();
          }
          entry(c, o, now, "staff", caller.actorId(), "visit", note);
          return null;
        });
    return of(orderId, reach);
  }

  /** The company's reply to a complaint, any time after it was reported. */
  void reply(long orderId, ReplyInput in, Reach reach, Caller caller) {
    String text = TextRules.trimToNull(in.text());
    FieldErrors errors = new FieldErrors();
    if (text == null) {
      errors.add("text", TextRules.IS_REQUIRED);
    } else if (text.codePointCount(0, text.length()) > REPLY_MAX) {
      errors.add("text", TEXTS.text("feedback.too-long", REPLY_MAX));
    }
    errors.throwIfAny();
    jdbc.transaction(
        c -> {
          OrderRow o = Orders.lockWithin(c, orderId, reach);
          if (!"complaint".equals(o.kind())) {
            throw TEXTS.problem(409, "not-a-complaint", "feedback.not-a-complaint", o.number());
          }
          entry(c, o, tenant.clock().instant(), "staff", caller.actorId(), "reply", text);
          return null;
        });
  }

  /** Whether the order's category asks for a return visit and none has reached the resident yet. */
  static boolean visitMissing(Connection c, OrderRow o) throws SQLException {
    if (!visitRequired(c, o)) {
      return false;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM workorder_return_visit WHERE order_id = ? AND reached LIMIT 1")) {
      ps.setLong(1, o.id());
      try (ResultSet rs = ps.executeQuery()) {
        return !rs.next();
      }
    }
  }

  private static boolean visitRequired(Connection c, OrderRow o) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT return_visit FROM workorder_category WHERE id = ?")) {
      ps.setLong(1, o.categoryId());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /** The order, locked, if its job is done; 409 {@code not-finished} otherwise. */
  private static OrderRow finished(Connection c, long orderId, Reach reach, boolean rating)
      throws SQLException {
    OrderRow o = Orders.lockWithin(c, orderId, reach);
    if (!FINISHED.contains(o.state())) {
      java.util.Map<String, Object> state = java.util.Map.of("state", o.state());
      throw rating
          ? TEXTS.problem(
              409, "not-finished", state, "feedback.not-finished.rate", o.number(), o.state())
          : TEXTS.problem(
              409, "not-finished", state, "feedback.not-finished.visit", o.number(), o.state());
    }
    return o;
  }

  private static String stars(int score, String comment) {
    String s = "★".repeat(score) + "☆".repeat(5 - score);
    return comment == null ? s : s + " " + comment;
  }

  private static void entry(
      Connection c,
      OrderRow o,
      Instant at,
      String actorKind,
      long actorId,
      String action,
      String note)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO workorder_event (order_id, at, actor_kind, actor_id, action, from_state,"
                + " to_state, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, o.id());
      ps.setTimestamp(2, Timestamp.from(at));
      ps.setString(3, actorKind);
      ps.setLong(4, actorId);
      ps.setString(5, action);
      ps.setString(6, o.state());
      ps.setString(7, o.state());
      ps.setString(8, note);
      ps.executeUpdate();
    }
  }
}
