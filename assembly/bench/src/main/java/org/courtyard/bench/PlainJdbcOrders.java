package org.courtyard.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The baseline of the work-orders benchmark's create throughput: what a competent engineer writes
 * for "record an order" without the platform. One transaction per order on a connection of a pool
 * as large as the client's threads: the order row (its id and number from the table's sequence in
 * the same statement, its deadlines computed in Java round the clock) and its {@code report}
 * timeline entry, with prepared statements, then commit. It reads nothing: the category's terms and
 * the room's unit, building and estate are known in memory.
 *
 * <p>The tables are the module's own: a schema {@code p_<slug>} beside each tenant's, made by the
 * very migrations the distribution ships ({@code V1__workorders.sql}, then the default categories),
 * read from the workorders bundle in the distribution's {@code system/} repository; so the baseline
 * writes through the same keys, checks, partial indexes and foreign keys as the API.
 */
final class PlainJdbcOrders {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final List<String> migrations;

  private PlainJdbcOrders(List<String> migrations) {
    this.migrations = migrations;
  }

  /** The workorders migrations of the distribution unpacked in {@code karaf}, in their order. */
  static PlainJdbcOrders fromDistribution(Path karaf) throws IOException {
    return new PlainJdbcOrders(BenchSupport.migrations(karaf, "workorders"));
  }

  /** Creates {@code schema} and runs the module's migrations in it. */
  void createSchema(Connection c, String schema) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
      s.execute("SET search_path = " + schema);
      for (String script : migrations) {
        s.execute(script);
      }
      s.execute("RESET search_path");
    }
  }

  /** One connection of the baseline's pool, writing into {@code schema}. */
  static final class Writer implements AutoCloseable {
    private final Connection c;
    private final PreparedStatement order;
    private final PreparedStatement entry;
    private final int warnPercent;

    Writer(BenchSupport.Database db, String schema, int warnPercent) throws SQLException {
      this.c = db.connect();
      this.warnPercent = warnPercent;
      try (Statement s = c.createStatement()) {
        s.execute("SET search_path = " + schema);
      }
      c.setAutoCommit(false);
      this.order =
          c.prepareStatement(
              "WITH n AS (SELECT nextval('workorder_id_seq') AS id)"
                  + " INSERT INTO workorder (id, number, kind, category_id, priority, description,"
                  + " room_id, unit_id, building_id, estate_id, reporter_kind, reporter_user_id,"
                  + " channel, contact_name, contact_phone, working_hours, response_minutes,"
                  + " resolution_minutes, response_due, response_warn_at,"
                  + " resolution_running_since, resolution_due, resolution_warn_at, created_at,"
                  + " updated_at)"
                  + " SELECT n.id, 'WO' || ? || '-' || n.id, ?, ?, ?, ?, ?, ?, ?, ?, 'staff', -1,"
                  + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM n RETURNING id");
      this.entry =
          c.prepareStatement(
              "INSERT INTO workorder_event (order_id, at, actor_kind, actor_id, action, to_state,"
                  + " note) VALUES (?, ?, 'staff', -1, 'report', 'new', ?)");
    }

    /** Records one order and its report entry in a transaction of their own. */
    void write(WorkordersFixture.Order o, long categoryId) throws SQLException {
      long nowMillis = System.currentTimeMillis();
      Timestamp now = new Timestamp(nowMillis);
      int response = o.category().response()[o.priority()];
      int resolution = o.category().resolution()[o.priority()];
      int i = 1;
      order.setString(i++, LocalDate.now(ZONE).format(DAY));
      order.setString(i++, o.category().kind());
      order.setLong(i++, categoryId);
      order.setString(i++, o.priorityCode());
      order.setString(i++, o.description());
      order.setLong(i++, o.room().id());
      order.setLong(i++, o.room().unitId());
      order.setLong(i++, o.room().buildingId());
      order.setLong(i++, o.room().estateId());
      order.setString(i++, o.channel());
      order.setString(i++, o.contactName());
      order.setString(i++, o.contactPhone());
      order.setBoolean(i++, o.category().workingHours());
      order.setInt(i++, response);
      order.setInt(i++, resolution);
      order.setTimestamp(i++, after(nowMillis, response, 100));
      order.setTimestamp(i++, after(nowMillis, response, warnPercent));
      order.setTimestamp(i++, now);
      order.setTimestamp(i++, after(nowMillis, resolution, 100));
      order.setTimestamp(i++, after(nowMillis, resolution, warnPercent));
      order.setTimestamp(i++, now);
      order.setTimestamp(i++, now);
      long id;
      try (ResultSet rs = order.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
      entry.setLong(1, id);
      entry.setTimestamp(2, now);
      entry.setString(3, o.channel());
      entry.executeUpdate();
      c.commit();
    }

    private static Timestamp after(long from, int minutes, int percent) {
      return new Timestamp(from + minutes * 60_000L * percent / 100);
    }

    @Override
    public void close() throws SQLException {
      c.close();
    }
  }

  /** The category ids of {@code schema} by code: the plain schema's own default categories. */
  static java.util.Map<String, Long> categoryIds(Connection c, String schema) throws SQLException {
    java.util.Map<String, Long> ids = new java.util.HashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement("SELECT code, id FROM " + schema + ".workorder_category");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.put(rs.getString(1), rs.getLong(2));
      }
    }
    return ids;
  }
}
