package org.courtyard.workorders.internal.notices;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.api.Problems;
import org.courtyard.api.ResidentContacts;
import org.courtyard.api.StaffDirectory;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.DataScope;
import org.courtyard.messaging.Address;
import org.courtyard.messaging.Delivery;
import org.courtyard.messaging.Message;
import org.courtyard.messaging.Messages;
import org.courtyard.messaging.Sending;
import org.courtyard.workorders.internal.attachments.OrderGate;
import org.courtyard.workorders.internal.dto.OrderView;
import org.courtyard.workorders.internal.lifecycle.Action;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is told of an order's steps, and what became of each message. After a step commits, the
 * people it concerns are told through the platform's message channels: the assignee (or the team's
 * members) of what is theirs to do (dispatched, transferred, urged, reopened, cancelled), the
 * resident who reported it and the order's watchers of its progress. Whoever took the step is not
 * told of it. Each message is one row of the order's delivery log, written before it is handed over
 * and updated when the channel answers, so the log shows a message that never left as well as one
 * delivered. Messages are written in Simplified Chinese with the English beneath, as no one's
 * language preference is stored yet.
 */
public final class Notices {

  private static final Logger LOG = LoggerFactory.getLogger(Notices.class);
  private static final Texts TEXTS = Texts.of(Notices.class);

  /**
   * The purpose messages are counted under by the channels' per-recipient limits: one per role, so
   * that a resident's updates never use up what their technician may be sent.
   */
  private static String purpose(String role) {
    return "workorder-" + role;
  }

  private static final Set<Action> TO_ASSIGNEE =
      Set.of(
          Action.DISPATCH,
          Action.TRANSFER,
          Action.URGE,
          Action.REOPEN,
          Action.CANCEL,
          Action.CONFIRM,
          Action.CLOSE);
  private static final Set<Action> TO_REPORTER =
      Set.of(
          Action.GRAB,
          Action.ACCEPT,
          Action.START,
          Action.PAUSE,
          Action.RESUME,
          Action.COMPLETE,
          Action.CONFIRM,
          Action.CLOSE,
          Action.REOPEN,
          Action.CANCEL);
  private static final Set<Action> TO_WATCHERS =
      Set.of(
          Action.DISPATCH,
          Action.GRAB,
          Action.ACCEPT,
          Action.START,
          Action.PAUSE,
          Action.RESUME,
          Action.COMPLETE,
          Action.CONFIRM,
          Action.CLOSE,
          Action.REOPEN,
          Action.CANCEL,
          Action.TRANSFER,
          Action.URGE);

  /** The platform's services a message needs; any may be absent (null). */
  public record Ports(
      Messages messages,
      StaffDirectory staff,
      ResidentContacts residents,
      org.courtyard.api.PreferredLanguages languages) {}

  private final Jdbc jdbc;
  private final Clock clock;

