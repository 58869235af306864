package org.courtyard.admin.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The work-order module as the console's work-order screens use it, under {@code
 * /api/v1/workorders} (the contract in {@code notes/workorders-api.md}): the category catalogue
 * (seeded with a new tenant's defaults; create, update with version), orders (newest first, the
 * list's filters, record, read with the {@code actions} the caller may take now, timeline oldest
 * first, steps with the lifecycle table of the module's README: 409 {@code stale-version}, 409
 * {@code wrong-state} with {@code allowedNow}, 403 {@code not-yours}, 422 {@code incomplete}), the
 * dispatcher's load and the technicians. An order is in the caller's scope when its estate is. The
 * stock, photos and files, feedback, settings and calendar are {@link FakeWorkOrderExtras}'.
 * Problems are worded in Chinese for a Chinese console, as the platform's catalogues do. Every list
 * query and every body received is kept for tests ({@link #orderQueries}, {@link #lastBody}).
 */
public final class FakeWorkOrdersArea implements FakeArea {

  static final String READ = "workorders.order.read";
  static final String CREATE = "workorders.order.create";
  static final String DISPATCH = "workorders.order.dispatch";
  static final String WORK = "workorders.order.work";
  static final String CLOSE = "workorders.order.close";
  static final String MANAGE = "workorders.category.manage";

  static final List<String> STATES =
      List.of(
          "new",
          "dispatched",
          "accepted",
          "in_progress",
          "paused",
          "done",
          "confirmed",
          "closed",
          "cancelled");
  static final List<String> OPEN = STATES.subList(0, 5);
  static final Set<String> PRIORITIES = Set.of("normal", "urgent", "emergency");
  static final Set<String> CHANNELS = Set.of("phone", "counter", "visit", "inspection");
  static final Set<String> PAUSE_REASONS = Set.of("parts", "resident", "payment");
  static final Set<String> CANCEL_REASONS =
      Set.of("duplicate", "withdrawn", "not_ours", "unreachable", "other");

  /** A step of the lifecycle: the permission, the states it starts from and where it leads. */
  record Step(String permission, List<String> from, String to) {}

  /** The table of the module's README, in the order the API lists actions. */
  static final Map<String, Step> STEPS = new LinkedHashMap<>();

  static {
    STEPS.put("dispatch", new Step(DISPATCH, List.of("new"), "dispatched"));
    STEPS.put("grab", new Step(WORK, List.of("new"), "accepted"));
    STEPS.put("accept", new Step(WORK, List.of("dispatched"), "accepted"));
    STEPS.put("start", new Step(WORK, List.of("accepted"), "in_progress"));
    STEPS.put("pause", new Step(WORK, List.of("in_progress"), "paused"));
    STEPS.put("resume", new Step(WORK, List.of("paused"), "in_progress"));
    STEPS.put("complete", new Step(WORK, List.of("in_progress"), "done"));
    STEPS.put("confirm", new Step(CLOSE, List.of("done"), "confirmed"));
    STEPS.put("close", new Step(CLOSE, List.of("confirmed"), "closed"));
    STEPS.put("reopen", new Step(DISPATCH, List.of("done", "confirmed", "closed"), "dispatched"));
    STEPS.put("transfer", new Step(DISPATCH, STATES.subList(1, 5), "dispatched"));
    STEPS.put("urge", new Step(DISPATCH, OPEN, null));
    STEPS.put("cancel", new Step(DISPATCH, OPEN, "cancelled"));
  }

  /** Steps only the order's technician takes. */
  static final Set<String> ASSIGNEES_ONLY =
      Set.of("accept", "start", "pause", "resume", "complete");

  private final List<Map<String, Object>> categories = new ArrayList<>();
  private final Map<Long, List<Map<String, Object>>> charges = new HashMap<>();
  private final Map<Long, List<Map<String, Object>>> watchers = new HashMap<>();
  private final Map<Long, List<Map<String, Object>>> duty = new HashMap<>();
  private final Map<Long, List<Map<String, Object>>> notices = new HashMap<>();
  private final List<Map<String, Object>> orders = new ArrayList<>();
  private final Map<Long, List<Map<String, Object>>> timelines = new LinkedHashMap<>();
  private final Map<Long, long[]> rooms = new LinkedHashMap<>();
  private final List<Map<String, Object>> technicians = new ArrayList<>();
  private final List<Map<String, String>> orderQueries = new ArrayList<>();
  private final Map<String, JsonNode> lastBodies = new LinkedHashMap<>();
  private long nextCategory = 1;
  private long nextOrder = 1;
  private long nextEntry = 1;
  private final FakeWorkOrderExtras extras = new FakeWorkOrderExtras();

  public FakeWorkOrdersArea() {
    seedCategories();
  }

  @Override
  public String module() {
    return "workorders";
  }

  @Override
  public List<String> permissions() {
    return List.of(
        READ,
        CREATE,
        DISPATCH,
        WORK,
        CLOSE,
        MANAGE,
        "workorders.technician.manage",
        FakeWorkOrderExtras.STOCK,
        FakeWorkOrderExtras.UPLOAD);
  }

  @Override
  public Map<String, List<String>> roles() {
    return Map.of(
        "dispatcher",
        List.of(
            READ,
            CREATE,
            DISPATCH,
            CLOSE,
            FakeWorkOrderExtras.UPLOAD,
            "estate.*.read",
            "identity.tenant.read"),
        "technician",
        List.of(READ, WORK, FakeWorkOrderExtras.UPLOAD, "identity.tenant.read"));
  }

  // ------------------------------------------------------------------------------ seeding

  /** Back to the defaults: the seeded categories, no orders, technicians or recorded requests. */
  public synchronized void clear() {
    categories.clear();
    charges.clear();
    watchers.clear();
    duty.clear();
    notices.clear();
    orders.clear();
    timelines.clear();
    rooms.clear();
    technicians.clear();
    orderQueries.clear();
    lastBodies.clear();
    nextCategory = 1;
    nextOrder = 1;
    extras.clear();
    seedCategories();
  }

  /** Every alarm kind, water leaks opening plumbing orders as a new company's do. */
  private void seedAlarmRules() {
    alarmRules.clear();
    for (String kind : ALARM_KINDS) {
      Map<String, Object> rule = new LinkedHashMap<>();
      rule.put("kind", kind);
      rule.put("categoryId", "water_leak".equals(kind) ? categoryId("plumbing") : null);
      rule.put("priority", "water_leak".equals(kind) ? "urgent" : null);
      rule.put("enabled", "water_leak".equals(kind));
      rule.put("version", 0);
      alarmRules.put(kind, rule);
    }
  }

  /** The alarm kinds security records, in the platform's order. */
  static final List<String> ALARM_KINDS =
      List.of(
          "water_leak",
          "door_forced",
          "door_held_open",
          "smoke",
          "tamper",
          "low_battery",
          "sensor_fault",
          "device_offline");

  private final Map<String, Map<String, Object>> alarmRules = new LinkedHashMap<>();

  private void seedCategories() {
    category("cleaning", "Cleaning", "保洁", "repair", "assign");
    category("complaint", "Complaint", "投诉", "complaint", "assign");
    category("electrical", "Electrical", "电路", "repair", "assign");
    category("inquiry", "Inquiry", "咨询", "inquiry", "assign");
    category("lift", "Lift", "电梯", "repair", "assign");
    category("noise", "Noise", "噪音", "complaint", "assign");
    category("other-repair", "Other repair", "其他维修", "repair", "grab");
    category("plumbing", "Plumbing", "水管", "repair", "assign");
    category("praise", "Praise", "表扬", "praise", "assign");
    seedAlarmRules();
  }

  /** A category as if created through the API; answers its id. */
  public synchronized long category(
      String code, String nameEn, String nameZh, String kind, String dispatchMode) {
    Map<String, Object> c = new LinkedHashMap<>();
    long id = nextCategory++;
    c.put("id", id);
    c.put("code", code);
    c.put("nameEn", nameEn);
    c.put("nameZh", nameZh);
    c.put("kind", kind);
    c.put("dispatchMode", dispatchMode);
    c.put("paid", false);
    c.put("priceMin", null);
    c.put("priceMax", null);
    c.put("returnVisit", false);
    c.put("skill", null);
    c.put("workingHours", true);
    c.put("active", true);
    c.put("version", 0);
    c.put("responseMinutes", minutes(30, 15, 5));
    c.put("resolutionMinutes", minutes(480, 240, 120));
    categories.add(c);
    return id;
  }

  public synchronized long categoryId(String code) {
    return ((Number) categoryByCode(code).get("id")).longValue();
  }

  /** The category as stored (what the API would answer). */
  public synchronized Map<String, Object> categoryJson(long id) {
    return new LinkedHashMap<>(categoryById(id));
  }

  /** A message in the order's delivery log, as a step of the platform would have logged it. */
  public synchronized void notice(long orderId, String action, String role, long to, String state) {
    Map<String, Object> n = new LinkedHashMap<>();
    List<Map<String, Object>> list = notices.computeIfAbsent(orderId, k -> new ArrayList<>());
    n.put("id", (long) list.size() + 1);
    n.put("action", action);
    n.put("recipientKind", "reporter".equals(role) ? "resident" : "staff");
    n.put("recipientId", to);
    n.put("role", role);
    n.put("addressKind", "email");
    n.put("address", "te***@example.com");
    n.put("state", state);
    n.put("channel", "log");
    n.put("detail", "refused".equals(state) ? "THROTTLED: enough messages" : null);
    n.put("createdAt", Instant.now().toString());
    n.put("updatedAt", Instant.now().toString());
    list.add(n);
  }

  /** Makes a category a paid one, charged within the range. */
  public synchronized void paid(long id, String min, String max) {
    Map<String, Object> c = categoryById(id);
    c.put("paid", true);
    c.put("priceMin", new java.math.BigDecimal(min));
    c.put("priceMax", new java.math.BigDecimal(max));
  }

  /** Someone else changes the category: its version moves on. */
  public synchronized void touchCategory(long id) {
    Map<String, Object> c = categoryById(id);
    c.put("version", ((Number) c.get("version")).longValue() + 1);
  }

  /** A room of the estate module, so an order recorded for it knows its estate and building. */
  public synchronized void room(long roomId, long estateId, long buildingId) {
    rooms.put(roomId, new long[] {estateId, buildingId});
  }

  private Map<String, Object> technicianById(long userId) {
    return technicians.stream()
        .filter(t -> ((Number) t.get("userId")).longValue() == userId)
        .findFirst()
        .orElseThrow(
            () ->
                new FakeProblem(
                    404,
                    "technician-not-found",
                    "Technician not found",
                    "There is no staff user " + userId + "."));
  }

  /** The shifts last saved for a technician, as sent. */
  public synchronized List<Map<String, Object>> shifts(long userId) {
    return List.copyOf(duty.getOrDefault(userId, List.of()));
  }

  /** The technician as stored. */
  public synchronized Map<String, Object> technicianJson(long userId) {
    return new LinkedHashMap<>(technicianById(userId));
  }

  /** A technician with skills and teams ({@code teamId → name}). */
  public synchronized void technician(
      long userId, List<String> skills, Map<Long, String> teams, boolean onDuty) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("userId", userId);
    t.put("displayName", "Technician " + userId);
    t.put("skills", skills);
    t.put("areas", List.of());
    List<Map<String, Object>> ts = new ArrayList<>();
    teams.forEach((id, name) -> ts.add(Map.of("id", id, "name", name)));
    t.put("teams", ts);
    t.put("openOrders", 0);
    t.put("onDutyNow", onDuty);
    technicians.add(t);
  }

  /**
   * An order as if recorded and moved along already: in an estate's public place, created at {@code
   * at}; answers its id.
   */
  public synchronized long order(
      String categoryCode, String priority, String state, long estateId, String place, Instant at) {
    Map<String, Object> o = newOrder(categoryById(categoryId(categoryCode)), priority, at);
    o.put("estateId", estateId);
    o.put("place", place);
    o.put("state", state);
    o.put("channel", "phone");
    o.put("reporterKind", "staff");
    orders.add(o);
    entry(((Number) o.get("id")).longValue(), "staff", "1", "report", null, "new", null, null);
    return ((Number) o.get("id")).longValue();
  }

  /** Sets fields of an order as they are (assignee, overdue, deadlines) without a step. */
  /**
   * Records a charge of the order as billing left it: {@code state} refused or void_refused with
   * billing's reason, as the platform's queue does when billing refuses for good.
   */
  public synchronized void charge(long orderId, String amount, String state, String note) {
    List<Map<String, Object>> held = charges.computeIfAbsent(orderId, k -> new ArrayList<>());
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("seq", held.size());
    c.put("amount", new java.math.BigDecimal(amount).setScale(2));
    c.put("state", state);
    c.put("billId", null);
    c.put("paid", null);
    c.put("billStatus", null);
    c.put("note", note);
    c.put("createdAt", Instant.now().toString());
    held.add(c);
  }

  public synchronized void set(long id, String field, Object value) {
    orderById(id).put(field, value);
  }

  /** Someone else moved the order on: its state and version change. */
  public synchronized void touch(long id, String state) {
    Map<String, Object> o = orderById(id);
    o.put("state", state);
    o.put("version", ((Number) o.get("version")).longValue() + 1);
  }

  public synchronized Map<String, Object> orderJson(long id) {
    return new LinkedHashMap<>(orderById(id));
  }

  public synchronized int orderCount() {
    return orders.size();
  }

  /** The query parameters of every {@code GET /orders}, oldest first. */
  public synchronized List<Map<String, String>> orderQueries() {
    return new ArrayList<>(orderQueries);
  }

  /**
   * The last body received by {@code "POST orders"}, {@code "POST dispatch"}, {@code "PUT
   * categories"}...
   */
  public synchronized JsonNode lastBody(String key) {
    return lastBodies.get(key);
  }

  /** A material of the estate's stores with stock; answers its id. */
  public synchronized long material(
      long estateId, String code, String name, String unit, String quantity, String unitCost) {
    return extras.material(estateId, code, name, unit, quantity, unitCost);
  }

  /** The material as stored (its stock and unit cost). */
  public synchronized Map<String, Object> materialJson(long id) {
    return extras.materialJson(id);
  }

  /** The resident rated the order. */
  public synchronized void rating(long orderId, int score, String comment) {
    extras.rating(orderId, score, comment);
  }

  /** The order's category asks for a reached return visit before closing. */
  public synchronized void returnVisitRequired(long orderId) {
    extras.returnVisitRequired(orderId);
  }

  /** A photo or file on the order; answers its id. */
  public synchronized long attachment(
      long orderId, String name, String contentType, byte[] content) {
    return extras.attachment(orderId, name, contentType, content);
  }

  /** The order's photos and files as the API lists them. */
  public synchronized List<Map<String, Object>> attachments(long orderId) {
    return extras.attachments(orderId);
  }

  /** The replies sent to a complaint, oldest first. */
  public synchronized List<String> replies(long orderId) {
    return extras.replies(orderId);
  }

  /** Someone else saved the settings and the calendar. */
  public synchronized void touchRules() {
    extras.touchRules();
  }

  public synchronized Map<String, Object> settingsJson() {
    return extras.settingsJson();
  }

  public synchronized Map<String, Object> calendarJson() {
    return extras.calendarJson();
  }

  // ------------------------------------------------------------------------------ serving

  @Override
  public synchronized FakeResponse handle(FakeRequest r) {
    boolean zh = FakeLanguages.chinese(r.header("accept-language"));
    FakeResponse extra = extras.handle(r, zh, (id, permission) -> reach(r, id, permission));
    if (extra != null) {
      return extra;
    }
    if (r.is("GET", "alarm-rules")) {
      r.require(READ);
      return FakeResponse.json(new ArrayList<>(alarmRules.values()));
    }
    if (r.is("PUT", "alarm-rules/[a-z_]+")) {
      r.require(MANAGE);
      Map<String, Object> rule = alarmRules.get(r.path().split("/")[1]);
      if (rule == null) {
        throw new FakeProblem(
            404,
            "not-found",
            "Not found",
            "There is no alarm kind " + r.path().split("/")[1] + ".");
      }
      JsonNode in = r.body();
      lastBodies.put("PUT alarm-rules", in);
      if (in.path("version").asInt(0) != ((Number) rule.get("version")).intValue()) {
        throw stale(zh, "alarm rule");
      }
      Map<String, Object> k =
          categories.stream()
              .filter(c -> ((Number) c.get("id")).longValue() == in.path("categoryId").asLong(-1))
              .findFirst()
              .orElse(null);
      if (k == null || !"repair".equals(k.get("kind"))) {
        throw new FakeProblem(
            422,
            k == null ? "unknown-category" : "validation-failed",
            "Unknown category",
            "There is no active repair category " + in.path("categoryId").asText() + ".");
      }
      rule.put("categoryId", k.get("id"));
      rule.put("priority", in.path("priority").asText("urgent"));
      rule.put("enabled", !in.hasNonNull("enabled") || in.path("enabled").asBoolean());
      rule.put("version", ((Number) rule.get("version")).intValue() + 1);
      return FakeResponse.json(rule);
    }
    if (r.is("GET", "categories")) {
      r.require(READ);
      String active = r.query("active");
      List<Map<String, Object>> out = new ArrayList<>();
      for (Map<String, Object> c : categories) {
        if (active == null || active.isBlank() || c.get("active").toString().equals(active)) {
          out.add(c);
        }
      }
      out.sort((a, b) -> a.get("code").toString().compareTo(b.get("code").toString()));
      return FakeResponse.json(out);
    }
    if (r.is("GET", "categories/\\d+")) {
      r.require(READ);
      return FakeResponse.json(categoryById(idAt(r, 1)));
    }
    if (r.is("POST", "categories")) {
      r.require(MANAGE);
      JsonNode in = r.body();
      lastBodies.put("POST categories", in);
      checkCategory(in, null, zh);
      long id = category(in.path("code").asText(), "", "", "repair", "assign");
      Map<String, Object> c = categoryById(id);
      takeCategory(c, in);
      return FakeResponse.json(201, c);
    }
    if (r.is("PUT", "categories/\\d+")) {
      r.require(MANAGE);
      Map<String, Object> c = categoryById(idAt(r, 1));
      JsonNode in = r.body();
      lastBodies.put("PUT categories", in);
      if (!in.hasNonNull("version")
          || in.path("version").asLong() != ((Number) c.get("version")).longValue()) {
        throw stale(zh, "category");
      }
      checkCategory(in, c, zh);
      takeCategory(c, in);
      c.put("version", ((Number) c.get("version")).longValue() + 1);
      return FakeResponse.json(c);
    }
    if (r.is("GET", "orders")) {
      r.require(READ);
      orderQueries.add(new TreeMap<>(r.query()));
      return FakeResponse.page(list(r), r);
    }
    if (r.is("POST", "orders")) {
      r.require(CREATE);
      lastBodies.put("POST orders", r.body());
      return FakeResponse.json(201, withActions(create(r, zh), r.caller()));
    }
    if (r.is("GET", "orders/\\d+")) {
      r.require(READ);
      return FakeResponse.json(withActions(visible(r, idAt(r, 1)), r.caller()));
    }
    if (r.is("GET", "orders/\\d+/timeline")) {
      r.require(READ);
      visible(r, idAt(r, 1));
      return FakeResponse.json(timelines.getOrDefault(idAt(r, 1), List.of()));
    }
    if (r.is("GET", "orders/\\d+/watchers")) {
      r.require(READ);
      visible(r, idAt(r, 1));
      return FakeResponse.json(watchers.getOrDefault(idAt(r, 1), List.of()));
    }
    if (r.is("PUT", "orders/\\d+/watchers/\\d+")) {
      r.require(DISPATCH);
      visible(r, idAt(r, 1));
      long user = idAt(r, 3);
      List<Map<String, Object>> list = watchers.computeIfAbsent(idAt(r, 1), k -> new ArrayList<>());
      if (list.stream().noneMatch(w -> ((Number) w.get("userId")).longValue() == user)) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("userId", user);
        w.put("displayName", "User " + user);
        w.put("addedBy", r.caller().userId());
        w.put("addedAt", Instant.now().toString());
        list.add(w);
      }
      return FakeResponse.noContent();
    }
    if (r.is("DELETE", "orders/\\d+/watchers/\\d+")) {
      r.require(DISPATCH);
      visible(r, idAt(r, 1));
      long user = idAt(r, 3);
      if (!watchers
          .getOrDefault(idAt(r, 1), new ArrayList<>())
          .removeIf(w -> ((Number) w.get("userId")).longValue() == user)) {
        throw new FakeProblem(404, "not-found", "Not found", "Watcher " + user + " not found.");
      }
      return FakeResponse.noContent();
    }
    if (r.is("GET", "orders/\\d+/notices")) {
      r.require(READ);
      visible(r, idAt(r, 1));
      return FakeResponse.json(notices.getOrDefault(idAt(r, 1), List.of()));
    }
    if (r.is("POST", "orders/\\d+/charges/\\d+/retry")) {
      r.require(CLOSE);
      visible(r, idAt(r, 1));
      int seq = Integer.parseInt(r.path().split("/")[3]);
      Map<String, Object> c =
          charges.getOrDefault(idAt(r, 1), List.of()).stream()
              .filter(h -> ((Number) h.get("seq")).intValue() == seq)
              .findFirst()
              .orElseThrow(
                  () ->
                      new FakeProblem(
                          404, "not-found", "Not found", "The order holds no charge " + seq + "."));
      if (!Set.of("refused", "void_refused").contains(c.get("state"))) {
        throw new FakeProblem(
            409,
            "charge-not-refused",
            "Charge not refused",
            "Charge " + seq + " is " + c.get("state") + ".");
      }
      c.put("state", "refused".equals(c.get("state")) ? "posted" : "voided");
      return FakeResponse.json(charges.get(idAt(r, 1)));
    }
    if (r.is("GET", "orders/\\d+/charges")) {
      r.require(READ);
      visible(r, idAt(r, 1));
      return FakeResponse.json(charges.getOrDefault(idAt(r, 1), List.of()));
    }
    if (r.is("POST", "orders/\\d+/[a-z_]+")) {
      String action = r.path().split("/")[2];
      Step step = STEPS.get(action);
      if (step == null) {
        return null;
      }
      r.require(step.permission());
      lastBodies.put("POST " + action, r.body());
      return FakeResponse.json(withActions(act(r, visible(r, idAt(r, 1)), action, zh), r.caller()));
    }
    if (r.is("GET", "load")) {
      r.require(READ);
      return FakeResponse.json(load());
    }
    if (r.is("GET", "technicians")) {
      r.require(READ);
      return FakeResponse.json(technicians);
    }
    if (r.is("PUT", "technicians/\\d+")) {
      r.require("workorders.technician.manage");
      Map<String, Object> t = technicianById(idAt(r, 1));
      JsonNode in = r.body();
      lastBodies.put("PUT technicians", in);
      List<String> skills = new ArrayList<>();
      in.path("skills").forEach(k -> skills.add(k.asText()));
      for (int i = 0; i < skills.size(); i++) {
        if (!skills.get(i).matches("[a-z][a-z0-9-]{0,31}")) {
          throw new FakeProblem(
              422,
              "validation-failed",
              "Invalid input",
              "skills[" + i + "] is not a skill code.",
              Map.of(
                  "errors",
                  List.of(Map.of("field", "skills[" + i + "]", "message", "not a skill code"))));
        }
      }
      List<Map<String, Object>> areas = new ArrayList<>();
      in.path("areas")
          .forEach(
              a -> {
                Map<String, Object> area = new LinkedHashMap<>();
                area.put("estateId", a.path("estateId").asLong());
                area.put(
                    "buildingId",
                    a.hasNonNull("buildingId") ? a.path("buildingId").asLong() : null);
                areas.add(area);
              });
      t.put("skills", skills);
      t.put("areas", areas);
      return FakeResponse.json(t);
    }
    if (r.is("GET", "technicians/\\d+/duty")) {
      r.require(READ);
      technicianById(idAt(r, 1));
      java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("userId", idAt(r, 1));
      d.put("from", today.toString());
      d.put("to", today.plusDays(6).toString());
      d.put("timeZone", "Asia/Shanghai");
      d.put("shifts", duty.getOrDefault(idAt(r, 1), List.of()));
      return FakeResponse.json(d);
    }
    if (r.is("PUT", "technicians/\\d+/duty")) {
      r.require("workorders.technician.manage");
      technicianById(idAt(r, 1));
      lastBodies.put("PUT duty", r.body());
      List<Map<String, Object>> shifts = new ArrayList<>();
      r.body()
          .path("shifts")
          .forEach(
              x -> {
                Map<String, Object> shift = new LinkedHashMap<>();
                shift.put("day", x.path("day").asText());
                shift.put("from", x.path("from").asText());
                shift.put("to", x.path("to").asText());
                shifts.add(shift);
              });
      duty.put(idAt(r, 1), shifts);
      return FakeResponse.json(Map.of("userId", idAt(r, 1), "shifts", shifts));
    }
    return null;
  }

  private List<Map<String, Object>> list(FakeRequest r) {
    Set<String> states = new java.util.HashSet<>();
    String state = r.query("state");
    if (state != null && !state.isBlank()) {
      for (String s : state.split(",")) {
        if (!STATES.contains(s.strip())) {
          throw new FakeProblem(
              400,
              "invalid-parameter",
              "Invalid parameter",
              "state must be a list of " + STATES + ".");
        }
        states.add(s.strip());
      }
    }
    String priority = r.query("priority");
    if (priority != null && !priority.isBlank() && !PRIORITIES.contains(priority)) {
      throw new FakeProblem(
          400, "invalid-parameter", "Invalid parameter", "priority must be one of " + PRIORITIES);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> o : newestFirst()) {
      if (!r.caller().canIn(READ, ((Number) o.get("estateId")).longValue())) {
        continue;
      }
      if (!states.isEmpty() && !states.contains(o.get("state"))) {
        continue;
      }
      if (!matches(r, "categoryId", o)
          || !matches(r, "priority", o)
          || !matches(r, "estateId", o)
          || !matches(r, "buildingId", o)
          || !matches(r, "roomId", o)
          || !matches(r, "assigneeUserId", o)
          || !matches(r, "assigneeTeamId", o)) {
        continue;
      }
      if ("true".equals(r.query("overdue")) && !Boolean.TRUE.equals(o.get("overdue"))) {
        continue;
      }
      String q = r.query("q");
      if (q != null
          && !q.isBlank()
          && !(o.get("number") + " " + o.get("description")).contains(q)) {
        continue;
      }
      out.add(o);
    }
    return out;
  }

  private static boolean matches(FakeRequest r, String name, Map<String, Object> o) {
    String wanted = r.query(name);
    return wanted == null || wanted.isBlank() || wanted.equals(String.valueOf(o.get(name)));
  }

  private List<Map<String, Object>> newestFirst() {
    List<Map<String, Object>> all = new ArrayList<>(orders);
    all.sort(
        (a, b) -> {
          int c = b.get("createdAt").toString().compareTo(a.get("createdAt").toString());
          return c != 0 ? c : Long.compare((Long) b.get("id"), (Long) a.get("id"));
        });
    return all;
  }

  private Map<String, Object> create(FakeRequest r, boolean zh) {
    JsonNode in = r.body();
    List<Map<String, Object>> errors = new ArrayList<>();
    Map<String, Object> category = null;
    if (!in.hasNonNull("categoryId")) {
      errors.add(error("categoryId", zh ? "必填" : "is required"));
    } else {
      category =
          categories.stream()
              .filter(c -> ((Number) c.get("id")).longValue() == in.path("categoryId").asLong())
              .findFirst()
              .orElse(null);
      if (category == null) {
        errors.add(error("categoryId", zh ? "没有此类别" : "no such category"));
      }
    }
    if (in.path("description").asText("").isBlank()) {
      errors.add(error("description", zh ? "必填" : "is required"));
    }
    String priority = in.path("priority").asText("normal");
    if (!PRIORITIES.contains(priority)) {
      errors.add(error("priority", "must be one of " + PRIORITIES));
    }
    String channel = in.path("channel").asText("");
    if (!CHANNELS.contains(channel)) {
      errors.add(error("channel", "must be one of " + CHANNELS));
    }
    long estateId = 0;
    Long buildingId = null;
    if (in.hasNonNull("roomId")) {
      long[] where = rooms.get(in.path("roomId").asLong());
      if (where == null) {
        errors.add(error("roomId", zh ? "没有此房间" : "no such room"));
      } else {
        estateId = where[0];
        buildingId = where[1];
      }
    } else if (!in.hasNonNull("estateId") || in.path("place").asText("").isBlank()) {
      errors.add(error("place", zh ? "请给出房间，或小区及位置" : "give a room, or an estate and the place"));
    } else {
      estateId = in.path("estateId").asLong();
      buildingId = in.hasNonNull("buildingId") ? in.path("buildingId").asLong() : null;
    }
    if (!errors.isEmpty()) {
      throw new FakeProblem(
          422,
          "validation-failed",
          "Invalid input",
          zh ? "工单信息不完整。" : "The order is not complete.",
          Map.of("errors", errors));
    }
    if (!r.caller().canIn(CREATE, estateId)) {
      throw new FakeProblem(
          403, "outside-scope", "Outside your scope", "Estate " + estateId + " is not yours.");
    }
    Map<String, Object> o = newOrder(category, priority, Instant.now());
    o.put("estateId", estateId);
    o.put("buildingId", buildingId);
    o.put("roomId", in.hasNonNull("roomId") ? in.path("roomId").asLong() : null);
    o.put("roomLabel", in.hasNonNull("roomId") ? "Room " + in.path("roomId").asLong() : null);
    o.put("place", in.hasNonNull("roomId") ? null : in.path("place").asText());
    o.put("description", in.path("description").asText());
    o.put("channel", channel);
    o.put("reporterKind", "inspection".equals(channel) ? "inspection" : "staff");
    o.put("reporterUserId", r.caller().userId());
    o.put("contactName", in.hasNonNull("contactName") ? in.path("contactName").asText() : null);
    o.put("contactPhone", in.hasNonNull("contactPhone") ? in.path("contactPhone").asText() : null);
    orders.add(o);
    long id = (Long) o.get("id");
    entry(id, "staff", String.valueOf(r.caller().userId()), "report", null, "new", null, null);
    return o;
  }

  private Map<String, Object> newOrder(Map<String, Object> category, String priority, Instant at) {
    Map<String, Object> o = new LinkedHashMap<>();
    long id = nextOrder++;
    o.put("id", id);
    o.put("number", String.format("WO-%05d", id));
    o.put("kind", category.get("kind"));
    o.put("categoryId", category.get("id"));
    o.put("priority", priority);
    o.put("state", "new");
    o.put("description", "Order " + id);
    o.put("roomId", null);
    o.put("unitId", null);
    o.put("buildingId", null);
    o.put("estateId", null);
    o.put("place", null);
    o.put("roomLabel", null);
    o.put("reporterKind", "staff");
    o.put("reporterPersonId", null);
    o.put("reporterUserId", null);
    o.put("reporterDeviceId", null);
    o.put("channel", "phone");
    o.put("contactName", null);
    o.put("contactPhone", null);
    o.put("assigneeUserId", null);
    o.put("assigneeTeamId", null);
    o.put("pauseReason", null);
    o.put("cancelReason", null);
    o.put("doneAt", null);
    o.put("reopenCount", 0);
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("minutes", 30);
    response.put("due", at.plusSeconds(1800).toString());
    response.put("warnAt", at.plusSeconds(1440).toString());
    response.put("metAt", null);
    response.put("state", "on_time");
    o.put("response", response);
    Map<String, Object> resolution = new LinkedHashMap<>();
    resolution.put("minutes", 480);
    resolution.put("due", at.plusSeconds(8 * 3600).toString());
    resolution.put("warnAt", at.plusSeconds(6 * 3600 + 1440).toString());
    resolution.put("metAt", null);
    resolution.put("state", "on_time");
    resolution.put("usedMinutes", 0);
    resolution.put("pausedMinutes", 0);
    o.put("resolution", resolution);
    o.put("overdue", false);
    o.put("autoConfirmAt", null);
    o.put("reopenUntil", null);
    o.put("createdAt", at.toString());
    o.put("updatedAt", at.toString());
    o.put("version", 0L);
    return o;
  }

  private Map<String, Object> visible(FakeRequest r, long id) {
    Map<String, Object> o = orderById(id);
    if (!r.caller().canIn(READ, ((Number) o.get("estateId")).longValue())) {
      throw new FakeProblem(404, "not-found", "Not found", "Work order " + id + " not found.");
    }
    return o;
  }

  /** The order if the caller holds the permission for its estate; 404 as for a missing one. */
  private Map<String, Object> reach(FakeRequest r, long id, String permission) {
    Map<String, Object> o = orderById(id);
    if (!r.caller().canIn(permission, ((Number) o.get("estateId")).longValue())) {
      throw new FakeProblem(404, "not-found", "Not found", "Work order " + id + " not found.");
    }
    return o;
  }

  /** The order with the actions this caller may take on it now. */
  private Map<String, Object> withActions(Map<String, Object> o, FakeRequest.Caller caller) {
    Map<String, Object> shown = new LinkedHashMap<>(o);
    shown.put("actions", allowed(o, caller));
    return shown;
  }

  static List<String> allowedFrom(String state) {
    List<String> out = new ArrayList<>();
    STEPS.forEach(
        (action, step) -> {
          if (step.from().contains(state)) {
            out.add(action);
          }
        });
    return out;
  }

  private static List<String> allowed(Map<String, Object> o, FakeRequest.Caller caller) {
    List<String> out = new ArrayList<>();
    for (String action : allowedFrom((String) o.get("state"))) {
      Step step = STEPS.get(action);
      if (!caller.canIn(step.permission(), ((Number) o.get("estateId")).longValue())) {
        continue;
      }
      if (ASSIGNEES_ONLY.contains(action) && !mine(o, caller)) {
        continue;
      }
      out.add(action);
    }
    return out;
  }

  /**
   * What the platform says of a step's charge: only completing takes one; a paid category's order
   * of a room needs one within the price range unless it holds one already.
   */
  private String chargeError(
      Map<String, Object> o, String action, java.math.BigDecimal charge, boolean zh) {
    if (!"complete".equals(action)) {
      return charge == null
          ? null
          : zh ? "只有完成有偿维修时才填写费用。" : "A charge is given only when completing.";
    }
    Map<String, Object> k = categoryById(((Number) o.get("categoryId")).longValue());
    boolean paid = Boolean.TRUE.equals(k.get("paid")) && o.get("roomId") != null;
    if (!paid) {
      return charge == null ? null : zh ? "该工单不收费。" : "This order is free of charge.";
    }
    boolean held =
        charges.getOrDefault(((Number) o.get("id")).longValue(), List.of()).stream()
            .anyMatch(c -> List.of("pending", "posted", "void_refused").contains(c.get("state")));
    if (held) {
      return charge == null ? null : zh ? "该工单已有费用。" : "This order holds a charge already.";
    }
    java.math.BigDecimal min = (java.math.BigDecimal) k.get("priceMin");
    java.math.BigDecimal max = (java.math.BigDecimal) k.get("priceMax");
    if (charge == null || charge.compareTo(min) < 0 || charge.compareTo(max) > 0) {
      return zh
          ? "费用须在 " + min + " 至 " + max + " 之间。"
          : "The charge is between " + min + " and " + max + ".";
    }
    return null;
  }

  private static boolean mine(Map<String, Object> o, FakeRequest.Caller caller) {
    Object assignee = o.get("assigneeUserId");
    return assignee != null && ((Number) assignee).longValue() == caller.userId();
  }

  private Map<String, Object> act(FakeRequest r, Map<String, Object> o, String action, boolean zh) {
    JsonNode in = r.body();
    long id = (Long) o.get("id");
    if (in.hasNonNull("version")
        && in.path("version").asLong() != ((Number) o.get("version")).longValue()) {
      throw stale(zh, "order");
    }
    Step step = STEPS.get(action);
    String state = (String) o.get("state");
    if (!step.from().contains(state)) {
      List<String> now = allowed(o, r.caller());
      throw new FakeProblem(
          409,
          "wrong-state",
          "Wrong state",
          zh
              ? "工单 " + o.get("number") + " 当前状态不能" + action + "。"
              : "Work order "
                  + o.get("number")
                  + " is "
                  + state
                  + ": it cannot be "
                  + action
                  + "ed now.",
          Map.of("allowedNow", now, "state", state));
    }
    if (ASSIGNEES_ONLY.contains(action) && !mine(o, r.caller())) {
      throw new FakeProblem(
          403,
          "not-yours",
          "Not yours",
          zh ? "这不是您的工单。" : "Work order " + o.get("number") + " is assigned to someone else.");
    }
    String note = in.hasNonNull("note") ? in.path("note").asText() : null;
    String reason = in.hasNonNull("reason") ? in.path("reason").asText() : null;
    Long user = in.hasNonNull("assigneeUserId") ? in.path("assigneeUserId").asLong() : null;
    Long team = in.hasNonNull("assigneeTeamId") ? in.path("assigneeTeamId").asLong() : null;
    String missing = null;
    if (Set.of("dispatch", "transfer").contains(action) && (user == null) == (team == null)) {
      missing = zh ? "请指定一名维修人员或一个班组。" : "Name one technician or one team.";
    } else if (Set.of("complete", "reopen", "transfer", "confirm").contains(action)
        && (note == null || note.isBlank())) {
      missing = zh ? "此操作需要备注。" : "This step needs a note.";
    } else if ("pause".equals(action) && !PAUSE_REASONS.contains(reason)) {
      missing = zh ? "请给出暂停原因。" : "A pause needs a reason: " + PAUSE_REASONS + ".";
    } else if ("cancel".equals(action) && !CANCEL_REASONS.contains(reason)) {
      missing = zh ? "请给出取消原因。" : "A cancellation needs a reason: " + CANCEL_REASONS + ".";
    }
    if (missing != null) {
      throw new FakeProblem(422, "incomplete", "Incomplete", missing);
    }
    java.math.BigDecimal charge = in.hasNonNull("charge") ? in.path("charge").decimalValue() : null;
    String chargeError = chargeError(o, action, charge, zh);
    if (chargeError != null) {
      throw new FakeProblem(
          422,
          "validation-failed",
          "Invalid input",
          chargeError,
          Map.of("errors", List.of(Map.of("field", "charge", "message", chargeError))));
    }
    if (charge != null) {
      Map<String, Object> c = new LinkedHashMap<>();
      List<Map<String, Object>> held = charges.computeIfAbsent(id, k -> new ArrayList<>());
      c.put("seq", held.size());
      c.put("amount", charge.setScale(2));
      c.put("state", "posted");
      c.put("billId", 9000L + id * 10 + held.size());
      c.put("paid", java.math.BigDecimal.ZERO.setScale(2));
      c.put("billStatus", "open");
      c.put("note", null);
      c.put("createdAt", Instant.now().toString());
      held.add(c);
    }
    if ("cancel".equals(action)) {
      for (Map<String, Object> c : charges.getOrDefault(id, List.of())) {
        if ("posted".equals(c.get("state"))) {
          c.put("state", "voided");
          c.put("billStatus", "cancelled");
        }
      }
    }
    String from = state;
    if (Set.of("dispatch", "transfer").contains(action)) {
      o.put("assigneeUserId", user);
      o.put("assigneeTeamId", team);
    }
    if ("grab".equals(action)) {
      o.put("assigneeUserId", r.caller().userId());
    }
    if ("pause".equals(action)) {
      o.put("pauseReason", reason);
    }
    if ("cancel".equals(action)) {
      o.put("cancelReason", reason);
    }
    if ("reopen".equals(action)) {
      o.put("reopenCount", ((Number) o.get("reopenCount")).intValue() + 1);
    }
    if (step.to() != null) {
      o.put("state", step.to());
    }
    o.put("version", ((Number) o.get("version")).longValue() + 1);
    o.put("updatedAt", Instant.now().toString());
    Map<String, Object> e =
        entry(
            id,
            "staff",
            String.valueOf(r.caller().userId()),
            action,
            from,
            (String) o.get("state"),
            note,
            reason);
    e.put("assigneeUserId", user);
    e.put("assigneeTeamId", team);
    return o;
  }

  private Map<String, Object> entry(
      long orderId,
      String actorKind,
      String actorId,
      String action,
      String from,
      String to,
      String note,
      String reason) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("id", nextEntry++);
    e.put("at", Instant.now().toString());
    e.put("actorKind", actorKind);
    e.put("actorId", actorId);
    e.put("action", action);
    e.put("from", from);
    e.put("to", to);
    e.put("note", note);
    e.put("reason", reason);
    e.put("assigneeUserId", null);
    e.put("assigneeTeamId", null);
    timelines.computeIfAbsent(orderId, k -> new ArrayList<>()).add(e);
    return e;
  }

  private List<Map<String, Object>> load() {
    Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
    for (Map<String, Object> o : orders) {
      String state = (String) o.get("state");
      if (!OPEN.contains(state) || "new".equals(state)) {
        continue;
      }
      Object user = o.get("assigneeUserId");
      Object team = o.get("assigneeTeamId");
      String key = user != null ? "u" + user : "t" + team;
      Map<String, Object> row =
          rows.computeIfAbsent(
              key,
              k -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("userId", user);
                m.put("teamId", user == null ? team : null);
                m.put("open", 0);
                m.put("accepted", 0);
                m.put("inProgress", 0);
                m.put("paused", 0);
                m.put("overdue", 0);
                return m;
              });
      add(row, "open");
      switch (state) {
        case "accepted" -> add(row, "accepted");
        case "in_progress" -> add(row, "inProgress");
        case "paused" -> add(row, "paused");
        default -> {}
      }
      if (Boolean.TRUE.equals(o.get("overdue"))) {
        add(row, "overdue");
      }
    }
    return new ArrayList<>(rows.values());
  }

  private static void add(Map<String, Object> row, String key) {
    row.put(key, (Integer) row.get(key) + 1);
  }

  private void checkCategory(JsonNode in, Map<String, Object> editing, boolean zh) {
    List<Map<String, Object>> errors = new ArrayList<>();
    String code = in.path("code").asText("");
    if (!code.matches("[a-z0-9][a-z0-9-]{0,39}")) {
      errors.add(error("code", zh ? "只能包含小写字母、数字和短横线" : "lower-case letters, digits and '-' only"));
    }
    for (String clock : List.of("responseMinutes", "resolutionMinutes")) {
      for (String p : List.of("normal", "urgent", "emergency")) {
        if (in.path(clock).path(p).asInt(0) < 1) {
          errors.add(error(clock + "." + p, zh ? "至少 1 分钟" : "at least 1 minute"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new FakeProblem(
          422,
          "validation-failed",
          "Invalid input",
          zh ? "类别信息有误。" : "The category is not valid.",
          Map.of("errors", errors));
    }
    for (Map<String, Object> c : categories) {
      if (c != editing && c.get("code").equals(code)) {
        throw new FakeProblem(
            409,
            "duplicate",
            "Already exists",
            zh ? "已有编码为“" + code + "”的类别。" : "A category with code '" + code + "' exists.");
      }
    }
  }

  private static void takeCategory(Map<String, Object> c, JsonNode in) {
    c.put("code", in.path("code").asText());
    c.put("nameEn", in.path("nameEn").asText(""));
    c.put("nameZh", in.path("nameZh").asText(""));
    c.put("kind", in.path("kind").asText("repair"));
    c.put("dispatchMode", in.path("dispatchMode").asText("assign"));
    c.put("paid", in.path("paid").asBoolean(false));
    c.put("priceMin", in.hasNonNull("priceMin") ? in.path("priceMin").decimalValue() : null);
    c.put("priceMax", in.hasNonNull("priceMax") ? in.path("priceMax").decimalValue() : null);
    c.put("returnVisit", in.path("returnVisit").asBoolean(false));
    c.put("skill", in.hasNonNull("skill") ? in.path("skill").asText() : null);
    c.put("workingHours", in.path("workingHours").asBoolean(true));
    c.put("active", in.path("active").asBoolean(true));
    for (String clock : List.of("responseMinutes", "resolutionMinutes")) {
      JsonNode m = in.path(clock);
      c.put(
          clock,
          minutes(m.path("normal").asInt(), m.path("urgent").asInt(), m.path("emergency").asInt()));
    }
  }

  private static Map<String, Object> minutes(int normal, int urgent, int emergency) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("normal", normal);
    m.put("urgent", urgent);
    m.put("emergency", emergency);
    return m;
  }

  private static FakeProblem stale(boolean zh, String what) {
    return new FakeProblem(
        409,
        "stale-version",
        "Stale version",
        zh
            ? "此" + ("order".equals(what) ? "工单" : "类别") + "已被他人修改，请刷新后重试。"
            : "The " + what + " was changed by someone else; read it again.");
  }

  private static Map<String, Object> error(String field, String message) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("field", field);
    e.put("message", message);
    return e;
  }

  private static long idAt(FakeRequest r, int segment) {
    return Long.parseLong(r.path().split("/")[segment]);
  }

  private Map<String, Object> categoryById(long id) {
    return categories.stream()
        .filter(c -> ((Number) c.get("id")).longValue() == id)
        .findFirst()
        .orElseThrow(
            () -> new FakeProblem(404, "not-found", "Not found", "Category " + id + " not found."));
  }

  private Map<String, Object> categoryByCode(String code) {
    return categories.stream()
        .filter(c -> c.get("code").equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no category " + code));
  }

  private Map<String, Object> orderById(long id) {
    return orders.stream()
        .filter(o -> ((Number) o.get("id")).longValue() == id)
        .findFirst()
        .orElseThrow(
            () ->
                new FakeProblem(404, "not-found", "Not found", "Work order " + id + " not found."));
  }
}
