package org.courtyard.workorders.internal.attachments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.courtyard.api.Problems;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;

/**
 * The photos and files of one tenant's work orders, in its schema ({@code workorder_attachment}).
 * Every read and write enters through the caller's {@link OrderGate}, so a file is reached only
 * through an order its caller may see. Adding one locks the order row first: uploads to one order
 * queue there, and each counts the files before it, so that ten concurrent uploads to an order
 * holding eight store exactly one and refuse nine with 409.
 */
public final class Attachments {

  private static final Texts TEXTS = Texts.of(Attachments.class);

  /** On the order itself, and on each step of its timeline. */
  public static final int MAX_PER_PLACE = 9;

  private static final String COLUMNS =
      "id, order_id, event_id, file_name, content_type, size_bytes, sha256, width, height,"
          + " thumbnail IS NOT NULL, uploaded_by_kind, uploaded_by_id, uploaded_at";

  private final Jdbc jdbc;
  private final Clock clock;

  public Attachments(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * A file's bytes (or its thumbnail's) as served.
   *
   * @param sha256 the file's hash: its thumbnail is the same picture, so it shares the tag's root
   */
  public record Content(byte[] bytes, String contentType, String fileName, String sha256) {}

  /**
   * Stores a checked upload on the order ({@code eventId} null) or on one of its steps, in the
   * first free of its nine slots.
   *
   * @throws org.courtyard.api.ProblemException 404 through the gate, 422 {@code unknown-step} for a
   *     step of another order, 403 {@code not-your-step} for a resident and a step they did not
   *     take, 409 {@code too-many-attachments} when the nine slots are taken
   */
  public AttachmentView add(
      OrderGate gate,
      long orderId,
      Long eventId,
      Upload upload,
      Thumbnails.Picture picture,
      Uploader who) {
    return jdbc.transaction(
        c -> {
          gate.enter(c, orderId, true);
          if (eventId != null) {
            checkStep(c, orderId, eventId, who);
          }
          int slot = freeSlot(c, orderId, eventId);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO workorder_attachment (order_id, event_id, slot, file_name,"
                      + " content_type, size_bytes, sha256, bytes, thumbnail, thumbnail_type,"
                      + " width, height, uploaded_by_kind, uploaded_by_id, uploaded_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING "
                      + COLUMNS)) {
            int i = 1;
            ps.setLong(i++, orderId);
            Jdbc.setLong(ps, i++, eventId);
            ps.setInt(i++, slot);
            ps.setString(i++, upload.fileName());
            ps.setString(i++, upload.type().mediaType());
            ps.setInt(i++, upload.bytes().length);
            ps.setString(i++, upload.sha256());
            ps.setBytes(i++, upload.bytes());
            ps.setBytes(i++, picture.thumbnail());
            ps.setString(i++, picture.thumbnailType());
            ps.setObject(i++, picture.width(), java.sql.Types.INTEGER);
            ps.setObject(i++, picture.height(), java.sql.Types.INTEGER);
            ps.setString(i++, who.kind());
            ps.setLong(i++, who.id());
            ps.setTimestamp(i++, Timestamp.from(clock.instant()));
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return view(rs);
            }
          }
        });
  }

  /**
   * The refusals {@link #add} would answer, found before the body is read and a thumbnail made for
   * nothing. Without the lock: {@link #add} checks again.
   */
  public void precheck(OrderGate gate, long orderId, Long eventId, Uploader who) {
    jdbc.read(
        c -> {
          gate.enter(c, orderId, false);
          if (eventId != null) {
            checkStep(c, orderId, eventId, who);
          }
          return freeSlot(c, orderId, eventId);
        });
  }

  /** The order's files, the order's own first and then by step, each in upload order. */
  public List<AttachmentView> list(OrderGate gate, long orderId) {
    return jdbc.read(
        c -> {
          gate.enter(c, orderId, false);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM workorder_attachment WHERE order_id = ?"
                      + " ORDER BY event_id NULLS FIRST, id")) {
            ps.setLong(1, orderId);
            List<AttachmentView> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(view(rs));
              }
            }
            return out;
          }
        });
  }

  /** One file of the order, without its bytes; 404 {@code not-found} when it has no such file. */
  public AttachmentView get(OrderGate gate, long orderId, long id) {
    return jdbc.read(
        c -> {
          gate.enter(c, orderId, false);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM workorder_attachment WHERE order_id = ? AND id = ?")) {
            ps.setLong(1, orderId);
            ps.setLong(2, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw Problems.notFound(TEXTS.text("label.attachment"), id);
              }
              return view(rs);
            }
          }
        });
  }

  /**
   * A file's bytes, or its thumbnail's.
   *
   * @throws org.courtyard.api.ProblemException 404 {@code not-found} when the order has no such
   *     file, or the file no thumbnail (it is not a photo the server reads)
   */
  public Content content(OrderGate gate, long orderId, long id, boolean thumbnail) {
    return jdbc.read(
        c -> {
          gate.enter(c, orderId, false);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + (thumbnail ? "thumbnail, thumbnail_type" : "bytes, content_type")
                      + ", file_name, sha256 FROM workorder_attachment"
                      + " WHERE order_id = ? AND id = ?")) {
            ps.setLong(1, orderId);
            ps.setLong(2, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw Problems.notFound(TEXTS.text("label.attachment"), id);
              }
              byte[] bytes = rs.getBytes(1);
              if (bytes == null) {
                throw Problems.notFound(TEXTS.text("label.thumbnail"), id);
              }
              return new Content(bytes, rs.getString(2), rs.getString(3), rs.getString(4));
            }
          }
        });
  }

  /** The step is of this order, and a resident took it themselves. */
  private static void checkStep(Connection c, long orderId, long eventId, Uploader who)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT actor_kind, actor_id FROM workorder_event WHERE id = ? AND order_id = ?")) {
      ps.setLong(1, eventId);
      ps.setLong(2, orderId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw TEXTS.problem(422, "unknown-step", "attachment.unknown-step", eventId, orderId);
        }
        if (who.resident()
            && !("resident".equals(rs.getString(1))
                && Long.valueOf(who.id()).equals(Jdbc.getLong(rs, "actor_id")))) {
          throw TEXTS.problem(403, "not-your-step", "attachment.not-your-step", eventId);
        }
      }
    }
  }

  /** The first free slot of the order or the step; the caller holds the order's row lock. */
  private static int freeSlot(Connection c, long orderId, Long eventId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT s FROM generate_series(1, "
                + MAX_PER_PLACE
                + ") s WHERE NOT EXISTS (SELECT 1 FROM workorder_attachment a"
                + " WHERE a.order_id = ? AND "
                + (eventId == null ? "a.event_id IS NULL" : "a.event_id = ?")
                + " AND a.slot = s) ORDER BY s LIMIT 1")) {
      ps.setLong(1, orderId);
      if (eventId != null) {
        ps.setLong(2, eventId);
      }
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return rs.getInt(1);
        }
      }
    }
    throw eventId == null
        ? TEXTS.problem(
            409, "too-many-attachments", "attachment.too-many-on-order", orderId, MAX_PER_PLACE)
        : TEXTS.problem(
            409, "too-many-attachments", "attachment.too-many-on-step", eventId, MAX_PER_PLACE);
  }

  private static AttachmentView view(ResultSet rs) throws SQLException {
    return new AttachmentView(
        rs.getLong(1),
        rs.getLong(2),
        Jdbc.getLong(rs, "event_id"),
        rs.getString(4),
        rs.getString(5),
        rs.getInt(6),
        rs.getString(7),
        (Integer) rs.getObject(8),
        (Integer) rs.getObject(9),
        rs.getBoolean(10),
        rs.getString(11),
        rs.getLong(12),
        Jdbc.instant(rs.getTimestamp(13)));
  }
}
