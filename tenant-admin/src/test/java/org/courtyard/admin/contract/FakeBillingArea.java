package org.courtyard.admin.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The billing module of the fake tenant API ({@code /api/v1/billing/...}) as the property console's
 * billing screens use it: bills (filters roomId, period, status; scoped by estate), payments and
 * refunds with the Idempotency-Key rules (a repeated key and body answers the stored answer, a
 * repeated key with another body 422 idempotency-key-reused), receipts and statements as HTML, and
 * billing runs that advance one step each time they are read. Paths, JSON shapes, status codes and
 * problem types follow the platform's billing resources; {@code BillingContract} checks both.
 */
public final class FakeBillingArea implements FakeArea {

  public static final List<String> PERMISSIONS =
      List.of(
          "billing.settings.read",
          "billing.settings.manage",
          "billing.fee-item.read",
          "billing.fee-item.manage",
          "billing.charge.create",
          "billing.run.read",
          "billing.run.start",
          "billing.bill.read",
          "billing.payment.read",
          "billing.payment.create",
          "billing.refund.create",
          "billing.statement.read",
          "billing.arrears.read",
          "billing.statistics.read",
          "billing.ledger.read",
          "billing.ledger.reverse",
          "billing.meter.read",
          "billing.meter.create",
          "billing.reading.read",
          "billing.reading.create",
          "billing.reading.import");

  static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");
  static final String CURRENCY = "CNY";
  private static final List<String> PAYMENT_METHODS = List.of("cash", "bank", "wechat", "alipay");
  private static final List<String> REFUND_METHODS = List.of("cash", "bank");

  /** A room billing knows, in an estate and a building (for data scopes). */
  public record Room(long id, long estateId, long buildingId, String label) {}

  private static final class Bill {
    long id;
    Room room;
    String period;
    String kind;
    BigDecimal total;
    BigDecimal paid = BigDecimal.ZERO.setScale(2);
    String status = "open";
    LocalDate dueDate;
    Instant createdAt = Instant.now();
    List<Map<String, Object>> lines = new ArrayList<>();

    BigDecimal outstanding() {
      return "cancelled".equals(status) ? BigDecimal.ZERO.setScale(2) : total.subtract(paid);
    }
  }

  private static final class Run {
    long id;
    String period;
    String status = "queued";
    List<Room> rooms;
    int roomsDone;
    int billsCreated;
    String error;
    Instant postedAt = Instant.now();
    Instant startedAt;
    Instant finishedAt;
  }

  /** An idempotent request's stored answer. */
  private record Stored(String endpoint, JsonNode body, FakeResponse answer) {}

  private final Map<Long, Room> rooms = new TreeMap<>();
  private final Map<Long, Bill> bills = new TreeMap<>();
  private final Map<Long, Map<String, Object>> payments = new TreeMap<>();
  private final Map<Long, Map<String, Object>> refunds = new TreeMap<>();
  private final Map<Long, BigDecimal> prepayments = new TreeMap<>();
  private final Map<String, Stored> keys = new LinkedHashMap<>();
  private final Map<Long, Run> runs = new TreeMap<>();
  private final Map<Long, List<Long>> persons = new TreeMap<>();
  private final Map<String, String> failingPeriods = new TreeMap<>();
  private final Map<Long, Map<String, Object>> feeItems = new TreeMap<>();
  private long nextFeeItem = 1;
  private final Map<Long, Map<String, Object>> meters = new TreeMap<>();
  private final Map<Long, List<Map<String, Object>>> readings = new TreeMap<>();
  private long nextMeter = 1;
  private long nextReading = 1;
  private long nextBill = 1;
  private long nextPayment = 1;
  private long nextRefund = 1;
  private long nextRun = 1;
  private int runStep = 1;
  private boolean loseNextAnswer;

  public FakeBillingArea() {
    room(101, 1, 11, "Sunny Garden 1-101");
    room(102, 1, 11, "Sunny Garden 1-102");
    room(201, 2, 21, "Lake View 2-201");
    room(301, 3, 31, "Hill Court 3-301");
    person(7, 101L, 102L);
  }

  @Override
  public String module() {
    return "billing";
  }

  @Override
  public List<String> permissions() {
    return PERMISSIONS;
  }

  /**
   * For the tests: a clerk who takes payments but neither refunds nor prints receipts, and a
   * billing officer who may do everything in billing (the platform's cashier template may only read
   * billing and take payments).
   */
  @Override
  public Map<String, List<String>> roles() {
    return Map.of(
        "counter_clerk",
        List.of("billing.bill.read", "billing.payment.create"),
        "billing_officer",
        List.of("billing.*", "estate.*.read", "residents.*.read"));
  }

  // ------------------------------------------------------------------------------ seeding

  public synchronized Room room(long id, long estateId, long buildingId, String label) {
    Room r = new Room(id, estateId, buildingId, label);
    rooms.put(id, r);
    return r;
  }

  /** A resident living in these rooms (for the person's statement). */
  public synchronized void person(long personId, Long... roomIds) {
    persons.put(personId, List.of(roomIds));
  }

  /** An open periodic bill of the room with one management-fee line; answers its id. */
  public synchronized long bill(long roomId, String period, String total) {
    Bill b = newBill(rooms.get(roomId), period, "periodic");
    BigDecimal amount = new BigDecimal(total).setScale(2);
    b.lines.add(line(1, "MGMT", "Management fee 物业费", BigDecimal.ONE, amount, amount));
    b.total = amount;
    return b.id;
  }

  /** A fee item effective from 2026-01-01 (metered ones: water, one flat tier); its id. */
  public synchronized long feeItem(String code, String name, String kind, String price) {
    Map<String, Object> f = new LinkedHashMap<>();
    long id = nextFeeItem++;
    f.put("id", id);
    f.put("code", code);
    f.put("name", name);
    f.put("kind", kind);
    f.put("unitPrice", new BigDecimal(price));
    f.put("appliesToTypes", List.of());
    f.put("cycle", "monthly");
    f.put("roundingScale", 2);
    f.put("roundingMode", "half_up");
    f.put("effectiveFrom", "2026-01-01");
    f.put("effectiveTo", null);
    f.put("createdAt", Instant.now().toString());
    f.put("updatedAt", Instant.now().toString());
    f.put("version", 0);
    if ("metered".equals(kind)) {
      Map<String, Object> tier = new LinkedHashMap<>();
      tier.put("upTo", null);
      tier.put("price", new BigDecimal(price));
      f.put("meterType", "water");
      f.put("tiers", List.of(tier));
    }
    feeItems.put(id, f);
    return id;
  }

  /** Someone else changes the fee item: its version moves on. */
  public synchronized void touchFeeItem(long id) {
    Map<String, Object> f = feeItems.get(id);
    f.put("version", (Integer) f.get("version") + 1);
  }

