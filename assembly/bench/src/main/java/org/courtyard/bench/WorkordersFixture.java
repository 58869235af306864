package org.courtyard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tenant of the work-orders benchmark: onboarded with {@code estate} and {@code workorders}
 * through the operator API, one estate with a building of {@value #ROOMS} rooms imported through
 * the estate CSV import, a technician (a staff user granted the role {@code technician}) signed in;
 * and the orders both sides of the create comparison write, generated from their index so the API
 * and the plain-JDBC baseline write the same ones.
 */
final class WorkordersFixture {

  static final int ROOMS = 200;
  static final String PASSWORD = "Bench-workorders-2026";

  /** The default categories the orders rotate over: the ones a dispatcher assigns. */
  static final List<String> CATEGORIES =
      List.of("plumbing", "electrical", "lift", "noise", "service", "inquiry");

  private static final String[] CHANNELS = {"phone", "counter", "visit"};
  private static final String[] WHAT = {
    "Water leaking under the kitchen sink 厨房水槽下漏水",
    "Lights in the bathroom flicker 卫生间灯闪烁",
    "Lift stops between floors 电梯停在两层之间",
    "Loud music after 23:00 from upstairs 楼上深夜噪音",
    "The front desk did not answer the phone 前台电话无人接听",
    "How do I book the community hall? 如何预约活动室？"
  };

  /** A room as the orders name it; its unit, building and estate as the order row copies them. */
  record Room(long id, long unitId, long buildingId, long estateId) {}

  /** A category as an order takes it: id, kind and deadlines per priority. */
  record Category(long id, String kind, boolean workingHours, int[] response, int[] resolution) {}

  final String slug;
  final String schema;
  final String owner;
  final long estate;
  final List<Room> rooms;
  final Map<String, Category> categories;
  private final BenchHttp http;
  private String technician;
  private long technicianId;

  private WorkordersFixture(
      BenchHttp http,
      String slug,
      String owner,
      long estate,
      List<Room> rooms,
      Map<String, Category> categories) {
    this.http = http;
    this.slug = slug;
    this.schema = "t_" + slug;
    this.owner = owner;
    this.estate = estate;
    this.rooms = rooms;
    this.categories = categories;
  }

  /** Onboards {@code slug}, imports its rooms and reads its default categories. */
  static WorkordersFixture create(BenchHttp http, BenchSupport.Database db, String slug)
      throws Exception {
    JsonNode tenant =
        http.call(
            "POST",
            "/operator/tenants",
            http.operatorAuth,
            Map.of(
                "slug",
                slug,
                "name",
                "Benchmark " + slug,
                "modules",
                List.of("estate", "workorders")),
            201);
    String owner = "Bearer " + tenant.path("adminToken").asText();
    long estate =
        http.call("POST", "/estate/estates", owner, Map.of("code", "WO", "name", "Estate"), 201)
            .path("id")
            .asLong();
    long building =
        http.call(
                "POST",
                "/estate/buildings",
                owner,
                Map.of("estateId", estate, "code", "B1", "name", "Building 1"),
                201)
            .path("id")
            .asLong();
    StringBuilder csv = new StringBuilder("unit,number,floor,area,type\n");
    for (int r = 0; r < ROOMS; r++) {
      int floor = r / 4 + 1;
      csv.append("1,")
          .append(floor)
          .append(String.format(Locale.ROOT, "%02d", r % 4 + 1))
          .append(',')
          .append(floor)
          .append(",88.5,residential\n");
    }
    HttpResponse<String> imported =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(http.base + "/estate/buildings/" + building + "/rooms/import"))
                .header("Authorization", owner)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())));
    BenchHttp.expect(imported, 200, "importing the rooms of " + slug);
    List<Room> rooms = new ArrayList<>();
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT r.id, r.unit_id, r.building_id, b.estate_id FROM t_"
                    + slug
                    + ".room r JOIN t_"
                    + slug
                    + ".building b ON b.id = r.building_id ORDER BY r.id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rooms.add(new Room(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
      }
    }
    if (rooms.size() != ROOMS) {
      throw new IllegalStateException(slug + " has " + rooms.size() + " rooms, not " + ROOMS);
    }
    Map<String, Category> categories = new HashMap<>();
    for (JsonNode k : http.call("GET", "/workorders/categories", owner, null, 200)) {
      categories.put(k.path("code").asText(), category(k));
    }
    if (!categories.keySet().containsAll(CATEGORIES)) {
      throw new IllegalStateException(
          slug
              + " lacks some of the default categories "
              + CATEGORIES
              + ": "
              + categories.keySet());
    }
    return new WorkordersFixture(http, slug, owner, estate, rooms, categories);
  }

  static Category category(JsonNode k) {
    JsonNode resp = k.path("responseMinutes");
    JsonNode res = k.path("resolutionMinutes");
    return new Category(
        k.path("id").asLong(),
        k.path("kind").asText(),
        k.path("workingHours").asBoolean(),
        new int[] {
          resp.path("normal").asInt(), resp.path("urgent").asInt(), resp.path("emergency").asInt()
        },
        new int[] {
          res.path("normal").asInt(), res.path("urgent").asInt(), res.path("emergency").asInt()
        });
  }

  /** A staff user with the role technician over the whole company; returns their user id. */
  long staffUser(String username, String role) throws IOException, InterruptedException {
    JsonNode user =
        http.call(
            "POST",
            "/identity/users",
            owner,
            Map.of("username", username, "displayName", username, "password", PASSWORD),
            201);
    long id = user.path("id").asLong();
    http.call(
        "POST",
        "/identity/users/" + id + "/grants",
        owner,
        Map.of("role", role, "scope", "company", "ids", List.of()),
        201);
    return id;
  }

  /** Signs {@code username} in; waits and tries again while the sign-in gate answers 503. */
  String signIn(String username) throws IOException, InterruptedException {
    for (int attempt = 0; ; attempt++) {
      HttpResponse<String> r =
          http.request(
              "POST",
              "/auth/login",
              null,
              Map.of("tenant", slug, "username", username, "password", PASSWORD));
      if (r.statusCode() == 503 && attempt < 50) {
        Thread.sleep(200);
        continue;
      }
      BenchHttp.expect(r, 200, "signing " + username + " in to " + slug);
      return "Bearer " + BenchHttp.JSON.readTree(r.body()).path("accessToken").asText();
    }
  }

  /** The technician who works the orders the lifecycle phase finishes, created on first use. */
  String technician() throws IOException, InterruptedException {
    if (technician == null) {
      technicianId = staffUser("tech", "technician");
      technician = signIn("tech");
    }
    return technician;
  }

  long technicianId() throws IOException, InterruptedException {
    technician();
    return technicianId;
  }

  // ------------------------------------------------------------------------------ the orders

  /** The {@code i}-th order of this tenant, as staff record a resident's call or visit. */
  Order order(int i) {
    String code = CATEGORIES.get(i % CATEGORIES.size());
    int priority = i % 50 == 0 ? 2 : i % 10 == 0 ? 1 : 0;
    String channel = CHANNELS[i % CHANNELS.length];
    return new Order(
        code,
        categories.get(code),
        priority,
        WHAT[i % WHAT.length] + " #" + i,
        rooms.get(i % rooms.size()),
        channel,
        "phone".equals(channel) ? "Resident " + i : null,
        "phone".equals(channel) ? String.format(Locale.ROOT, "+86139%08d", i) : null);
  }

  /** One order's content. {@code priority}: 0 normal, 1 urgent, 2 emergency. */
  record Order(
      String categoryCode,
      Category category,
      int priority,
      String description,
      Room room,
      String channel,
      String contactName,
      String contactPhone) {

    static final String[] PRIORITIES = {"normal", "urgent", "emergency"};

    String priorityCode() {
      return PRIORITIES[priority];
    }

    /** The body of {@code POST /workorders/orders}. */
    Map<String, Object> body() {
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("categoryId", category.id());
      b.put("priority", priorityCode());
      b.put("description", description);
      b.put("roomId", room.id());
      b.put("channel", channel);
      if (contactName != null) {
        b.put("contactName", contactName);
        b.put("contactPhone", contactPhone);
      }
      return b;
    }
  }

  static long count(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
