package org.courtyard.admin.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The parts of the fake work-order module around an order and the company's rules, as the module's
 * resources answer them: the materials stock per estate (create, receive at a moving-average cost,
 * stocktake corrections never below zero, movements newest first) and its use on orders (409 {@code
 * insufficient-stock} takes nothing, giving back is a movement of its own); photos and files (raw
 * bytes with {@code ?name=}, at most 9 per order, thumbnails for photos); feedback (rating, return
 * visits on finished orders, replies to complaints); the settings and the working calendar with
 * their versions. Kept apart from {@link FakeWorkOrdersArea}'s orders and catalogue, which hands it
 * the order a request names within the caller's reach.
 */
final class FakeWorkOrderExtras {

  static final String STOCK = "workorders.stock.manage";
  static final String UPLOAD = "workorders.attachment.upload";
  static final Set<String> USE_STATES = Set.of("accepted", "in_progress", "paused");
  static final Set<String> FINISHED = Set.of("done", "confirmed", "closed");
  static final Set<String> TYPES =
      Set.of("image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf", "video/mp4");
  static final Set<String> PHOTOS = Set.of("image/jpeg", "image/png", "image/gif");

  /** A tiny PNG, the fake's thumbnail of every photo. */
  static final byte[] THUMBNAIL =
      java.util.Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

  private final List<Map<String, Object>> materials = new ArrayList<>();
  private final List<Map<String, Object>> movements = new ArrayList<>();
  private final List<Map<String, Object>> uses = new ArrayList<>();
  private final List<Map<String, Object>> attachments = new ArrayList<>();
  private final Map<Long, byte[]> bytes = new LinkedHashMap<>();
  private final Map<Long, Map<String, Object>> ratings = new LinkedHashMap<>();
  private final Map<Long, List<Map<String, Object>>> visits = new LinkedHashMap<>();
  private final Map<Long, List<String>> replies = new LinkedHashMap<>();
  private final Map<Long, Boolean> visitRequired = new LinkedHashMap<>();
  private Map<String, Object> settings;
  private Map<String, Object> calendar;
  private long nextId = 1;

  FakeWorkOrderExtras() {
    clear();
  }

  void clear() {
    materials.clear();
    movements.clear();
    uses.clear();
    attachments.clear();
    bytes.clear();
    ratings.clear();
    visits.clear();
    replies.clear();
    visitRequired.clear();
    nextId = 1;
    settings = new LinkedHashMap<>();
    settings.put("timeZone", "Asia/Shanghai");
    settings.put("warnPercent", 80);
    settings.put("autoConfirmDays", 3);
    settings.put("reopenDays", 7);
    settings.put("makeupHours", null);
    settings.put("version", 0);
    calendar = new LinkedHashMap<>();
    Map<String, String> week = new TreeMap<>();
    for (int d = 1; d <= 7; d++) {
      week.put(String.valueOf(d), d <= 5 ? "08:30-12:00,13:30-17:30" : "");
    }
    calendar.put("weekdays", week);
    calendar.put("days", new ArrayList<>());
    calendar.put("version", 0);
  }

  // ------------------------------------------------------------------------------ seeding

  /** A material with stock, as if created and received through the API; answers its id. */
  long material(
      long estateId, String code, String name, String unit, String quantity, String cost) {
    Map<String, Object> m = new LinkedHashMap<>();
    long id = nextId++;
    m.put("id", id);
    m.put("estateId", estateId);
    m.put("code", code);
    m.put("name", name);
    m.put("unit", unit);
    m.put("quantity", new BigDecimal(quantity).setScale(3));
    m.put("unitCost", new BigDecimal(cost).setScale(2));
    m.put("active", true);
    m.put("updatedAt", Instant.now().toString());
    m.put("version", 0);
    materials.add(m);
    return id;
  }

  Map<String, Object> materialJson(long id) {
    return new LinkedHashMap<>(materialById(id));
  }