  /** The fee item's JSON as stored. */
  public synchronized Map<String, Object> feeItemJson(long id) {
    return Map.copyOf(
        feeItems.get(id).entrySet().stream()
            .filter(e -> e.getValue() != null)
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  public synchronized int feeItemCount() {
    return feeItems.size();
  }

  /** A meter of the room installed 2026-01-01; its id. */
  public synchronized long meter(long roomId, String type, String serial) {
    Map<String, Object> m = new LinkedHashMap<>();
    long id = nextMeter++;
    m.put("id", id);
    m.put("roomId", roomId);
    m.put("type", type);
    m.put("serial", serial);
    m.put("installedAt", "2026-01-01");
    m.put("removedAt", null);
    m.put("createdAt", Instant.now().toString());
    m.put("version", 0);
    meters.put(id, m);
    readings.put(id, new ArrayList<>());
    return id;
  }

  /** A stored reading of the meter on a day (its first moment, UTC). */
  public synchronized void reading(long meterId, String day, String value) {
    storeReading(
        meterId,
        LocalDate.parse(day).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
        new BigDecimal(value),
        false,
        "manual");
  }

  /** The meter's readings' values, oldest first. */
  public synchronized List<BigDecimal> readingValues(long meterId) {
    return readings.get(meterId).stream().map(r -> (BigDecimal) r.get("value")).toList();
  }

  /** Rooms a run advances by each time it is read (default 1). */
  public synchronized void runStep(int rooms) {
    runStep = rooms;
  }

  /**
   * The next payment or refund is booked, but its answer is lost on the way back (a gateway
   * timeout, as a dropped connection would look to the console).
   */
  public synchronized void loseNextAnswer() {
    loseNextAnswer = true;
  }

  /** Runs of this period fail half-way with this error. */
  public synchronized void failRuns(String period, String error) {
    failingPeriods.put(period, error);
  }

  /**
   * Forgets bills, payments, refunds, prepayments, keys and runs, and numbers from 1 again (rooms
   * and persons stay).
   */
  public synchronized void clear() {
    bills.clear();
    payments.clear();
    refunds.clear();
    prepayments.clear();
    keys.clear();
    runs.clear();
    failingPeriods.clear();
    runStep = 1;
    loseNextAnswer = false;
    feeItems.clear();
    nextFeeItem = 1;
    meters.clear();
    readings.clear();
    nextMeter = 1;
    nextReading = 1;
    nextBill = 1;
    nextPayment = 1;
    nextRefund = 1;
    nextRun = 1;
  }

  /** Payments booked so far (a replayed request books none). */
  public synchronized int paymentCount() {
    return payments.size();
  }

  public synchronized int refundCount() {
    return refunds.size();
  }

  public synchronized BigDecimal prepayment(long roomId) {
    return prepayments.getOrDefault(roomId, BigDecimal.ZERO.setScale(2));
  }

  public synchronized BigDecimal outstanding(long billId) {
    return bills.get(billId).outstanding();
  }

  public synchronized int billCount() {
    return bills.size();
  }

  // ------------------------------------------------------------------------------ serving

  @Override
  public synchronized FakeResponse handle(FakeRequest r) {
    try {
      return answer(r);
    } catch (Refusal refusal) {
      return refusal.response;
    }
  }

  private FakeResponse answer(FakeRequest r) {
    if (r.is("GET", "bills")) {
      r.require("billing.bill.read");
      return listBills(r);
    }
    if (r.is("GET", "bills/\\d+")) {
      r.require("billing.bill.read");
      return FakeResponse.json(billJson(visibleBill(r, "billing.bill.read", id(r.path(), 1))));
    }
    if (r.is("POST", "payments")) {
      r.require("billing.payment.create");
      return idempotent(r, "payments", () -> pay(r));
    }
    if (r.is("POST", "refunds")) {
      r.require("billing.refund.create");
      return idempotent(r, "refunds", () -> refund(r));
    }
    if (r.is("GET", "payments/\\d+")) {
      r.require("billing.payment.read");
      Map<String, Object> p = new LinkedHashMap<>(visiblePayment(r, id(r.path(), 1)));
      p.put("prepaymentBalance", null);
      return FakeResponse.json(p);
    }
    if (r.is("GET", "payments/\\d+/receipt\\.html")) {
      r.require("billing.payment.read");
      return html(receipt(visiblePayment(r, id(r.path(), 1))));
    }
    if (r.is("GET", "rooms/\\d+/statement\\.html")) {
      r.require("billing.statement.read");
      Room room = visibleRoom(r, "billing.statement.read", id(r.path(), 1));
      return html(statement("Statement / 对账单", List.of(room)));
    }
    if (r.is("GET", "persons/\\d+/statement\\.html")) {
      r.require("billing.statement.read");
      List<Long> of = persons.get(id(r.path(), 1));
      if (of == null) {
        throw notFound("Person", id(r.path(), 1));
      }
      List<Room> visible =
          of.stream()
              .map(rooms::get)
              .filter(x -> r.caller().canIn("billing.statement.read", x.estateId()))
              .toList();
      return html(statement("Resident statement / 住户对账单", visible));
    }
    if (r.is("GET", "fee-items")) {
      r.require("billing.fee-item.read");
      return FakeResponse.page(new ArrayList<>(feeItems.values()), r);
    }
    if (r.is("GET", "fee-items/\\d+")) {
      r.require("billing.fee-item.read");
      return FakeResponse.json(feeItem(id(r.path(), 1)));
    }
    if (r.is("POST", "fee-items")) {
      r.require("billing.fee-item.manage");
      requireCompany(r, "billing.fee-item.manage", "the fee items");
      Map<String, Object> item = checkFeeItem(body(r), null);
      if (feeItems.values().stream().anyMatch(f -> f.get("code").equals(item.get("code")))) {
        throw new FakeProblem(
            409, "duplicate", "Already exists", "Another fee item already has this code.");
      }
      long id = nextFeeItem++;
      item.put("id", id);
      item.put("createdAt", Instant.now().toString());
      item.put("updatedAt", Instant.now().toString());
      item.put("version", 0);
      feeItems.put(id, order(item));
      return FakeResponse.json(201, feeItems.get(id));
    }
    if (r.is("PUT", "fee-items/\\d+")) {
      r.require("billing.fee-item.manage");
      long id = id(r.path(), 1);
      requireCompany(r, "billing.fee-item.manage", "fee item " + id);
      Map<String, Object> stored = feeItem(id);
      JsonNode in = body(r);
      Map<String, Object> item = checkFeeItem(in, stored);
      if (!in.hasNonNull("version")) {
        throw refusal(List.of(error("version", "required: the version you last read")));
      }
      int current = (Integer) stored.get("version");
      if (in.path("version").asInt() != current) {
        throw new FakeProblem(
            409,
            "stale-version",
            "Stale version",
            "Fee item "
                + id
                + " is at version "
                + current
                + ", the change was made to version "
                + in.path("version").asInt()
                + ": reload it and apply the change again.");
      }
      item.put("id", id);
      item.put("createdAt", stored.get("createdAt"));
      item.put("updatedAt", Instant.now().toString());
      item.put("version", current + 1);
      feeItems.put(id, order(item));
      return FakeResponse.json(feeItems.get(id));
    }
    if (r.is("GET", "meters")) {
      r.require("billing.meter.read");
      Long roomId = positive("roomId", r.query("roomId"));
      String type = blank(r.query("type"));
      if (type != null && !List.of("water", "electricity", "gas").contains(type.strip())) {
        throw new FakeProblem(
            400,
            "invalid-parameter",
            "Invalid query parameter",
            "type must be one of water, electricity, gas.");
      }
      List<Map<String, Object>> shown = new ArrayList<>();
      for (Map<String, Object> m : meters.values()) {
        Room room = rooms.get((Long) m.get("roomId"));
        if ((roomId == null || room.id() == roomId)
            && (type == null || type.strip().equals(m.get("type")))
            && r.caller().canIn("billing.meter.read", room.estateId())) {
          shown.add(m);
        }
      }
      return FakeResponse.page(shown, r);
    }
    if (r.is("POST", "meters")) {
      r.require("billing.meter.create");
      return createMeter(r);
    }
    if (r.is("GET", "meters/\\d+")) {
      r.require("billing.meter.read");
      return FakeResponse.json(visibleMeter(r, "billing.meter.read", id(r.path(), 1)));
    }
    if (r.is("GET", "meters/\\d+/readings")) {
      r.require("billing.reading.read");
      long id = id(r.path(), 1);
      visibleMeter(r, "billing.reading.read", id);
      return FakeResponse.page(readings.get(id), r);
    }
    if (r.is("POST", "meters/\\d+/readings")) {
      r.require("billing.reading.create");
      long id = id(r.path(), 1);
      visibleMeter(r, "billing.reading.create", id);
      return addReading(id, body(r));
    }
    if (r.is("POST", "meters/readings/import")) {
      r.require("billing.reading.import");
      return importReadings(r);
    }
    if (r.is("GET", "arrears")) {
      r.require("billing.arrears.read");
      LocalDate asOf = asOf(r);
      List<Map<String, Object>> aged = aged(r, asOf);
      BigDecimal total = BigDecimal.ZERO.setScale(2);
      for (Map<String, Object> a : aged) {
        total = total.add((BigDecimal) a.get("outstanding"));
      }
      Map<String, Object> head = new LinkedHashMap<>();
      head.put("asOf", asOf.toString());
      head.put("currency", CURRENCY);
      head.put("total", total);
      return pageWith(head, aged, r);
    }
    if (r.is("GET", "arrears/summary")) {
      r.require("billing.arrears.read");
      return FakeResponse.json(arrearsSummary(asOf(r), aged(r, asOf(r))));
    }
    if (r.is("GET", "arrears/reminders")) {
      r.require("billing.arrears.read");
      LocalDate asOf = asOf(r);
      List<Map<String, Object>> remind = new ArrayList<>();
      for (Map<String, Object> a : aged(r, asOf)) {
        BigDecimal over30 =
            ((BigDecimal) a.get("days31to90")).add((BigDecimal) a.get("days90plus"));
        if (over30.signum() > 0) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("roomId", a.get("roomId"));
          m.put("label", rooms.get((Long) a.get("roomId")).label());
          m.put("buildingId", a.get("buildingId"));
          m.put("outstanding", a.get("outstanding"));
          m.put("over30Days", over30);
          m.put("oldestDueDate", a.get("oldestDueDate"));
          m.put("maxDaysPastDue", a.get("maxDaysPastDue"));
          remind.add(m);
        }
      }
      remind.sort(
          Comparator.comparing((Map<String, Object> m) -> (BigDecimal) m.get("outstanding"))
              .reversed()
              .thenComparing(m -> (Long) m.get("roomId")));
      Map<String, Object> head = new LinkedHashMap<>();
      head.put("asOf", asOf.toString());
      head.put("currency", CURRENCY);
      return pageWith(head, remind, r);
    }
    if (r.is("POST", "runs")) {
      r.require("billing.run.start");
      return startRun(r);
    }
    if (r.is("GET", "runs")) {
      r.require("billing.run.read");
      return FakeResponse.page(runs.values().stream().map(this::runJson).toList(), r);
    }
    if (r.is("GET", "runs/\\d+")) {
      r.require("billing.run.read");
      Run run = runs.get(id(r.path(), 1));
      if (run == null) {
        throw notFound("Billing run", id(r.path(), 1));
      }
      advance(run);
      return FakeResponse.json(runJson(run));
    }
    return null;
  }

  private FakeResponse listBills(FakeRequest r) {
    String status = r.query("status");
    if (blank(status) != null && !List.of("open", "paid", "cancelled").contains(status)) {
      throw new FakeProblem(
          400,
          "invalid-parameter",
          "Invalid query parameter",
          "status must be one of open, paid, cancelled.");
    }
    Long roomId = positive("roomId", r.query("roomId"));
    String period = blank(r.query("period")) == null ? null : period(r.query("period"));
    List<Map<String, Object>> shown = new ArrayList<>();
    for (Bill b : bills.values()) {
      if ((roomId == null || b.room.id() == roomId)
          && (period == null || period.equals(b.period))
          && (blank(status) == null || status.equals(b.status))
          && r.caller().canIn("billing.bill.read", b.room.estateId())) {
        shown.add(billJson(b));
      }
    }
    return FakeResponse.page(shown, r);
  }

  private FakeResponse pay(FakeRequest r) {
    JsonNode in = body(r);
    List<Map<String, Object>> errors = new ArrayList<>();
    Room room = checkRoom(r, "billing.payment.create", in, errors);
    BigDecimal amount = checkAmount(in.path("amount"), errors);
    String method = in.path("method").asText(null);
    if (method == null || !PAYMENT_METHODS.contains(method)) {
      errors.add(error("method", "one of cash, bank, wechat, alipay"));
    }
    throwIfAny(errors);
    BigDecimal left = amount;
    List<Map<String, Object>> applied = new ArrayList<>();
    List<Bill> open =
        bills.values().stream()
            .filter(b -> b.room.id() == room.id() && "open".equals(b.status))
            .sorted(Comparator.comparing((Bill b) -> b.period).thenComparing(b -> b.id))
            .toList();
    for (Bill b : open) {
      if (left.signum() <= 0) {
        break;
      }
      BigDecimal part = left.min(b.outstanding());
      b.paid = b.paid.add(part);
      if (b.outstanding().signum() == 0) {
        b.status = "paid";
      }
      left = left.subtract(part);
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("billId", b.id);
      a.put("period", b.period);
      a.put("amount", part);
      a.put("billOutstanding", b.outstanding());
      applied.add(a);
    }
    BigDecimal balance = prepayment(room.id()).add(left);
    prepayments.put(room.id(), balance);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("id", nextPayment++);
    p.put("roomId", room.id());
    p.put("amount", amount);
    p.put("method", method);
    p.put("status", "posted");
    p.put("applied", applied);
    p.put("toPrepayment", left);
    p.put("prepaymentBalance", balance);
    p.put("currency", CURRENCY);
    p.put("txId", UUID.randomUUID().toString());
    p.put("createdAt", Instant.now().toString());
    payments.put((Long) p.get("id"), p);
    return FakeResponse.json(201, p);
  }

  private FakeResponse refund(FakeRequest r) {
    JsonNode in = body(r);
    List<Map<String, Object>> errors = new ArrayList<>();
    Room room = checkRoom(r, "billing.refund.create", in, errors);
    BigDecimal amount = checkAmount(in.path("amount"), errors);
    String method = in.path("method").asText(null);
    if (method == null || !REFUND_METHODS.contains(method)) {
      errors.add(error("method", "one of cash, bank"));
    }
    throwIfAny(errors);
    BigDecimal prepaid = prepayment(room.id());
    if (amount.compareTo(prepaid) > 0) {
      throw new FakeProblem(
          409,
          "insufficient-prepayment",
          "Insufficient prepayment",
          "Room "
              + room.id()
              + " has "
              + prepaid.toPlainString()
              + " of prepayment, less than the "
              + amount.toPlainString()
              + " to refund; nothing was booked.");
    }
    BigDecimal balance = prepaid.subtract(amount);
    prepayments.put(room.id(), balance);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", nextRefund++);
    v.put("roomId", room.id());
    v.put("amount", amount);
    v.put("method", method);
    v.put("status", "posted");
    v.put("prepaymentBalance", balance);
    v.put("currency", CURRENCY);
    v.put("txId", UUID.randomUUID().toString());
    v.put("createdAt", Instant.now().toString());
    refunds.put((Long) v.get("id"), v);
    return FakeResponse.json(201, v);
  }

  /**
   * The platform's Idempotency-Key rules: a key is required; the body is checked first; a repeat
   * with the same body answers the stored answer, with another 422 idempotency-key-reused; a
   * refused request stores nothing and may be retried with its key.
   */
  private FakeResponse idempotent(
      FakeRequest r, String endpoint, java.util.function.Supplier<FakeResponse> act) {
    String key = r.idempotencyKey();
    if (key == null || key.isBlank()) {
      throw new FakeProblem(
          400,
          "idempotency-key-required",
          "Idempotency-Key required",
          "Send a unique Idempotency-Key header (e.g. a UUID) with every request that moves money,"
              + " and the same key when you retry it.");
    }
    if (key.length() > 200 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
      throw new FakeProblem(
          400,
          "invalid-idempotency-key",
          "Invalid Idempotency-Key",
          "An Idempotency-Key is 1 to 200 visible ASCII characters.");
    }
    JsonNode body = body(r);
    Stored stored = keys.get(key);
    if (stored != null) {
      if (!stored.endpoint().equals(endpoint) || !sameBody(stored.body(), body)) {
        throw new FakeProblem(
            422,
            "idempotency-key-reused",
            "Idempotency-Key reused",
            "This Idempotency-Key was already used for a different request; use a new key for a"
                + " new request.");
      }
      return stored.answer();
    }
    FakeResponse answer = act.get();
    keys.put(key, new Stored(endpoint, body, answer));
    if (loseNextAnswer) {
      loseNextAnswer = false;
      feeItems.clear();
      nextFeeItem = 1;
      return FakeResponse.problem(
          504, "gateway-timeout", "Gateway timeout", "The answer did not come back in time.");
    }
    return answer;
  }

  /** Bodies are the same request when their fields are equal, numbers compared by value. */
  private static boolean sameBody(JsonNode a, JsonNode b) {
    return a.equals(
        (x, y) ->
            x.isNumber() && y.isNumber()
                ? x.decimalValue().compareTo(y.decimalValue())
                : x.equals(y) ? 0 : 1,
        b);
  }

  private FakeResponse startRun(FakeRequest r) {
    JsonNode in = r.body();
    if (in.isMissingNode() || in.isNull()) {
      throw new FakeProblem(
          400, "missing-body", "Missing body", "Send the request as a JSON object in the body.");
    }
    String period = period(in.path("period").asText(null));
    YearMonth latest = YearMonth.now();
    if (YearMonth.parse(period).isAfter(latest)) {
      throw new FakeProblem(
          422,
          "period-in-future",
          "Period in the future",
          "Period "
              + period
              + " has not begun; the latest period that can be billed is "
              + latest
              + ".");
    }
    for (Run other : runs.values()) {
      if (other.period.equals(period)
          && ("queued".equals(other.status) || "running".equals(other.status))) {
        throw new FakeProblem(
            409,
            "run-in-progress",
            "Run in progress",
            "A billing run for "
                + period
                + " is already queued or running; follow its progress instead.",
            java.util.Map.of("period", period, "runId", other.id));
      }
    }
    Run run = new Run();
    run.id = nextRun++;
    run.period = period;
    run.rooms =
        rooms.values().stream()
            .filter(x -> r.caller().canIn("billing.run.start", x.estateId()))
            .toList();
    runs.put(run.id, run);
    return FakeResponse.json(202, runJson(run));
  }

  /** Each read moves a run on: queued → running → {@link #runStep} rooms at a time → done. */
  private void advance(Run run) {
    if ("queued".equals(run.status)) {
      run.status = "running";
      run.startedAt = Instant.now();
      return;
    }
    if (!"running".equals(run.status)) {
      return;
    }
    String failure = failingPeriods.get(run.period);
    for (int i = 0; i < runStep && run.roomsDone < run.rooms.size(); i++) {
      if (failure != null && run.roomsDone * 2 >= run.rooms.size()) {
        run.status = "failed";
        run.error = failure;
        run.finishedAt = Instant.now();
        return;
      }
      Room room = run.rooms.get(run.roomsDone++);
      boolean billed =
          bills.values().stream()
              .anyMatch(
                  b ->
                      b.room.id() == room.id()
                          && run.period.equals(b.period)
                          && "periodic".equals(b.kind));
      if (!billed) {
        bill(room.id(), run.period, "120.00");
        run.billsCreated++;
      }
    }
    if (run.roomsDone >= run.rooms.size()) {
      run.status = "completed";
      run.finishedAt = Instant.now();
    }
  }

  // ------------------------------------------------------------------------------ meters

  private Map<String, Object> visibleMeter(FakeRequest r, String permission, long id) {
    Map<String, Object> m = meters.get(id);
    if (m == null || !r.caller().canIn(permission, rooms.get((Long) m.get("roomId")).estateId())) {
      throw notFound("Meter", id);
    }
    return m;
  }

  private FakeResponse createMeter(FakeRequest r) {
    JsonNode in = body(r);
    List<Map<String, Object>> errors = new ArrayList<>();
    Room room = checkRoom(r, "billing.meter.create", in, errors);
    String type = in.path("type").asText(null);
    if (type == null || !List.of("water", "electricity", "gas").contains(type)) {
      errors.add(error("type", "one of water, electricity, gas"));
    }
    String serial = in.path("serial").asText("").strip();
    if (!serial.matches("[A-Za-z0-9._/-]{1,64}")) {
      errors.add(error("serial", "1 to 64 of A-Z a-z 0-9 . _ / -"));
    }
    LocalDate installed = date(in, "installedAt", errors);
    if (installed == null && !in.hasNonNull("installedAt")) {
      errors.add(error("installedAt", "required: the day the meter was installed, YYYY-MM-DD"));
    }
    throwIfAny(errors);
    if (meters.values().stream().anyMatch(m -> m.get("serial").equals(serial))) {
      throw new FakeProblem(
          409,
          "duplicate",
          "Already exists",
          "Another meter already has the serial " + serial + ".");
    }
    long id = meter(room.id(), type, serial);
    meters.get(id).put("installedAt", installed.toString());
    return FakeResponse.json(201, meters.get(id));
  }

  private Map<String, Object> storeReading(
      long meterId, Instant readAt, BigDecimal value, boolean replacement, String source) {
    Map<String, Object> reading = new LinkedHashMap<>();
    reading.put("id", nextReading++);
    reading.put("meterId", meterId);
    reading.put("readAt", readAt.toString());
    reading.put("value", value);
    reading.put("replacement", replacement);
    reading.put("source", source);
    reading.put("implausible", false);
    reading.put("createdAt", Instant.now().toString());
    readings.get(meterId).add(reading);
    return reading;
  }

  /** The latest stored reading of the meter, or null. */
  private Map<String, Object> latest(long meterId) {
    List<Map<String, Object>> all = readings.get(meterId);
    return all.isEmpty() ? null : all.get(all.size() - 1);
  }

  private FakeResponse addReading(long meterId, JsonNode in) {
    List<Map<String, Object>> errors = new ArrayList<>();
    Instant readAt = null;
    String text = in.path("readAt").asText(null);
    if (text == null) {
      errors.add(error("readAt", "required: a date or a time"));
    } else {
      try {
        readAt = LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e) {
        errors.add(error("readAt", "a date or a time"));
      }
    }
    BigDecimal value = in.path("value").isNumber() ? in.path("value").decimalValue() : null;
    if (value == null || value.signum() < 0) {
      errors.add(error("value", "a reading of 0 or more"));
    }
    throwIfAny(errors);
    boolean replacement = in.path("replacement").asBoolean(false);
    Map<String, Object> last = latest(meterId);
    if (last != null && !Instant.parse((String) last.get("readAt")).isBefore(readAt)) {
      throw new FakeProblem(
          409,
          "duplicate",
          "Already exists",
          "The meter has a reading at or after " + readAt + "; new readings must be later.");
    }
    if (last != null && !replacement && value.compareTo((BigDecimal) last.get("value")) < 0) {
      throw new FakeProblem(
          422,
          "reading-decreased",
          "Reading decreased",
          value.toPlainString()
              + " is lower than the previous reading ("
              + ((BigDecimal) last.get("value")).toPlainString()
              + "); if the meter was replaced, send replacement true.");
    }
    return FakeResponse.json(201, storeReading(meterId, readAt, value, replacement, "manual"));
  }

  /**
   * The platform's import: a header naming serial, read_at, value (and optionally replacement),
   * every row checked, all stored or none with 422 import-rejected listing {line, column, message}.
   */
  private FakeResponse importReadings(FakeRequest r) {
    String csv =
        new String(
                r.rawBody() == null ? new byte[0] : r.rawBody(),
                java.nio.charset.StandardCharsets.UTF_8)
            .replace("\uFEFF", "");
    String[] lines = csv.split("\\r?\\n", -1);
    List<Map<String, Object>> errors = new ArrayList<>();
    List<String> header =
        List.of(lines[0].strip().toLowerCase(java.util.Locale.ROOT).split("\\s*,\\s*"));
    if (!header.containsAll(List.of("serial", "read_at", "value"))) {
      errors.add(rowError(1, null, "the first row must name the columns serial, read_at, value"));
      throw importRejected(errors);
    }
    record Row(int line, long meterId, Instant readAt, BigDecimal value, boolean replacement) {}
    List<Row> rows = new ArrayList<>();
    Map<Long, BigDecimal> lastValue = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      int line = i + 1;
      String[] cells = lines[i].split(",", -1);
      String serial = cell(cells, header.indexOf("serial"));
      Map<String, Object> meter =
          meters.values().stream()
              .filter(
                  m ->
                      m.get("serial").equals(serial)
                          && r.caller()
                              .canIn(
                                  "billing.reading.import",
                                  rooms.get((Long) m.get("roomId")).estateId()))
              .findFirst()
              .orElse(null);
      if (meter == null) {
        errors.add(rowError(line, "serial", "no meter has the serial " + serial));
      }
      Instant readAt = null;
      try {
        readAt =
            LocalDate.parse(cell(cells, header.indexOf("read_at")))
                .atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant();
      } catch (DateTimeParseException e) {
        errors.add(rowError(line, "read_at", "a date or a time, e.g. 2026-11-30"));
      }
      BigDecimal value = null;
      try {
        value = new BigDecimal(cell(cells, header.indexOf("value")));
        if (value.signum() < 0) {
          value = null;
        }
      } catch (NumberFormatException e) {
        value = null;
      }
      if (value == null) {
        errors.add(rowError(line, "value", "a reading of 0 or more"));
      }
      boolean replacement =
          header.contains("replacement")
              && "true".equalsIgnoreCase(cell(cells, header.indexOf("replacement")));
      if (meter != null && value != null && readAt != null) {
        long id = (Long) meter.get("id");
        BigDecimal previous =
            lastValue.computeIfAbsent(
                id, k -> latest(k) == null ? null : (BigDecimal) latest(k).get("value"));
        if (previous != null && !replacement && value.compareTo(previous) < 0) {
          errors.add(
              rowError(
                  line,
                  "value",
                  value.toPlainString()
                      + " is lower than the previous reading of meter "
                      + serial
                      + " ("
                      + previous.toPlainString()
                      + "); if the meter was replaced, set replacement to true"));
        } else {
          lastValue.put(id, value);
          rows.add(new Row(line, id, readAt, value, replacement));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw importRejected(errors);
    }
    java.util.Set<Long> read = new java.util.TreeSet<>();
    for (Row row : rows) {
      storeReading(row.meterId(), row.readAt(), row.value(), row.replacement(), "csv");
      read.add(row.meterId());
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("readingsImported", rows.size());
    answer.put("metersRead", read.size());
    answer.put("implausibleCount", 0);
    answer.put("implausible", List.of());
    return FakeResponse.json(answer);
  }

  private static String cell(String[] cells, int index) {
    return index >= 0 && index < cells.length ? cells[index].strip() : "";
  }

  private static Map<String, Object> rowError(int line, String column, String message) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("line", line);
    e.put("column", column);
    e.put("message", message);
    return e;
  }

  private static Refusal importRejected(List<Map<String, Object>> errors) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("type", FakeOperatorApi.PROBLEM + "import-rejected");
    p.put("title", "Import rejected");
    p.put("status", 422);
    p.put(
        "detail",
        "Nothing was imported: the file has "
            + errors.size()
            + (errors.size() == 1 ? " problem" : " problems")
            + ". Correct the file and upload it again.");
    p.put("errorCount", errors.size());
    p.put("errors", errors);
    try {
      return new Refusal(
          new FakeResponse(
              422, "application/problem+json", FakeResponse.JSON.writeValueAsBytes(p)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------------------ arrears

  private static LocalDate asOf(FakeRequest r) {
    String v = r.query("asOf");
    if (blank(v) == null) {
      return LocalDate.now();
    }
    try {
      return LocalDate.parse(v.strip());
    } catch (DateTimeParseException e) {
      throw new FakeProblem(
          400,
          "invalid-parameter",
          "Invalid query parameter",
          "asOf must be a date written YYYY-MM-DD.");
    }
  }

  /** Each room in scope with something past due on the day, by age, in room order (Aging). */
  private List<Map<String, Object>> aged(FakeRequest r, LocalDate asOf) {
    Map<Long, Map<String, Object>> byRoom = new TreeMap<>();
    for (Bill b : bills.values()) {
      long days = java.time.temporal.ChronoUnit.DAYS.between(b.dueDate, asOf);
      if (!"open".equals(b.status)
          || days < 1
          || b.outstanding().signum() <= 0
          || !r.caller().canIn("billing.arrears.read", b.room.estateId())) {
        continue;
      }
      Map<String, Object> a =
          byRoom.computeIfAbsent(
              b.room.id(),
              id -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("roomId", id);
                m.put("buildingId", b.room.buildingId());
                m.put("outstanding", BigDecimal.ZERO.setScale(2));
                m.put("oldestDueDate", b.dueDate.toString());
                m.put("maxDaysPastDue", 0L);
                m.put("days0to30", BigDecimal.ZERO.setScale(2));
                m.put("days31to90", BigDecimal.ZERO.setScale(2));
                m.put("days90plus", BigDecimal.ZERO.setScale(2));
                return m;
              });
      String bucket = days <= 30 ? "days0to30" : days <= 90 ? "days31to90" : "days90plus";
      a.put(bucket, ((BigDecimal) a.get(bucket)).add(b.outstanding()));
      a.put("outstanding", ((BigDecimal) a.get("outstanding")).add(b.outstanding()));
      if ((Long) a.get("maxDaysPastDue") < days) {
        a.put("maxDaysPastDue", days);
        a.put("oldestDueDate", b.dueDate.toString());
      }
    }
    return new ArrayList<>(byRoom.values());
  }

  /**
   * The totals of the rooms' aged arrears, as the platform sums them in SQL: per bucket the amount
   * and the rooms with something that old.
   */
  private static Map<String, Object> arrearsSummary(
      LocalDate asOf, List<Map<String, Object>> aged) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("asOf", asOf.toString());
    summary.put("currency", CURRENCY);
    BigDecimal total = BigDecimal.ZERO.setScale(2);
    List<Map<String, Object>> buckets = new ArrayList<>();
    Object[][] ages = {{"days0to30", 1, 30}, {"days31to90", 31, 90}, {"days90plus", 91, null}};
    for (Object[] age : ages) {
      BigDecimal amount = BigDecimal.ZERO.setScale(2);
      long rooms = 0;
      for (Map<String, Object> a : aged) {
        BigDecimal part = (BigDecimal) a.get((String) age[0]);
        amount = amount.add(part);
        rooms += part.signum() > 0 ? 1 : 0;
      }
      Map<String, Object> bucket = new LinkedHashMap<>();
      bucket.put("key", age[0]);
      bucket.put("fromDays", age[1]);
      bucket.put("toDays", age[2]);
      bucket.put("amount", amount);
      bucket.put("rooms", rooms);
      buckets.add(bucket);
      total = total.add(amount);
    }
    summary.put("total", total);
    summary.put("rooms", (long) aged.size());
    summary.put("buckets", buckets);
    return summary;
  }

  /** A cursor page with members of its own before {@code items} and {@code nextCursor}. */
  private static FakeResponse pageWith(
      Map<String, Object> head, List<Map<String, Object>> all, FakeRequest r) {
    try {
      JsonNode page = FakeResponse.JSON.readTree(FakeResponse.page(all, r).body());
      Map<String, Object> answer = new LinkedHashMap<>(head);
      answer.put("items", page.path("items"));
      answer.put(
          "nextCursor", page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText());
      return FakeResponse.json(answer);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------------------ fee items

  private Map<String, Object> feeItem(long id) {
    Map<String, Object> f = feeItems.get(id);
    if (f == null) {
      throw notFound("Fee item", id);
    }
    return f;
  }

  /** The platform's checks of a fee item's fields; {@code stored} on update (kind fixed). */
  private static Map<String, Object> checkFeeItem(JsonNode in, Map<String, Object> stored) {
    List<Map<String, Object>> errors = new ArrayList<>();
    String code = in.path("code").asText("").strip();
    if (!code.matches("[A-Za-z0-9._-]{1,32}")) {
      errors.add(error("code", "1 to 32 of A-Z a-z 0-9 - _ ."));
    }
    String name = in.path("name").asText("").strip();
    if (name.isEmpty() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
      errors.add(error("name", "1 to 100 characters on one line"));
    }
    List<String> kinds = List.of("area", "fixed", "one_off", "metered", "per_vehicle");
    String kind = in.hasNonNull("kind") ? in.path("kind").asText() : null;
    if (kind == null && stored == null) {
      errors.add(error("kind", "required: one of " + String.join(", ", kinds)));
    } else if (kind != null && !kinds.contains(kind)) {
      errors.add(error("kind", "one of " + String.join(", ", kinds)));
    } else if (kind != null && stored != null && !kind.equals(stored.get("kind"))) {
      errors.add(error("kind", "cannot change; create a new fee item instead"));
    }
    if (kind == null && stored != null) {
      kind = (String) stored.get("kind");
    }
    boolean metered = "metered".equals(kind);
    BigDecimal price = in.path("unitPrice").isNumber() ? in.path("unitPrice").decimalValue() : null;
    if (price == null
        ? !metered
        : price.signum() < 0
            || price.compareTo(new BigDecimal("99999999.9999")) > 0
            || price.stripTrailingZeros().scale() > 4) {
      errors.add(error("unitPrice", "0 to 99999999.9999, at most four decimals"));
    }
    List<String> types = new ArrayList<>();
    for (JsonNode t : in.path("appliesToTypes")) {
      if (!List.of("residential", "commercial", "parking", "storage").contains(t.asText())) {
        errors.add(
            error("appliesToTypes", "room types among residential, commercial, parking, storage"));
        break;
      }
      types.add(t.asText());
    }
    String cycle = in.hasNonNull("cycle") ? in.path("cycle").asText() : "monthly";
    if (!List.of("monthly", "quarterly", "yearly").contains(cycle)) {
      errors.add(error("cycle", "one of monthly, quarterly, yearly"));
    }
    LocalDate from = date(in, "effectiveFrom", errors);
    LocalDate to = date(in, "effectiveTo", errors);
    if (from == null && !in.hasNonNull("effectiveFrom")) {
      errors.add(error("effectiveFrom", "required: the first day the fee applies, YYYY-MM-DD"));
    } else if (from != null && to != null && to.isBefore(from)) {
      errors.add(error("effectiveTo", "must not be before effectiveFrom"));
    }
    String meterType = null;
    List<Map<String, Object>> tiers = null;
    if (metered) {
      meterType = in.hasNonNull("meterType") ? in.path("meterType").asText() : null;
      if (meterType == null && stored != null) {
        meterType = (String) stored.get("meterType");
      }
      if (meterType == null || !List.of("water", "electricity", "gas").contains(meterType)) {
        errors.add(
            error("meterType", "required for metered items: one of water, electricity, gas"));
      } else if (stored != null && !meterType.equals(stored.get("meterType"))) {
        errors.add(error("meterType", "cannot change; create a new fee item instead"));
      }
      tiers = new ArrayList<>();
      for (JsonNode t : in.path("tiers")) {
        Map<String, Object> tier = new LinkedHashMap<>();
        tier.put("upTo", t.hasNonNull("upTo") ? t.path("upTo").decimalValue() : null);
        tier.put("price", t.path("price").decimalValue());
        tiers.add(tier);
      }
      if (tiers.isEmpty() || tiers.get(tiers.size() - 1).get("upTo") != null) {
        errors.add(error("tiers", "at least one tier, the last without upTo"));
      }
      if (price == null && !tiers.isEmpty()) {
        price = (BigDecimal) tiers.get(0).get("price");
      }
      if (!"monthly".equals(cycle)) {
        errors.add(
            error("cycle", "metered items are billed monthly: leave it out or send monthly"));
      }
    } else if (in.hasNonNull("meterType")) {
      errors.add(error("meterType", "only for metered items"));
    }
    if (!errors.isEmpty()) {
      throw refusal(errors);
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("code", code);
    f.put("name", name);
    f.put("kind", kind);
    f.put("unitPrice", price);
    f.put("appliesToTypes", types);
    f.put("cycle", cycle);
    f.put("roundingScale", in.hasNonNull("roundingScale") ? in.path("roundingScale").asInt() : 2);
    f.put(
        "roundingMode",
        in.hasNonNull("roundingMode") ? in.path("roundingMode").asText() : "half_up");
    f.put("effectiveFrom", from == null ? null : from.toString());
    f.put("effectiveTo", to == null ? null : to.toString());
    if (metered) {
      f.put("meterType", meterType);
      f.put("tiers", tiers);
    }
    return f;
  }

  /** The JSON members in the platform's order (meterType and tiers only for metered items). */
  private static Map<String, Object> order(Map<String, Object> f) {
    Map<String, Object> o = new LinkedHashMap<>();
    for (String k :
        List.of(
            "id",
            "code",
            "name",
            "kind",
            "unitPrice",
            "appliesToTypes",
            "cycle",
            "roundingScale",
            "roundingMode",
            "effectiveFrom",
            "effectiveTo",
            "createdAt",
            "updatedAt",
            "version",
            "meterType",
            "tiers")) {
      if (f.containsKey(k)) {
        o.put(k, f.get(k));
      }
    }
    return o;
  }

  private static LocalDate date(JsonNode in, String field, List<Map<String, Object>> errors) {
    if (!in.hasNonNull(field)) {
      return null;
    }
    try {
      return LocalDate.parse(in.path(field).asText());
    } catch (DateTimeParseException e) {
      errors.add(error(field, "a date, YYYY-MM-DD"));
      return null;
    }
  }

  private static void requireCompany(FakeRequest r, String permission, String what) {
    boolean companyWide =
        r.caller().me().scopeOf(permission).map(h -> h.companyWide()).orElse(false);
    if (!companyWide) {
      throw new FakeProblem(
          403,
          "outside-scope",
          "Outside your scope",
          "Changing "
              + what
              + ", which affects the whole company, needs the permission granted for the whole"
              + " company ("
              + permission
              + ").");
    }
  }

  // ------------------------------------------------------------------------------ JSON

  private Bill newBill(Room room, String period, String kind) {
    if (room == null) {
      throw new IllegalArgumentException("no such room");
    }
    Bill b = new Bill();
    b.id = nextBill++;
    b.room = room;
    b.period = period;
    b.kind = kind;
    b.dueDate = YearMonth.parse(period).atEndOfMonth();
    bills.put(b.id, b);
    return b;
  }

  private static Map<String, Object> line(
      long feeItemId,
      String code,
      String name,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal amount) {
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("feeItemId", feeItemId);
    l.put("feeCode", code);
    l.put("feeName", name);
    l.put("quantity", quantity);
    l.put("unitPrice", unitPrice);
    l.put("months", 1);
    l.put("daysEffective", 30);
    l.put("daysInCycle", 30);
    l.put("calculated", amount);
    l.put("amount", amount);
    return l;
  }

  private static Map<String, Object> billJson(Bill b) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("id", b.id);
    j.put("roomId", b.room.id());
    j.put("roomLabel", b.room.label());
    j.put("buildingId", b.room.buildingId());
    j.put("period", b.period);
    j.put("kind", b.kind);
    j.put("total", b.total);
    j.put("paid", b.paid);
    j.put("outstanding", b.outstanding());
    j.put("currency", CURRENCY);
    j.put("status", b.status);
    j.put("dueDate", b.dueDate.toString());
    j.put("txId", UUID.nameUUIDFromBytes(("bill" + b.id).getBytes()).toString());
    j.put("createdAt", b.createdAt.toString());
    j.put("lines", b.lines);
    return j;
  }

  private Map<String, Object> runJson(Run run) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("id", run.id);
    j.put("period", run.period);
    j.put("status", run.status);
    j.put("roomsTotal", run.rooms.size());
    j.put("roomsDone", run.roomsDone);
    j.put("billsCreated", run.billsCreated);
    j.put("error", run.error);
    j.put("postedAt", run.postedAt.toString());
    j.put("startedAt", run.startedAt == null ? null : run.startedAt.toString());
    j.put("finishedAt", run.finishedAt == null ? null : run.finishedAt.toString());
    j.put("scope", null);
    return j;
  }

  private String receipt(Map<String, Object> p) {
    Room room = rooms.get((Long) p.get("roomId"));
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Receipt 收据 R")
        .append(p.get("id"))
        .append("</title></head><body><h1>Receipt / 收据</h1><table>")
        .append("<tr><th>Receipt no. / 收据编号</th><td>R")
        .append(p.get("id"))
        .append("</td></tr><tr><th>Room / 房间</th><td>")
        .append(esc(room.label()))
        .append("</td></tr><tr><th>Method / 收款方式</th><td>")
        .append(esc((String) p.get("method")))
        .append("</td></tr><tr><th>Amount / 金额 (CNY)</th><td>")
        .append(((BigDecimal) p.get("amount")).toPlainString())
        .append("</td></tr></table></body></html>\n");
    return h.toString();
  }

  private String statement(String title, List<Room> of) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
        .append(title)
        .append("</title></head><body><h1>")
        .append(title)
        .append("</h1>");
    for (Room room : of) {
      h.append("<h2>").append(esc(room.label())).append("</h2><table>");
      BigDecimal owed = BigDecimal.ZERO.setScale(2);
      for (Bill b : bills.values()) {
        if (b.room.id() == room.id()) {
          h.append("<tr><td>")
              .append(b.period)
              .append("</td><td>")
              .append(b.total.toPlainString())
              .append("</td></tr>");
          owed = owed.add(b.outstanding());
        }
      }
      h.append("</table><p>Balance / 欠费 ").append(owed.toPlainString()).append("</p>");
    }
    return h.append("</body></html>\n").toString();
  }

  private static FakeResponse html(String body) {
    return FakeResponse.text("text/html;charset=utf-8", body);
  }

  // ------------------------------------------------------------------------------ checks

  private Bill visibleBill(FakeRequest r, String permission, long id) {
    Bill b = bills.get(id);
    if (b == null || !r.caller().canIn(permission, b.room.estateId())) {
      throw notFound("Bill", id);
    }
    return b;
  }

  private Map<String, Object> visiblePayment(FakeRequest r, long id) {
    Map<String, Object> p = payments.get(id);
    if (p == null
        || !r.caller()
            .canIn("billing.payment.read", rooms.get((Long) p.get("roomId")).estateId())) {
      throw notFound("Payment", id);
    }
    return p;
  }

  private Room visibleRoom(FakeRequest r, String permission, long id) {
    Room room = rooms.get(id);
    if (room == null || !r.caller().canIn(permission, room.estateId())) {
      throw notFound("Room", id);
    }
    return room;
  }

  private Room checkRoom(
      FakeRequest r, String permission, JsonNode in, List<Map<String, Object>> errors) {
    JsonNode id = in.path("roomId");
    if (!id.canConvertToLong() || id.asLong() <= 0) {
      errors.add(error("roomId", "required: the id of a room"));
      return null;
    }
    Room room = rooms.get(id.asLong());
    if (room == null || !r.caller().canIn(permission, room.estateId())) {
      errors.add(error("roomId", "room " + id.asLong() + " does not exist"));
      return null;
    }
    return room;
  }

  private static BigDecimal checkAmount(JsonNode node, List<Map<String, Object>> errors) {
    BigDecimal amount = node.isNumber() ? node.decimalValue() : null;
    if (amount == null
        || amount.signum() <= 0
        || amount.compareTo(MAX_AMOUNT) > 0
        || amount.stripTrailingZeros().scale() > 2) {
      errors.add(error("amount", "an amount greater than 0 with at most two decimals"));
      return null;
    }
    return amount.setScale(2, RoundingMode.UNNECESSARY);
  }

  private static Map<String, Object> error(String field, String message) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("field", field);
    e.put("message", message);
    return e;
  }

  /** 422 validation-failed with every field error, as the platform's FieldErrors answers. */
  private static void throwIfAny(List<Map<String, Object>> errors) {
    if (!errors.isEmpty()) {
      throw refusal(errors);
    }
  }

  private static Refusal refusal(List<Map<String, Object>> errors) {
    StringBuilder detail = new StringBuilder();
    for (Map<String, Object> e : errors) {
      detail.append(detail.length() == 0 ? "" : "; ").append(e.get("field")).append(' ');
      detail.append(e.get("message"));
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("type", FakeOperatorApi.PROBLEM + "validation-failed");
    p.put("title", "Invalid input");
    p.put("status", 422);
    p.put("detail", detail + ".");
    p.put("errors", errors);
    try {
      return new Refusal(
          new FakeResponse(
              422, "application/problem+json", FakeResponse.JSON.writeValueAsBytes(p)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A problem with extension members, which {@link FakeProblem} does not carry. */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient FakeResponse response;

    Refusal(FakeResponse response) {
      super("refused", null, false, false);
      this.response = response;
    }
  }

  private static JsonNode body(FakeRequest r) {
    JsonNode in = r.body();
    if (in.isMissingNode() || in.isNull() || !in.isObject()) {
      throw new FakeProblem(
          400, "missing-body", "Missing body", "Send the request as a JSON object in the body.");
    }
    return in;
  }

  private static String period(String value) {
    try {
      if (value != null && value.matches("\\d{4}-\\d{2}")) {
        return YearMonth.parse(value).toString();
      }
    } catch (DateTimeParseException e) {
      // described below
    }
    throw new FakeProblem(
        400,
        "invalid-period",
        "Invalid period",
        "A period is a month written YYYY-MM, e.g. 2026-11 (got "
            + (value == null ? "nothing" : "\"" + value + "\"")
            + ").");
  }

  private static Long positive(String name, String value) {
    if (blank(value) == null) {
      return null;
    }
    try {
      long v = Long.parseLong(value.strip());
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // described below
    }
    throw new FakeProblem(
        400,
        "invalid-parameter",
        "Invalid query parameter",
        name + " must be a positive whole number.");
  }

  private static String blank(String v) {
    return v == null || v.isBlank() ? null : v;
  }

  private static long id(String path, int segment) {
    return Long.parseLong(path.split("/")[segment]);
  }

  private static FakeProblem notFound(String label, Object id) {
    return new FakeProblem(404, "not-found", "Not found", label + " " + id + " not found.");
  }

  private static String esc(String s) {
    return s == null
        ? ""
        : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