  public Notices(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  // ---------------------------------------------------------------------------------- watchers

  public List<WatcherView> watchers(
      long orderId, OrderGate gate, StaffDirectory staff, TenantSlug tenant) {
    List<WatcherView> rows =
        jdbc.read(
            c -> {
              gate.enter(c, orderId, false);
              List<WatcherView> out = new ArrayList<>();
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT user_id, added_by, added_at FROM workorder_watcher"
                          + " WHERE order_id = ? ORDER BY added_at, user_id")) {
                ps.setLong(1, orderId);
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    out.add(
                        new WatcherView(
                            rs.getLong(1),
                            null,
                            Jdbc.getLong(rs, "added_by"),
                            rs.getTimestamp(3).toInstant()));
                  }
                }
              }
              return out;
            });
    if (rows.isEmpty() || staff == null) {
      return rows;
    }
    Map<Long, StaffDirectory.Contact> names =
        staff.contacts(tenant, rows.stream().map(WatcherView::userId).toList());
    return rows.stream()
        .map(
            w ->
                new WatcherView(
                    w.userId(),
                    Optional.ofNullable(names.get(w.userId()))
                        .map(StaffDirectory.Contact::displayName)
                        .orElse(null),
                    w.addedBy(),
                    w.addedAt()))
        .toList();
  }

  /**
   * Adds a watcher who may read orders within {@code reads}; adding one twice keeps the first.
   *
   * @return false, adding nothing, when the order is outside {@code reads}
   */
  public boolean watch(long orderId, long userId, Long addedBy, OrderGate gate, DataScope reads) {
    return jdbc.transaction(
        c -> {
          gate.enter(c, orderId, true);
          if (!covers(c, orderId, reads)) {
            return false;
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO workorder_watcher (order_id, user_id, added_by, added_at)"
                      + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setLong(1, orderId);
            ps.setLong(2, userId);
            Jdbc.setLong(ps, 3, addedBy);
            ps.setTimestamp(4, Timestamp.from(clock.instant()));
            ps.executeUpdate();
          }
          return true;
        });
  }

  private static boolean covers(Connection c, long orderId, DataScope scope) throws SQLException {
    if (scope.isAll()) {
      return true;
    }
    try (PreparedStatement ps =
        c.prepareStatement("SELECT estate_id, building_id FROM workorder WHERE id = ?")) {
      ps.setLong(1, orderId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && scope.covers(rs.getLong(1), Jdbc.getLong(rs, "building_id"));
      }
    }
  }

  /** Removes a watcher; 404 when the user does not watch the order. */
  public void unwatch(long orderId, long userId, OrderGate gate) {
    jdbc.transaction(
        c -> {
          gate.enter(c, orderId, true);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM workorder_watcher WHERE order_id = ? AND user_id = ?")) {
            ps.setLong(1, orderId);
            ps.setLong(2, userId);
            if (ps.executeUpdate() == 0) {
              throw Problems.notFound(TEXTS.text("label.watcher"), userId);
            }
          }
          return null;
        });
  }

  // ---------------------------------------------------------------------------------- the log

  /** The order's delivery log, oldest first. */
  public List<NoticeView> log(long orderId, OrderGate gate) {
    return jdbc.read(
        c -> {
          gate.enter(c, orderId, false);
          List<NoticeView> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, action, recipient_kind, recipient_id, role, address_kind,"
                      + " address_masked, state, channel, detail, created_at, updated_at"
                      + " FROM workorder_notice WHERE order_id = ? ORDER BY id")) {
            ps.setLong(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new NoticeView(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getTimestamp(11).toInstant(),
                        rs.getTimestamp(12).toInstant()));
              }
            }
          }
          return out;
        });
  }

  // ---------------------------------------------------------------------------------- telling

  /**
   * Tells the people {@code action} on {@code order} concerns, but not {@code actor} itself.
   *
   * @param actor who took the step, as a recipient would be named; null for the system
   * @return the messages logged
   */
  public int tell(
      TenantSlug tenant,
      OrderView order,
      Action action,
      String note,
      Recipient actor,
      Ports ports) {
    List<Recipient> recipients = recipients(order, action);
    recipients.removeIf(
        r -> actor != null && r.kind().equals(actor.kind()) && r.id() == actor.id());
    if (recipients.isEmpty()) {
      return 0;
    }
    Map<Long, StaffDirectory.Contact> staff =
        ports.staff() == null
            ? Map.of()
            : ports
                .staff()
                .contacts(
                    tenant,
                    recipients.stream()
                        .filter(r -> Recipient.STAFF.equals(r.kind()))
                        .map(Recipient::id)
                        .toList());
    Map<Long, Locale> staffLanguages = Map.of();
    Map<Long, Locale> residentLanguages = Map.of();
    if (ports.languages() != null) {
      try {
        staffLanguages = ports.languages().ofStaff(tenant, ids(recipients, Recipient.STAFF));
        residentLanguages =
            ports.languages().ofResidents(tenant, ids(recipients, Recipient.RESIDENT));
      } catch (RuntimeException e) {
        // the step is told all the same, in both languages
        LOG.warn("Tenant {}: the recipients' languages could not be read", tenant, e);
      }
    }
    int logged = 0;
    for (Recipient r : recipients) {
      if ("watcher".equals(r.role()) && !mayRead(tenant, r.id(), order, ports.staff())) {
        // their grants changed since they were added: the log says why they were not told
        long row = insert(order.id(), action, r, null);
        logged++;
        update(row, "refused", null, TEXTS.text("notice.cannot-read").in(Locale.ENGLISH));
        continue;
      }
      Optional<Address> to = address(tenant, r, staff, ports.residents());
      long row = insert(order.id(), action, r, to.orElse(null));
      logged++;
      if (to.isEmpty()) {
        continue;
      }
      if (ports.messages() == null) {
        update(row, "refused", null, TEXTS.text("notice.no-messaging").in(Locale.ENGLISH));
        continue;
      }
      Sending sending;
      try {
        Locale language =
            (Recipient.STAFF.equals(r.kind()) ? staffLanguages : residentLanguages).get(r.id());
        sending =
            ports
                .messages()
                .send(message(tenant, order, action, note, to.get(), r.role(), language));
      } catch (RuntimeException e) {
        LOG.warn("Tenant {}: order {} message to {} not sent", tenant, order.number(), r, e);
        update(row, "failed", null, e.getClass().getSimpleName());
        continue;
      }
      if (!sending.isAccepted()) {
        update(row, "refused", null, sending.refusal() + ": " + sending.detail());
        continue;
      }
      sending
          .delivery()
          .whenComplete(
              (d, failure) -> {
                // runs on messaging's thread, whose future nobody reads: say what went wrong here
                try {
                  if (failure != null) {
                    update(row, "failed", null, failure.getClass().getSimpleName());
                  } else {
                    update(row, state(d.status()), d.channel(), d.detail());
                  }
                } catch (RuntimeException e) {
                  LOG.warn(
                      "Tenant {}: order {}: the delivery of notice {} was not recorded",
                      tenant,
                      order.number(),
                      row,
                      e);
                }
              });
    }
    return logged;
  }

  /** Who a step concerns, each once: the assignee (or team), the reporter, the watchers. */
  List<Recipient> recipients(OrderView order, Action action) {
    Map<String, Recipient> out = new LinkedHashMap<>();
    if (TO_ASSIGNEE.contains(action)) {
      if (order.assigneeUserId() != null) {
        add(out, Recipient.staff(order.assigneeUserId(), "assignee"));
      } else if (order.assigneeTeamId() != null) {
        for (long member : teamMembers(order.assigneeTeamId())) {
          add(out, Recipient.staff(member, "assignee"));
        }
      }
    }
    // a technician or team taken off the order by a transfer is told too
    if (action == Action.TRANSFER) {
      for (long previous : previousAssignees(order.id())) {
        add(out, Recipient.staff(previous, "assignee"));
      }
    }
    // the resident who reported it, in the app or through staff on their behalf
    if (TO_REPORTER.contains(action) && order.reporterPersonId() != null) {
      add(out, Recipient.resident(order.reporterPersonId()));
    }
    if (TO_WATCHERS.contains(action)) {
      for (long watcher : watcherIds(order.id())) {
        add(out, Recipient.staff(watcher, "watcher"));
      }
    }
    return new ArrayList<>(out.values());
  }

  private static void add(Map<String, Recipient> out, Recipient r) {
    out.putIfAbsent(r.kind() + ":" + r.id(), r);
  }

  private List<Long> teamMembers(long teamId) {
    return ids(
        "SELECT user_id FROM workorder_team_member WHERE team_id = ? ORDER BY user_id", teamId);
  }

  /**
   * Whom the order was given to before its last transfer: the user, or the team's members, of the
   * timeline's entry before the latest one that named an assignee.
   */
  private List<Long> previousAssignees(long orderId) {
    return jdbc.read(
        c -> {
          Long user = null;
          Long team = null;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT assignee_user_id, assignee_team_id FROM workorder_event"
                      + " WHERE order_id = ? AND (assignee_user_id IS NOT NULL"
                      + " OR assignee_team_id IS NOT NULL) ORDER BY id DESC OFFSET 1 LIMIT 1")) {
            ps.setLong(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                user = Jdbc.getLong(rs, "assignee_user_id");
                team = Jdbc.getLong(rs, "assignee_team_id");
              }
            }
          }
          if (user != null) {
            return List.of(user);
          }
          return team == null ? List.<Long>of() : teamMembers(team);
        });
  }

  private List<Long> watcherIds(long orderId) {
    return ids(
        "SELECT user_id FROM workorder_watcher WHERE order_id = ? ORDER BY user_id", orderId);
  }

  private List<Long> ids(String sql, long key) {
    return jdbc.read(
        c -> {
          List<Long> out = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(rs.getLong(1));
              }
            }
          }
          return out;
        });
  }

  /** The person's e-mail address when they have one, else their phone number. */
  private static Optional<Address> address(
      TenantSlug tenant,
      Recipient r,
      Map<Long, StaffDirectory.Contact> staff,
      ResidentContacts residents) {
    String email;
    String phone;
    if (Recipient.STAFF.equals(r.kind())) {
      StaffDirectory.Contact c = staff.get(r.id());
      if (c == null) {
        return Optional.empty();
      }
      email = c.email();
      phone = c.phone();
    } else {
      Optional<ResidentContacts.Contact> c =
          residents == null ? Optional.empty() : residents.contact(tenant, r.id());
      if (c.isEmpty()) {
        return Optional.empty();
      }
      email = c.get().email();
      phone = c.get().phone();
    }
    if (email != null && !email.isBlank()) {
      return Optional.of(Address.email(email));
    }
    if (phone != null && !phone.isBlank()) {
      return Optional.of(Address.phone(phone));
    }
    return Optional.empty();
  }

  /**
   * The message, with the order, the step and its note: in the recipient's chosen language, or,
   * while they chose none ({@code language} null), in Chinese and then English.
   */
  static Message message(
      TenantSlug tenant,
      OrderView order,
      Action action,
      String note,
      Address to,
      String role,
      Locale language) {
    Locale zh = Locale.SIMPLIFIED_CHINESE;
    Locale en = Locale.ENGLISH;
    Locale first = language == null ? zh : language;
    org.courtyard.api.Text word = word(action);
    String subject = TEXTS.text("notice.subject", order.number(), word.in(first)).in(first);
    StringBuilder text = new StringBuilder();
    for (Locale l : language == null ? List.of(zh, en) : List.of(language)) {
      if (!text.isEmpty()) {
        text.append("\n\n---\n\n");
      }
      text.append(
          TEXTS
              .text("notice.body", order.number(), word.in(l), order.state(), order.description())
              .in(l));
      if (note != null && !note.isBlank()) {
        text.append('\n').append(TEXTS.text("notice.note", note).in(l));
      }
    }
    return Message.text(tenant, to, purpose(role), first, subject, text.toString());
  }

  /** Whether a staff user holds the order's read permission where the order is. */
  private static boolean mayRead(
      TenantSlug tenant, long userId, OrderView order, StaffDirectory staff) {
    if (staff == null) {
      return false;
    }
    return staff
        .scopeOf(tenant, userId, "workorders.order.read")
        .map(s -> s.covers(order.estateId(), order.buildingId()))
        .orElse(false);
  }

  private static List<Long> ids(List<Recipient> recipients, String kind) {
    return recipients.stream().filter(r -> kind.equals(r.kind())).map(Recipient::id).toList();
  }

  private static org.courtyard.api.Text word(Action action) {
    return switch (action) {
      case DISPATCH -> TEXTS.text("notice.action.dispatch");
      case GRAB -> TEXTS.text("notice.action.grab");
      case ACCEPT -> TEXTS.text("notice.action.accept");
      case START -> TEXTS.text("notice.action.start");
      case PAUSE -> TEXTS.text("notice.action.pause");
      case RESUME -> TEXTS.text("notice.action.resume");
      case COMPLETE -> TEXTS.text("notice.action.complete");
      case CONFIRM -> TEXTS.text("notice.action.confirm");
      case CLOSE -> TEXTS.text("notice.action.close");
      case REOPEN -> TEXTS.text("notice.action.reopen");
      case CANCEL -> TEXTS.text("notice.action.cancel");
      case TRANSFER -> TEXTS.text("notice.action.transfer");
      case URGE -> TEXTS.text("notice.action.urge");
    };
  }

  private static String state(Delivery.Status status) {
    return switch (status) {
      case DELIVERED -> "delivered";
      case UNCONFIRMED -> "unconfirmed";
      case PERMANENT_FAILURE, TRANSIENT_FAILURE -> "failed";
    };
  }

  private long insert(long orderId, Action action, Recipient r, Address to) {
    return jdbc.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO workorder_notice (order_id, action, recipient_kind, recipient_id,"
                      + " role, address_kind, address_masked, state, created_at, updated_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            Timestamp now = Timestamp.from(clock.instant());
            ps.setLong(1, orderId);
            ps.setString(2, action.code());
            ps.setString(3, r.kind());
            ps.setLong(4, r.id());
            ps.setString(5, r.role());
            ps.setString(6, to == null ? null : to.kind());
            ps.setString(7, to == null ? null : clip(to.masked(), 200));
            ps.setString(8, to == null ? "no-address" : "queued");
            ps.setTimestamp(9, now);
            ps.setTimestamp(10, now);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  private void update(long row, String state, String channel, String detail) {
    try {
      jdbc.transaction(
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "UPDATE workorder_notice SET state = ?, channel = ?, detail = ?,"
                        + " updated_at = ? WHERE id = ?")) {
              ps.setString(1, state);
              ps.setString(2, channel == null ? null : clip(channel, 64));
              ps.setString(3, detail == null ? null : clip(masked(detail), 500));
              ps.setTimestamp(4, Timestamp.from(clock.instant()));
              ps.setLong(5, row);
              ps.executeUpdate();
            }
            return null;
          });
    } catch (RuntimeException e) {
      LOG.warn("The delivery log row {} keeps its state: {}", row, e.toString());
    }
  }

  private static final Pattern EMAILS =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
  private static final Pattern PHONES = Pattern.compile("\\+?[0-9][0-9 -]{9,}[0-9]");

  /**
   * A channel's answer as the log may show it: the e-mail addresses and phone numbers it names (a
   * mail server's reply often quotes the recipient) masked as the addresses are.
   */
  static String masked(String detail) {
    String out =
        EMAILS
            .matcher(detail)
            .replaceAll(m -> Matcher.quoteReplacement(Address.email(m.group()).masked()));
    return PHONES
        .matcher(out)
        .replaceAll(m -> Matcher.quoteReplacement(Address.phone(m.group()).masked()));
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