  /** The resident's rating of an order. */
  void rating(long orderId, int score, String comment) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("score", score);
    r.put("comment", comment);
    r.put("at", Instant.now().toString());
    ratings.put(orderId, r);
  }

  void returnVisitRequired(long orderId) {
    visitRequired.put(orderId, true);
  }

  /** A photo or file as if uploaded by staff; answers its id. */
  long attachment(long orderId, String name, String contentType, byte[] content) {
    return store(orderId, name, contentType, content, 1);
  }

  List<String> replies(long orderId) {
    return replies.getOrDefault(orderId, List.of());
  }

  List<Map<String, Object>> attachments(long orderId) {
    return attachments.stream()
        .filter(a -> ((Number) a.get("orderId")).longValue() == orderId)
        .toList();
  }

  /** Someone else saves the settings and the calendar: their versions move on. */
  void touchRules() {
    settings.put("version", (Integer) settings.get("version") + 1);
    calendar.put("version", (Integer) calendar.get("version") + 1);
  }

  Map<String, Object> settingsJson() {
    return new LinkedHashMap<>(settings);
  }

  Map<String, Object> calendarJson() {
    return new LinkedHashMap<>(calendar);
  }

  // ------------------------------------------------------------------------------ serving

  /**
   * Answers the request if it is one of these parts, else null; {@code order} finds an order in the
   * caller's reach for a permission (404 otherwise).
   */
  FakeResponse handle(
      FakeRequest r, boolean zh, BiFunction<Long, String, Map<String, Object>> order) {
    if (r.is("GET", "materials")) {
      r.require(FakeWorkOrdersArea.READ);
      List<Map<String, Object>> out = new ArrayList<>();
      for (Map<String, Object> m : materials) {
        long estate = ((Number) m.get("estateId")).longValue();
        if (!r.caller().canIn(FakeWorkOrdersArea.READ, estate)
            || !matches(r, "estateId", m)
            || !matches(r, "active", m)) {
          continue;
        }
        out.add(m);
      }
      return FakeResponse.page(out, r);
    }
    if (r.is("GET", "materials/\\d+")) {
      r.require(FakeWorkOrdersArea.READ);
      return FakeResponse.json(visibleMaterial(r, id(r, 1), FakeWorkOrdersArea.READ));
    }
    if (r.is("POST", "materials")) {
      r.require(STOCK);
      return FakeResponse.json(201, createMaterial(r, zh));
    }
    if (r.is("PUT", "materials/\\d+")) {
      r.require(STOCK);
      Map<String, Object> m = visibleMaterial(r, id(r, 1), STOCK);
      JsonNode in = r.body();
      if (!in.hasNonNull("version")
          || in.path("version").asInt() != ((Number) m.get("version")).intValue()) {
        throw new FakeProblem(
            409,
            "stale-version",
            "Stale version",
            zh ? "材料已被他人修改，请刷新后重试。" : "The material was changed by someone else; read it again.");
      }
      List<Map<String, Object>> errors = new ArrayList<>();
      for (String field : List.of("code", "name", "unit")) {
        if (in.path(field).asText("").isBlank()) {
          errors.add(error(field, zh ? "不能为空" : "is required"));
        }
      }
      if (!errors.isEmpty()) {
        throw invalid(zh, errors);
      }
      m.put("code", in.path("code").asText().strip());
      m.put("name", in.path("name").asText().strip());
      m.put("unit", in.path("unit").asText().strip());
      if (in.has("active")) {
        m.put("active", in.path("active").asBoolean());
      }
      m.put("version", ((Number) m.get("version")).intValue() + 1);
      return FakeResponse.json(m);
    }
    if (r.is("POST", "materials/\\d+/(receipts|adjustments)")) {
      r.require(STOCK);
      Map<String, Object> m = visibleMaterial(r, id(r, 1), STOCK);
      return FakeResponse.json(move(r, m, r.path().endsWith("receipts"), zh));
    }
    if (r.is("GET", "materials/\\d+/movements")) {
      r.require(FakeWorkOrdersArea.READ);
      long id = visibleMaterialId(r);
      List<Map<String, Object>> out = new ArrayList<>();
      for (int i = movements.size() - 1; i >= 0; i--) {
        if (((Number) movements.get(i).get("materialId")).longValue() == id) {
          out.add(movements.get(i));
        }
      }
      return FakeResponse.page(out, r);
    }
    if (r.is("GET", "orders/\\d+/materials")) {
      r.require(FakeWorkOrdersArea.READ);
      return FakeResponse.json(orderMaterials(order.apply(id(r, 1), FakeWorkOrdersArea.READ)));
    }
    if (r.is("POST", "orders/\\d+/materials")) {
      r.require(FakeWorkOrdersArea.WORK);
      return FakeResponse.json(201, use(r, order.apply(id(r, 1), FakeWorkOrdersArea.WORK), zh));
    }
    if (r.is("DELETE", "orders/\\d+/materials/\\d+")) {
      r.require(FakeWorkOrdersArea.WORK);
      giveBack(r, order.apply(id(r, 1), FakeWorkOrdersArea.WORK), id(r, 3), zh);
      return FakeResponse.noContent();
    }
    if (r.is("GET", "orders/\\d+/attachments")) {
      r.require(FakeWorkOrdersArea.READ);
      order.apply(id(r, 1), FakeWorkOrdersArea.READ);
      return FakeResponse.json(attachments(id(r, 1)));
    }
    if (r.is("POST", "orders/\\d+/attachments")) {
      r.require(UPLOAD);
      order.apply(id(r, 1), UPLOAD);
      return FakeResponse.json(201, upload(r, id(r, 1), zh));
    }
    if (r.is("GET", "orders/\\d+/attachments/\\d+(/thumbnail)?")) {
      r.require(FakeWorkOrdersArea.READ);
      order.apply(id(r, 1), FakeWorkOrdersArea.READ);
      Map<String, Object> a = attachmentById(id(r, 1), id(r, 3));
      boolean thumb = r.path().endsWith("thumbnail");
      if (thumb && !Boolean.TRUE.equals(a.get("thumbnail"))) {
        throw notFound("Thumbnail", id(r, 3));
      }
      return thumb
          ? new FakeResponse(200, "image/png", THUMBNAIL)
          : new FakeResponse(200, (String) a.get("contentType"), bytes.get(id(r, 3)));
    }
    if (r.is("GET", "orders/\\d+/feedback")) {
      r.require(FakeWorkOrdersArea.READ);
      order.apply(id(r, 1), FakeWorkOrdersArea.READ);
      return FakeResponse.json(feedback(id(r, 1)));
    }
    if (r.is("POST", "orders/\\d+/return-visits")) {
      r.require(FakeWorkOrdersArea.CLOSE);
      return FakeResponse.json(visit(r, order.apply(id(r, 1), FakeWorkOrdersArea.CLOSE), zh));
    }
    if (r.is("POST", "orders/\\d+/replies")) {
      r.require(FakeWorkOrdersArea.CLOSE);
      reply(r, order.apply(id(r, 1), FakeWorkOrdersArea.CLOSE), zh);
      return FakeResponse.noContent();
    }
    if (r.is("GET", "settings")) {
      r.require(FakeWorkOrdersArea.READ);
      return FakeResponse.json(settings);
    }
    if (r.is("PUT", "settings")) {
      r.require(FakeWorkOrdersArea.MANAGE);
      return FakeResponse.json(saveSettings(r, zh));
    }
    if (r.is("GET", "calendar")) {
      r.require(FakeWorkOrdersArea.READ);
      return FakeResponse.json(calendar);
    }
    if (r.is("PUT", "calendar")) {
      r.require(FakeWorkOrdersArea.MANAGE);
      return FakeResponse.json(saveCalendar(r, zh));
    }
    return null;
  }

  // ------------------------------------------------------------------------------ stock

  private Map<String, Object> createMaterial(FakeRequest r, boolean zh) {
    JsonNode in = r.body();
    List<Map<String, Object>> errors = new ArrayList<>();
    for (String field : List.of("code", "name", "unit")) {
      if (in.path(field).asText("").isBlank()) {
        errors.add(error(field, zh ? "不能为空" : "is required"));
      }
    }
    if (!in.hasNonNull("estateId")) {
      errors.add(error("estateId", zh ? "不能为空" : "is required"));
    }
    if (in.hasNonNull("unitCost") && in.path("unitCost").decimalValue().signum() < 0) {
      errors.add(error("unitCost", zh ? "不能为负数" : "must not be negative"));
    }
    if (!errors.isEmpty()) {
      throw invalid(zh, errors);
    }
    long estate = in.path("estateId").asLong();
    if (!r.caller().canIn(STOCK, estate)) {
      throw new FakeProblem(
          403, "outside-scope", "Outside your scope", "Estate " + estate + " is not yours.");
    }
    String code = in.path("code").asText().strip();
    for (Map<String, Object> m : materials) {
      if (((Number) m.get("estateId")).longValue() == estate && m.get("code").equals(code)) {
        throw new FakeProblem(
            409,
            "duplicate",
            zh ? "已存在" : "Already exists",
            zh ? "该小区已有编码为“" + code + "”的材料。" : "The estate has a material " + code + ".");
      }
    }
    long id =
        material(
            estate,
            code,
            in.path("name").asText().strip(),
            in.path("unit").asText().strip(),
            "0",
            in.hasNonNull("unitCost") ? in.path("unitCost").decimalValue().toPlainString() : "0");
    return materialById(id);
  }

  private Map<String, Object> move(
      FakeRequest r, Map<String, Object> m, boolean receipt, boolean zh) {
    JsonNode in = r.body();
    BigDecimal q = in.hasNonNull("quantity") ? in.path("quantity").decimalValue() : null;
    String note = in.hasNonNull("note") ? in.path("note").asText() : null;
    List<Map<String, Object>> errors = new ArrayList<>();
    if (q == null || (receipt ? q.signum() <= 0 : q.signum() == 0)) {
      errors.add(error("quantity", zh ? "数量无效" : receipt ? "must be above 0" : "must not be 0"));
    }
    BigDecimal cost = in.hasNonNull("unitCost") ? in.path("unitCost").decimalValue() : null;
    if (receipt && (cost == null || cost.signum() < 0)) {
      errors.add(error("unitCost", zh ? "单价无效" : "must be 0 or more"));
    }
    if (!receipt && (note == null || note.isBlank())) {
      errors.add(error("note", zh ? "请说明原因" : "say why"));
    }
    if (!errors.isEmpty()) {
      throw invalid(zh, errors);
    }
    if (receipt && !Boolean.TRUE.equals(m.get("active"))) {
      throw new FakeProblem(
          409,
          "material-inactive",
          "Material retired",
          "Material " + m.get("code") + " is retired.");
    }
    BigDecimal before = (BigDecimal) m.get("quantity");
    BigDecimal after = before.add(q).setScale(3, RoundingMode.HALF_UP);
    if (after.signum() < 0) {
      throw insufficient(m, q.negate(), zh);
    }
    if (receipt) {
      BigDecimal value = before.multiply((BigDecimal) m.get("unitCost")).add(q.multiply(cost));
      m.put("unitCost", value.divide(after, 2, RoundingMode.HALF_UP));
    }
    m.put("quantity", after);
    return movement(
        m, receipt ? "receipt" : "adjustment", q, receipt ? cost : null, null, null, r, note);
  }

  private Map<String, Object> movement(
      Map<String, Object> m,
      String kind,
      BigDecimal q,
      BigDecimal cost,
      Map<String, Object> order,
      Long returnsUseId,
      FakeRequest r,
      String note) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", nextId++);
    v.put("kind", kind);
    v.put("materialId", m.get("id"));
    v.put("at", Instant.now().toString());
    v.put("quantity", q.setScale(3, RoundingMode.HALF_UP));
    v.put("unitCost", cost);
    v.put("balance", m.get("quantity"));
    v.put("unitCostAfter", "receipt".equals(kind) ? m.get("unitCost") : null);
    v.put("orderId", order == null ? null : order.get("id"));
    v.put("orderNumber", order == null ? null : order.get("number"));
    v.put("returnsUseId", returnsUseId);
    v.put("actorKind", "staff");
    v.put("actorId", r.caller().userId());
    v.put("note", note);
    movements.add(v);
    return v;
  }

  private Map<String, Object> orderMaterials(Map<String, Object> o) {
    long orderId = ((Number) o.get("id")).longValue();
    List<Map<String, Object>> list = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO.setScale(2);
    for (Map<String, Object> u : uses) {
      if (((Number) u.get("orderId")).longValue() == orderId) {
        list.add(u);
        if (u.get("returnedAt") == null) {
          total = total.add((BigDecimal) u.get("cost"));
        }
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("orderId", orderId);
    out.put("number", o.get("number"));
    out.put("uses", list);
    out.put("totalCost", total);
    return out;
  }

  private Map<String, Object> use(FakeRequest r, Map<String, Object> o, boolean zh) {
    JsonNode in = r.body();
    BigDecimal q = in.hasNonNull("quantity") ? in.path("quantity").decimalValue() : null;
    if (!in.hasNonNull("materialId") || q == null || q.signum() <= 0) {
      throw invalid(
          zh,
          List.of(
              error(
                  q == null || q.signum() <= 0 ? "quantity" : "materialId",
                  zh ? "无效" : "is required")));
    }
    if (!USE_STATES.contains(o.get("state"))) {
      throw new FakeProblem(
          409,
          "wrong-state",
          "Wrong state",
          zh
              ? "工单 " + o.get("number") + " 当前为 " + o.get("state") + "，不能领用材料。"
              : "Work order " + o.get("number") + " is " + o.get("state") + ": no material now.",
          Map.of("state", o.get("state"), "allowedStates", List.copyOf(USE_STATES)));
    }
    long materialId = in.path("materialId").asLong();
    Map<String, Object> m =
        materials.stream()
            .filter(x -> ((Number) x.get("id")).longValue() == materialId)
            .findFirst()
            .orElseThrow(
                () ->
                    new FakeProblem(
                        422,
                        "unknown-material",
                        "Unknown material",
                        "Material " + materialId + " not found."));
    if (!m.get("estateId").equals(o.get("estateId"))) {
      throw new FakeProblem(
          422,
          "material-other-estate",
          "Material of another estate",
          "Material " + m.get("code") + " is not in the order's estate.");
    }
    if (!Boolean.TRUE.equals(m.get("active"))) {
      throw new FakeProblem(
          409,
          "material-inactive",
          "Material retired",
          "Material " + m.get("code") + " is retired.");
    }
    BigDecimal left = (BigDecimal) m.get("quantity");
    if (left.compareTo(q) < 0) {
      throw insufficient(m, q, zh);
    }
    m.put("quantity", left.subtract(q).setScale(3, RoundingMode.HALF_UP));
    BigDecimal unitCost = (BigDecimal) m.get("unitCost");
    Map<String, Object> u = new LinkedHashMap<>();
    u.put("id", nextId++);
    u.put("orderId", o.get("id"));
    u.put("materialId", m.get("id"));
    u.put("code", m.get("code"));
    u.put("name", m.get("name"));
    u.put("unit", m.get("unit"));
    u.put("quantity", q.setScale(3, RoundingMode.HALF_UP));
    u.put("unitCost", unitCost);
    u.put("cost", q.multiply(unitCost).setScale(2, RoundingMode.HALF_UP));
    u.put("actorKind", "staff");
    u.put("actorId", r.caller().userId());
    u.put("at", Instant.now().toString());
    u.put("note", in.hasNonNull("note") ? in.path("note").asText() : null);
    u.put("returnedAt", null);
    uses.add(u);
    movement(m, "use", q.negate(), unitCost, o, null, r, null);
    return u;
  }

  private void giveBack(FakeRequest r, Map<String, Object> o, long useId, boolean zh) {
    if (!FakeWorkOrdersArea.OPEN.contains(o.get("state"))) {
      throw new FakeProblem(
          409,
          "wrong-state",
          "Wrong state",
          "Work order "
              + o.get("number")
              + " is "
              + o.get("state")
              + ": nothing can be given back.");
    }
    Map<String, Object> u =
        uses.stream()
            .filter(
                x ->
                    ((Number) x.get("id")).longValue() == useId
                        && x.get("orderId").equals(o.get("id")))
            .findFirst()
            .orElseThrow(() -> notFound("Material use", useId));
    if (u.get("returnedAt") != null) {
      throw new FakeProblem(
          409,
          "already-returned",
          "Already given back",
          zh
              ? "工单 " + o.get("number") + " 的领用 " + useId + " 已退回。"
              : "Material use "
                  + useId
                  + " of work order "
                  + o.get("number")
                  + " has been given back already.");
    }
    Map<String, Object> m = materialById(((Number) u.get("materialId")).longValue());
    BigDecimal q = (BigDecimal) u.get("quantity");
    m.put("quantity", ((BigDecimal) m.get("quantity")).add(q));
    u.put("returnedAt", Instant.now().toString());
    movement(m, "return", q, (BigDecimal) u.get("unitCost"), o, useId, r, null);
  }

  private static FakeProblem insufficient(Map<String, Object> m, BigDecimal wanted, boolean zh) {
    String left = ((BigDecimal) m.get("quantity")).stripTrailingZeros().toPlainString();
    String want = wanted.stripTrailingZeros().toPlainString();
    return new FakeProblem(
        409,
        "insufficient-stock",
        zh ? "库存不足" : "Not enough in stock",
        zh
            ? m.get("name")
                + "（"
                + m.get("code")
                + "）库存仅剩 "
                + left
                + " "
                + m.get("unit")
                + "：无法领用 "
                + want
                + "。"
            : "Only "
                + left
                + " "
                + m.get("unit")
                + " of "
                + m.get("name")
                + " ("
                + m.get("code")
                + ") left in stock: "
                + want
                + " cannot be taken.");
  }

  private Map<String, Object> visibleMaterial(FakeRequest r, long id, String permission) {
    Map<String, Object> m = materialById(id);
    if (!r.caller().canIn(permission, ((Number) m.get("estateId")).longValue())) {
      throw notFound("Material", id);
    }
    return m;
  }

  private long visibleMaterialId(FakeRequest r) {
    return ((Number) visibleMaterial(r, id(r, 1), FakeWorkOrdersArea.READ).get("id")).longValue();
  }

  private Map<String, Object> materialById(long id) {
    return materials.stream()
        .filter(m -> ((Number) m.get("id")).longValue() == id)
        .findFirst()
        .orElseThrow(() -> notFound("Material", id));
  }

  // ------------------------------------------------------------------------------ files

  private Map<String, Object> upload(FakeRequest r, long orderId, boolean zh) {
    String type = r.header("content-type");
    byte[] content = r.rawBody() == null ? new byte[0] : r.rawBody();
    String sniffed = sniff(content);
    if (sniffed == null) {
      throw new FakeProblem(
          415,
          "unsupported-file-type",
          "Unsupported file type",
          zh
              ? "只接受 JPEG、PNG、GIF、WebP、PDF 和 MP4 文件。"
              : "Only JPEG, PNG, GIF, WebP, PDF and MP4 files are taken.");
    }
    if (type != null && !type.startsWith("application/octet-stream") && !type.startsWith(sniffed)) {
      throw new FakeProblem(
          415,
          "content-type-mismatch",
          "Content type mismatch",
          "The file is " + sniffed + ", not " + type + ".");
    }
    if (attachments(orderId).size() >= 9) {
      throw new FakeProblem(
          409,
          "too-many-attachments",
          zh ? "附件过多" : "Too many files",
          zh ? "此工单已有 9 个照片或附件。" : "The order has 9 photos or files already.");
    }
    String name = r.query("name");
    long id =
        store(
            orderId,
            name == null || name.isBlank() ? "file" : name,
            sniffed,
            content,
            r.caller().userId());
    return attachmentById(orderId, id);
  }

  private long store(long orderId, String name, String type, byte[] content, long by) {
    Map<String, Object> a = new LinkedHashMap<>();
    long id = nextId++;
    a.put("id", id);
    a.put("orderId", orderId);
    a.put("eventId", null);
    a.put("fileName", name);
    a.put("contentType", type);
    a.put("size", content.length);
    a.put("sha256", Integer.toHexString(java.util.Arrays.hashCode(content)));
    a.put("width", PHOTOS.contains(type) ? 1 : null);
    a.put("height", PHOTOS.contains(type) ? 1 : null);
    a.put("thumbnail", PHOTOS.contains(type));
    a.put("uploadedByKind", "staff");
    a.put("uploadedById", by);
    a.put("uploadedAt", Instant.now().toString());
    attachments.add(a);
    bytes.put(id, content);
    return id;
  }

  /** The type told by the first bytes, as the module sniffs them; null for anything else. */
  static String sniff(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
      return "image/jpeg";
    }
    if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return "image/png";
    }
    String start =
        new String(b, 0, Math.min(b.length, 12), java.nio.charset.StandardCharsets.ISO_8859_1);
    if (start.startsWith("GIF8")) {
      return "image/gif";
    }
    if (start.startsWith("%PDF-")) {
      return "application/pdf";
    }
    if (start.startsWith("RIFF") && start.length() >= 12 && start.substring(8).equals("WEBP")) {
      return "image/webp";
    }
    if (start.length() >= 8 && start.substring(4, 8).equals("ftyp")) {
      return "video/mp4";
    }
    return null;
  }

  private Map<String, Object> attachmentById(long orderId, long id) {
    return attachments.stream()
        .filter(
            a ->
                ((Number) a.get("id")).longValue() == id
                    && ((Number) a.get("orderId")).longValue() == orderId)
        .findFirst()
        .orElseThrow(() -> notFound("Attachment", id));
  }

  // ------------------------------------------------------------------------------ feedback

  private Map<String, Object> feedback(long orderId) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("rating", ratings.get(orderId));
    f.put("returnVisits", visits.getOrDefault(orderId, List.of()));
    f.put("returnVisitRequired", visitRequired.getOrDefault(orderId, false));
    return f;
  }

  private Map<String, Object> visit(FakeRequest r, Map<String, Object> o, boolean zh) {
    JsonNode in = r.body();
    List<Map<String, Object>> errors = new ArrayList<>();
    Integer satisfaction = in.hasNonNull("satisfaction") ? in.path("satisfaction").asInt() : null;
    if (!in.hasNonNull("reached")) {
      errors.add(error("reached", zh ? "不能为空" : "is required"));
    } else if (in.path("reached").asBoolean()
        && (satisfaction == null || satisfaction < 1 || satisfaction > 5)) {
      errors.add(error("satisfaction", zh ? "请给出 1 到 5 的满意度" : "1 to 5 when reached"));
    } else if (!in.path("reached").asBoolean() && satisfaction != null) {
      errors.add(error("satisfaction", zh ? "未联系上时不填满意度" : "none when not reached"));
    }
    if (!errors.isEmpty()) {
      throw invalid(zh, errors);
    }
    if (!FINISHED.contains(o.get("state"))) {
      throw new FakeProblem(
          409,
          "not-finished",
          zh ? "尚未完工" : "Not finished",
          zh
              ? "工单 " + o.get("number") + " 当前为 " + o.get("state") + "，完工后才能回访。"
              : "Work order "
                  + o.get("number")
                  + " is "
                  + o.get("state")
                  + ": a return visit follows the finished job.",
          Map.of("state", o.get("state")));
    }
    long orderId = ((Number) o.get("id")).longValue();
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", nextId++);
    v.put("userId", r.caller().userId());
    v.put("at", Instant.now().toString());
    v.put("reached", in.path("reached").asBoolean());
    v.put("satisfaction", satisfaction);
    v.put("note", in.hasNonNull("note") ? in.path("note").asText() : null);
    visits.computeIfAbsent(orderId, k -> new ArrayList<>()).add(v);
    return feedback(orderId);
  }

  private void reply(FakeRequest r, Map<String, Object> o, boolean zh) {
    JsonNode in = r.body();
    if (in.path("text").asText("").isBlank()) {
      throw invalid(zh, List.of(error("text", zh ? "不能为空" : "is required")));
    }
    if (!"complaint".equals(o.get("kind"))) {
      throw new FakeProblem(
          409,
          "not-a-complaint",
          zh ? "不是投诉" : "Not a complaint",
          zh
              ? "工单 " + o.get("number") + " 不是投诉，只有投诉需要答复。"
              : "Work order "
                  + o.get("number")
                  + " is not a complaint: replies answer complaints.");
    }
    replies
        .computeIfAbsent(((Number) o.get("id")).longValue(), k -> new ArrayList<>())
        .add(in.path("text").asText());
  }

  // ------------------------------------------------------------------------------ rules

  private Map<String, Object> saveSettings(FakeRequest r, boolean zh) {
    JsonNode in = r.body();
    stale(in, settings, zh);
    List<Map<String, Object>> errors = new ArrayList<>();
    String zone = in.path("timeZone").asText("");
    try {
      java.time.ZoneId.of(zone);
    } catch (RuntimeException e) {
      errors.add(error("timeZone", zh ? "不是有效的时区" : "not a time zone"));
    }
    range(in, "warnPercent", 1, 100, errors, zh);
    range(in, "autoConfirmDays", 0, 90, errors, zh);
    range(in, "reopenDays", 0, 365, errors, zh);
    String makeup = in.hasNonNull("makeupHours") ? in.path("makeupHours").asText() : null;
    if (makeup != null && !periods(makeup)) {
      errors.add(error("makeupHours", zh ? "时段格式如 08:30-12:00" : "periods such as 08:30-12:00"));
    }
    if (!errors.isEmpty()) {
      throw invalid(zh, errors);
    }
    settings.put("timeZone", zone);
    settings.put("warnPercent", in.path("warnPercent").asInt());
    settings.put("autoConfirmDays", in.path("autoConfirmDays").asInt());
    settings.put("reopenDays", in.path("reopenDays").asInt());
    settings.put("makeupHours", makeup);
    settings.put("version", (Integer) settings.get("version") + 1);
    return settings;
  }

  private Map<String, Object> saveCalendar(FakeRequest r, boolean zh) {
    JsonNode in = r.body();
    stale(in, calendar, zh);
    List<Map<String, Object>> errors = new ArrayList<>();
    Map<String, String> week = new TreeMap<>();
    boolean anyHours = false;
    for (int d = 1; d <= 7; d++) {
      String hours = in.path("weekdays").path(String.valueOf(d)).asText("");
      if (!hours.isEmpty() && !periods(hours)) {
        errors.add(
            error("weekdays." + d, zh ? "时段格式如 08:30-12:00" : "periods such as 08:30-12:00"));
      }
      anyHours |= !hours.isEmpty();
      week.put(String.valueOf(d), hours);
    }
    if (!anyHours && errors.isEmpty()) {
      errors.add(error("weekdays", zh ? "至少一天有工作时间" : "at least one day with hours"));
    }
    List<Map<String, Object>> days = new ArrayList<>();
    int i = 0;
    for (JsonNode day : in.path("days")) {
      String kind = day.path("kind").asText("");
      if (!Set.of("holiday", "workday").contains(kind)) {
        errors.add(
            error("days[" + i + "].kind", zh ? "应为 holiday 或 workday" : "holiday or workday"));
      }
      String hours = day.hasNonNull("hours") ? day.path("hours").asText() : null;
      if (hours != null && !periods(hours)) {
        errors.add(
            error(
                "days[" + i + "].hours", zh ? "时段格式如 08:30-12:00" : "periods such as 08:30-12:00"));
      }
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("day", day.path("day").asText());
      d.put("kind", kind);
      d.put("hours", hours);
      d.put("name", day.hasNonNull("name") ? day.path("name").asText() : null);
      days.add(d);
      i++;
    }
    if (!errors.isEmpty()) {
      throw invalid(zh, errors);
    }
    days.sort((a, b) -> a.get("day").toString().compareTo(b.get("day").toString()));
    calendar.put("weekdays", week);
    calendar.put("days", days);
    calendar.put("version", (Integer) calendar.get("version") + 1);
    return calendar;
  }

  private static void stale(JsonNode in, Map<String, Object> current, boolean zh) {
    if (!in.hasNonNull("version")
        || in.path("version").asInt() != (Integer) current.get("version")) {
      throw new FakeProblem(
          409,
          "stale-version",
          "Stale version",
          zh ? "设置已被他人修改，请刷新后重试。" : "The settings were changed by someone else; read them again.");
    }
  }

  private static void range(
      JsonNode in, String field, int min, int max, List<Map<String, Object>> errors, boolean zh) {
    if (!in.path(field).isInt() || in.path(field).asInt() < min || in.path(field).asInt() > max) {
      errors.add(error(field, (zh ? "应在 " : "from ") + min + (zh ? " 到 " : " to ") + max));
    }
  }

  /** Sorted, non-overlapping periods such as {@code 08:30-12:00,13:30-17:30}. */
  static boolean periods(String text) {
    String last = "";
    for (String p : text.split(",")) {
      if (!p.strip().matches("([01]\\d|2[0-3]):[0-5]\\d-([01]\\d|2[0-4]):[0-5]\\d")) {
        return false;
      }
      String[] ends = p.strip().split("-");
      if (ends[0].compareTo(ends[1]) >= 0 || ends[0].compareTo(last) < 0) {
        return false;
      }
      last = ends[1];
    }
    return true;
  }

  // ------------------------------------------------------------------------------ helpers

  private static boolean matches(FakeRequest r, String name, Map<String, Object> m) {
    String wanted = r.query(name);
    return wanted == null || wanted.isBlank() || wanted.equals(String.valueOf(m.get(name)));
  }

  private static FakeProblem invalid(boolean zh, List<Map<String, Object>> errors) {
    return new FakeProblem(
        422,
        "validation-failed",
        "Invalid input",
        zh ? "输入有误。" : "The input is not valid.",
        Map.of("errors", errors));
  }

  private static FakeProblem notFound(String what, long id) {
    return new FakeProblem(404, "not-found", "Not found", what + " " + id + " not found.");
  }

  private static Map<String, Object> error(String field, String message) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("field", field);
    e.put("message", message);
    return e;
  }

  private static long id(FakeRequest r, int segment) {
    return Long.parseLong(r.path().split("/")[segment]);
  }
}
