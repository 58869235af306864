package org.courtyard.admin.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parking module as the lot and lease screens use it, under {@code /api/v1/parking}: lots of an
 * estate (list, create with 409 duplicate code and 422 unknown-estate), numbered ranges of spaces
 * (all or none, 409 duplicate naming the number), spaces by lot, and leases (create, 409
 * space-taken with {@code heldBy}, list with {@code current}, cancel at the version read), and a
 * lot's tariff (404 no-tariff, set, changed at its version), and a sold space's owners (the current
 * one on the space as ownerName, 409 owner-since-order, 422 space-not-owned). Shapes and problem
 * types follow {@code LotsResource}, {@code SpacesResource}, {@code LeasesResource}, {@code
 * ParkingRules} and {@code Bookings}; a lot is in scope when its estate is. Monthly cards and the
 * plate lists are {@link FakeParkingCards}'.
 */
public final class FakeParkingArea implements FakeArea {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");
  private static final Set<String> KINDS =
      Set.of("owned", "rented", "public", "visitor", "ev_charging", "accessible");
  private static final Set<String> LEASABLE =
      Set.of("owned", "rented", "ev_charging", "accessible");
  private static final Set<String> TERMS = Set.of("monthly", "quarterly", "yearly");

  private final List<Map<String, Object>> lots = new ArrayList<>();
  private final List<Map<String, Object>> spaces = new ArrayList<>();
  private final List<Map<String, Object>> leases = new ArrayList<>();
  private final Map<Long, Map<String, Object>> tariffs = new java.util.HashMap<>();
  private final Map<Long, List<Map<String, Object>>> owners = new java.util.HashMap<>();
  private final List<Map<String, Object>> gates = new ArrayList<>();
  private final FakeParkingCards.Lots lotsInScope =
      new FakeParkingCards.Lots() {
        @Override
        public Map<String, Object> lot(FakeRequest r, String permission, long id) {
          return FakeParkingArea.this.lot(r, permission, id);
        }

        @Override
        public boolean inScope(FakeRequest r, String permission, Map<String, Object> row) {
          return FakeParkingArea.this.inScope(r, permission, row);
        }

        @Override
        public List<Map<String, Object>> all(FakeRequest r, String permission) {
          synchronized (FakeParkingArea.this) {
            return lots.stream().filter(l -> inScope(r, permission, l)).toList();
          }
        }
      };
  private final FakeParkingCards cards = new FakeParkingCards(lotsInScope);
  private final FakeParkingDiscounts discounts = new FakeParkingDiscounts(lotsInScope);
  private FakeTenantApi fake;
  private long next = 1;

  @Override
  public String module() {
    return "parking";
  }

  @Override
  public List<String> permissions() {
    List<String> all =
        new ArrayList<>(
            List.of(
                "parking.lot.read",
                "parking.lot.manage",
                "parking.booking.read",
                "parking.booking.create",
                "parking.booking.cancel",
                "parking.coupon.grant"));
    all.addAll(FakeParkingCards.permissions());
    return all;
  }

  @Override
  public void started(FakeTenantApi fake) {
    this.fake = fake;
  }

  /** Seeds a lot of an estate; answers its id. */
  public synchronized long lot(long estateId, String code, String name) {
    Map<String, Object> lot = new LinkedHashMap<>();
    lot.put("id", next++);
    lot.put("estateId", estateId);
    lot.put("code", code);
    lot.put("name", name);
    lot.put("location", "underground");
    lot.put("levels", 1);
    lot.put("temporarySpaces", 0);
    lot.put("version", 0);
    lots.add(lot);
    return (Long) lot.get("id");
  }

  /** Seeds a passage of the lot as its gate decided it; answers its id. */
  public synchronized long passage(
      long lotId,
      String gateName,
      String direction,
      String plate,
      int confidence,
      String decision,
      String reason,
      String fee) {
    Map<String, Object> lot =
        lots.stream().filter(l -> l.get("id").equals(lotId)).findFirst().orElseThrow();
    return cards.passage(lot, gateName, direction, plate, confidence, decision, reason, fee);
  }

  /** Seeds a resident's grant of free time today for a visitor's plate in a lot. */
  public synchronized void visitorGrant(long lotId, String plate, int minutes, long personId) {
    Map<String, Object> lot =
        lots.stream().filter(l -> l.get("id").equals(lotId)).findFirst().orElseThrow();
    discounts.visitor(lot, plate, minutes, personId);
  }

  /** The lot's tariff as stored, or null. */
  public synchronized Map<String, Object> tariffOf(long lotId) {
    return tariffs.get(lotId);
  }

  /** Seeds the spaces {@code prefix + from … to} (three digits) of a lot. */
  public synchronized void spaces(long lotId, String prefix, int from, int to, String kind) {
    Map<String, Object> lot =
        lots.stream().filter(l -> l.get("id").equals(lotId)).findFirst().orElseThrow();
    createRange(
        FakeResponse.JSON
            .createObjectNode()
            .put("prefix", prefix)
            .put("from", from)
            .put("to", to)
            .put("digits", 3)
            .put("kind", kind)
            .put("level", -1),
        lot);
  }

  @Override
  public synchronized FakeResponse handle(FakeRequest r) {
    FakeResponse cardsOrLists = cards.handle(r);
    if (cardsOrLists != null) {
      return cardsOrLists;
    }
    FakeResponse discount = discounts.handle(r);
    if (discount != null) {
      return discount;
    }
    if (r.is("GET", "lots")) {
      r.require("parking.lot.read");
      return FakeResponse.page(
          lots.stream().filter(l -> inScope(r, "parking.lot.read", l)).map(this::lotView).toList(),
          r);
    }
    if (r.is("POST", "lots")) {
      r.require("parking.lot.manage");
      return FakeResponse.json(201, lotView(createLot(r)));
    }
    if (r.is("POST", "lots/\\d+/spaces")) {
      r.require("parking.lot.manage");
      Map<String, Object> lot =
          lot(r, "parking.lot.manage", Long.parseLong(r.path().split("/")[1]));
      return FakeResponse.json(201, createRange(r.body(), lot));
    }
    if (r.is("GET", "lots/\\d+/tariff")) {
      r.require("parking.lot.read");
      long id = Long.parseLong(r.path().split("/")[1]);
      lot(r, "parking.lot.read", id);
      Map<String, Object> t = tariffs.get(id);
      if (t == null) {
        throw new FakeProblem(
            404, "no-tariff", "No tariff", "Lot " + id + " has no temporary-parking tariff yet.");
      }
      return FakeResponse.json(t);
    }
    if (r.is("PUT", "lots/\\d+/tariff")) {
      r.require("parking.lot.manage");
      long id = Long.parseLong(r.path().split("/")[1]);
      lot(r, "parking.lot.manage", id);
      return FakeResponse.json(putTariff(id, r.body()));
    }
    if (r.is("POST", "lots/\\d+/spaces/import")) {
      r.require("parking.lot.manage");
      Map<String, Object> lot =
          lot(r, "parking.lot.manage", Long.parseLong(r.path().split("/")[1]));
      return FakeResponse.json(importSpaces(lot, r.rawBody()));
    }
    if (r.is("GET", "lots/\\d+/gates")) {
      r.require("parking.lot.read");
      long id = Long.parseLong(r.path().split("/")[1]);
      lot(r, "parking.lot.read", id);
      return FakeResponse.json(gates.stream().filter(g -> g.get("lotId").equals(id)).toList());
    }
    if (r.is("POST", "gates")) {
      r.require("parking.lot.manage");
      return FakeResponse.json(201, addGate(r));
    }
    if (r.is("GET", "lots/\\d+/map")) {
      r.require("parking.lot.read");
      long id = Long.parseLong(r.path().split("/")[1]);
      lot(r, "parking.lot.read", id);
      return FakeResponse.json(map(id));
    }
    if (r.is("GET", "spaces/\\d+/owners")) {
      r.require("parking.lot.read");
      Map<String, Object> space =
          space(r, "parking.lot.read", Long.parseLong(r.path().split("/")[1]));
      List<Map<String, Object>> history =
          new ArrayList<>(owners.getOrDefault(space.get("id"), List.of()));
      java.util.Collections.reverse(history);
      return FakeResponse.json(history);
    }
    if (r.is("POST", "spaces/\\d+/owners")) {
      r.require("parking.lot.manage");
      Map<String, Object> space =
          space(r, "parking.lot.manage", Long.parseLong(r.path().split("/")[1]));
      return FakeResponse.json(201, recordOwner(space, r.body()));
    }
    if (r.is("GET", "spaces")) {
      r.require("parking.lot.read");
      String lotId = r.query("lotId");
      return FakeResponse.page(
          spaces.stream()
              .filter(
                  s -> lotId == null || lotId.isBlank() || s.get("lotId").toString().equals(lotId))
              .filter(s -> inScope(r, "parking.lot.read", s))
              .toList(),
          r);
    }
    if (r.is("GET", "leases") || r.is("GET", "reservations")) {
      r.require("parking.booking.read");
      boolean current = "true".equals(r.query("current"));
      String kind = r.is("GET", "leases") ? "lease" : "reservation";
      return FakeResponse.page(
          leases.stream()
              .filter(b -> kind.equals(b.get("kind")))
              .filter(b -> inScope(r, "parking.booking.read", b))
              .filter(
                  b ->
                      !current
                          || ("active".equals(b.get("state"))
                              && Instant.parse(b.get("to").toString()).isAfter(Instant.now())))
              .toList(),
          r);
    }
    if (r.is("POST", "leases")) {
      r.require("parking.booking.create");
      return FakeResponse.json(201, lease(r));
    }
    if (r.is("POST", "reservations")) {
      r.require("parking.booking.create");
      return FakeResponse.json(201, reservation(r));
    }
    if (r.is("POST", "reservations/\\d+/arrive")) {
      r.require("parking.gate.operate");
      Map<String, Object> held = booking(r, "parking.gate.operate", r.path().split("/")[1]);
      if (!"active".equals(held.get("state"))) {
        throw new FakeProblem(
            409, "wrong-state", "Not allowed in this state", "Booking is cancelled already.");
      }
      held.putIfAbsent("arrivedAt", null);
      if (held.get("arrivedAt") == null) {
        held.put("arrivedAt", Instant.now().toString());
        held.put("version", ((Number) held.get("version")).intValue() + 1);
      }
      return FakeResponse.json(held);
    }
    if (r.is("POST", "reservations/\\d+/cancel")) {
      r.require("parking.booking.cancel");
      return FakeResponse.json(cancel(r, Long.parseLong(r.path().split("/")[1])));
    }
    if (r.is("POST", "leases/\\d+/cancel")) {
      r.require("parking.booking.cancel");
      return FakeResponse.json(cancel(r, Long.parseLong(r.path().split("/")[1])));
    }
    return null;
  }

  private boolean inScope(FakeRequest r, String permission, Map<String, Object> row) {
    return r.caller().canIn(permission, ((Number) row.get("estateId")).longValue());
  }

  private Map<String, Object> lot(FakeRequest r, String permission, long id) {
    return lots.stream()
        .filter(l -> ((Number) l.get("id")).longValue() == id && inScope(r, permission, l))
        .findFirst()
        .orElseThrow(() -> notFound("Parking lot", id));
  }

  private Map<String, Object> createLot(FakeRequest r) {
    JsonNode b = r.body();
    List<Map<String, Object>> errors = new ArrayList<>();
    if (!b.path("estateId").canConvertToLong()) {
      errors.add(error("estateId", "is required"));
    }
    String code = b.path("code").asText("").strip();
    if (!CODE.matcher(code).matches()) {
      errors.add(error("code", code.isEmpty() ? "is required" : "must be letters, digits, _ or -"));
    }
    String name = b.path("name").asText("").strip();
    if (name.isEmpty()) {
      errors.add(error("name", "is required"));
    }
    String location = b.path("location").asText("");
    if (!Set.of("underground", "above_ground").contains(location)) {
      errors.add(error("location", "is not one of: above_ground, underground"));
    }
    refuse(errors);
    long estate = b.path("estateId").asLong();
    if (!r.caller().canIn("parking.lot.manage", estate)) {
      throw new FakeProblem(403, "outside-scope", "Outside your scope", "Not your estate.");
    }
    if (fake == null || !fake.area(FakeEstateArea.class).hasEstate(estate)) {
      throw new FakeProblem(
          422, "unknown-estate", "Unknown estate", "Estate " + estate + " does not exist.");
    }
    if (lots.stream().anyMatch(l -> l.get("code").equals(code))) {
      throw new FakeProblem(
          409, "duplicate", "Already exists", "A lot with code " + code + " exists already.");
    }
    Map<String, Object> lot = new LinkedHashMap<>();
    lot.put("id", next++);
    lot.put("estateId", estate);
    lot.put("code", code);
    lot.put("name", name);
    lot.put("location", location);
    lot.put("levels", b.path("levels").asInt(1));
    lot.put("temporarySpaces", b.path("temporarySpaces").asInt(0));
    lot.put("version", 0);
    lots.add(lot);
    return lot;
  }

  private Map<String, Object> lotView(Map<String, Object> lot) {
    Map<String, Object> v = new LinkedHashMap<>(lot);
    v.put("spaces", spaces.stream().filter(s -> s.get("lotId").equals(lot.get("id"))).count());
    return v;
  }

  private List<Map<String, Object>> createRange(JsonNode b, Map<String, Object> lot) {
    List<Map<String, Object>> errors = new ArrayList<>();
    String prefix = b.path("prefix").asText("").strip();
    int from = b.path("from").asInt(-1);
    int to = b.path("to").asInt(-1);
    int digits = b.path("digits").asInt(3);
    String kind = b.path("kind").asText("");
    if (from < 0) {
      errors.add(error("from", "is required"));
    }
    if (to < from) {
      errors.add(error("to", "must not be less than from"));
    } else if (to - from + 1 > 1000) {
      errors.add(error("to", "makes more than 1000 spaces at once"));
    }
    if (!KINDS.contains(kind)) {
      errors.add(error("kind", "is not a kind of space"));
    }
    int level = b.path("level").asInt(1);
    if (level == 0 || level < -10 || level > 20) {
      errors.add(error("level", "must be from -10 to 20, not 0"));
    }
    refuse(errors);
    List<Map<String, Object>> made = new ArrayList<>();
    for (int n = from; n <= to; n++) {
      String number = prefix + String.format("%0" + digits + "d", n);
      boolean taken =
          spaces.stream()
              .anyMatch(
                  s -> s.get("lotId").equals(lot.get("id")) && s.get("number").equals(number));
      if (taken) {
        throw new FakeProblem(
            409,
            "duplicate",
            "Already exists",
            "The lot has a space " + number + " already; nothing was created.",
            Map.of("number", number));
      }
      made.add(spaceRow(lot, number, kind, level, "standard", "in_service"));
    }
    spaces.addAll(made);
    return made;
  }

  private Map<String, Object> spaceRow(
      Map<String, Object> lot, String number, String kind, int level, String size, String state) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("id", next++);
    s.put("lotId", lot.get("id"));
    s.put("estateId", lot.get("estateId"));
    s.put("number", number);
    s.put("kind", kind);
    s.put("level", level);
    s.put("size", size);
    s.put("state", state);
    s.put("version", 0);
    s.put("ownerName", null);
    return s;
  }

  /** A lot's spaces from a CSV file, all or none ({@link FakeSpaceImport}). */
  private Map<String, Object> importSpaces(Map<String, Object> lot, byte[] csv) {
    Set<String> taken = new java.util.HashSet<>();
    spaces.stream()
        .filter(s -> s.get("lotId").equals(lot.get("id")))
        .forEach(s -> taken.add(s.get("number").toString()));
    List<FakeSpaceImport.Row> rows = FakeSpaceImport.read(csv, taken);
    for (FakeSpaceImport.Row row : rows) {
      spaces.add(spaceRow(lot, row.number(), row.kind(), row.level(), row.size(), row.state()));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("lotId", lot.get("id"));
    answer.put("spacesCreated", rows.size());
    return answer;
  }

  private Map<String, Object> space(FakeRequest r, String permission, long id) {
    return spaces.stream()
        .filter(s -> ((Number) s.get("id")).longValue() == id && inScope(r, permission, s))
        .findFirst()
        .orElseThrow(() -> notFound("Parking space", id));
  }

  /**
   * A camera's lane made an entry or exit of a lot, as {@code GatesResource.addGate} checks it: the
   * lot in scope (404), the fields (422), the device the company's (404 device-not-found), the lane
   * not a gate already (409 duplicate).
   */
  private Map<String, Object> addGate(FakeRequest r) {
    JsonNode b = r.body();
    Map<String, Object> lot = lot(r, "parking.lot.manage", b.path("lotId").asLong(-1));
    List<Map<String, Object>> errors = new ArrayList<>();
    for (String field : List.of("name", "deviceId", "lane")) {
      if (b.path(field).asText("").isBlank()) {
        errors.add(error(field, "is required"));
      }
    }
    String direction = b.path("direction").asText("");
    if (!direction.equals("entry") && !direction.equals("exit")) {
      errors.add(error("direction", "must be entry or exit"));
    }
    refuse(errors);
    String device = b.path("deviceId").asText().strip();
    if (!fake.area(FakeDevicesArea.class).has(device)) {
      throw new FakeProblem(
          404, "device-not-found", "Device not found", "Device " + device + " not found.");
    }
    String lane = b.path("lane").asText().strip();
    if (gates.stream()
        .anyMatch(g -> g.get("deviceId").equals(device) && g.get("lane").equals(lane))) {
      throw new FakeProblem(
          409,
          "duplicate",
          "Already exists",
          "Lane " + lane + " of " + device + " is a gate already.",
          Map.of("lane", lane));
    }
    Map<String, Object> g = new LinkedHashMap<>();
    g.put("id", next++);
    g.put("lotId", lot.get("id"));
    g.put("deviceId", device);
    g.put("lane", lane);
    g.put("direction", direction);
    g.put("name", b.path("name").asText().strip());
    g.put("createdAt", Instant.now().toString());
    gates.add(g);
    return g;
  }

  /**
   * The lot's map: its spaces, highest level first and by number, each with the lease or
   * reservation active now, as {@code Spaces.map} answers.
   */
  private Map<String, Object> map(long lotId) {
    Instant now = Instant.now();
    List<Map<String, Object>> tiles = new ArrayList<>();
    spaces.stream()
        .filter(s -> s.get("lotId").equals(lotId))
        .sorted(
            java.util.Comparator.comparing(
                    (Map<String, Object> s) -> -((Number) s.get("level")).intValue())
                .thenComparing(s -> s.get("number").toString()))
        .forEach(
            s -> {
              Map<String, Object> held =
                  leases.stream()
                      .filter(b -> b.get("spaceId").equals(s.get("id")))
                      .filter(b -> "active".equals(b.get("state")))
                      .filter(b -> !Instant.parse(b.get("from").toString()).isAfter(now))
                      .filter(b -> Instant.parse(b.get("to").toString()).isAfter(now))
                      .findFirst()
                      .orElse(null);
              Map<String, Object> tile = new LinkedHashMap<>();
              tile.put("space", s);
              tile.put("heldBy", held == null ? null : held.get("kind"));
              tile.put("heldUntil", held == null ? null : held.get("to"));
              tiles.add(tile);
            });
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("lotId", lotId);
    map.put("at", now.toString());
    map.put("complete", true);
    map.put("spaces", tiles);
    return map;
  }

  private Map<String, Object> recordOwner(Map<String, Object> space, JsonNode b) {
    List<Map<String, Object>> errors = new ArrayList<>();
    String name = b.path("holderName").asText("").strip();
    if (name.isEmpty()) {
      errors.add(error("holderName", "is required"));
    }
    LocalDate since = null;
    try {
      since = LocalDate.parse(b.path("since").asText());
    } catch (RuntimeException e) {
      errors.add(error("since", "is required"));
    }
    java.math.BigDecimal fee = billed(b, "monthlyFee", errors);
    refuse(errors);
    if (!"owned".equals(space.get("kind"))) {
      throw new FakeProblem(
          422,
          "space-not-owned",
          "Space not sold",
          "Space " + space.get("number") + " is a " + space.get("kind") + " space.");
    }
    List<Map<String, Object>> history =
        owners.computeIfAbsent((Long) space.get("id"), k -> new ArrayList<>());
    if (!history.isEmpty()) {
      Map<String, Object> current = history.get(history.size() - 1);
      LocalDate currentSince = LocalDate.parse(current.get("since").toString());
      if (!since.isAfter(currentSince)) {
        throw new FakeProblem(
            409,
            "owner-since-order",
            "Owner out of order",
            current.get("holderName")
                + " owns the space since "
                + currentSince
                + ": a new owner's first day comes after it.",
            Map.of("currentSince", currentSince.toString()));
      }
      current.put("until", since.toString());
    }
    Map<String, Object> owner = new LinkedHashMap<>();
    owner.put("id", next++);
    owner.put("spaceId", space.get("id"));
    owner.put("holderName", name);
    owner.put(
        "holderPhone",
        b.path("holderPhone").asText("").isBlank() ? null : b.path("holderPhone").asText());
    owner.put("since", since.toString());
    owner.put("until", null);
    owner.put("note", null);
    owner.put("recordedAt", Instant.now().toString());
    owner.put("roomId", fee == null ? null : b.path("roomId").asLong());
    owner.put("monthlyFee", fee);
    history.add(owner);
    space.put("ownerName", name);
    return owner;
  }

  private Map<String, Object> putTariff(long lotId, JsonNode b) {
    List<Map<String, Object>> errors = new ArrayList<>();
    minutes(b, "freeMinutes", 0, errors);
    minutes(b, "firstMinutes", 1, errors);
    minutes(b, "unitMinutes", 1, errors);
    for (String price : List.of("firstPrice", "unitPrice")) {
      if (!b.path(price).isNumber()
          || b.path(price).decimalValue().signum() < 0
          || b.path(price).decimalValue().stripTrailingZeros().scale() > 2) {
        errors.add(error(price, "must be an amount from 0 to 10000 with at most 2 decimals"));
      }
    }
    boolean anyNight =
        !b.path("nightFrom").asText("").isBlank()
            || !b.path("nightTo").asText("").isBlank()
            || b.path("nightUnitPrice").isNumber();
    boolean allNight =
        !b.path("nightFrom").asText("").isBlank()
            && !b.path("nightTo").asText("").isBlank()
            && b.path("nightUnitPrice").isNumber();
    if (anyNight && !allNight) {
      errors.add(error("nightFrom", "a night rate needs its start, its end and its price"));
    }
    if (b.hasNonNull("graceMinutes")
        && (!b.path("graceMinutes").canConvertToInt()
            || b.path("graceMinutes").asInt() < 0
            || b.path("graceMinutes").asInt() > 120)) {
      errors.add(error("graceMinutes", "must be from 0 to 120"));
    }
    if (b.hasNonNull("visitorMinutes")
        && (!b.path("visitorMinutes").canConvertToInt()
            || b.path("visitorMinutes").asInt() < 0
            || b.path("visitorMinutes").asInt() > 1440)) {
      errors.add(error("visitorMinutes", "must be from 0 to 1440"));
    }
    Map<String, Object> now = tariffs.get(lotId);
    if (now != null && !b.path("version").canConvertToInt()) {
      errors.add(error("version", "the lot has a tariff: send the version you read"));
    }
    refuse(errors);
    if (now != null && b.path("version").asInt() != ((Number) now.get("version")).intValue()) {
      throw new FakeProblem(
          409, "stale-version", "Stale version", "Tariff of lot " + lotId + " was changed.");
    }
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("lotId", lotId);
    t.put("freeMinutes", b.path("freeMinutes").asInt());
    t.put("firstMinutes", b.path("firstMinutes").asInt());
    t.put("firstPrice", b.path("firstPrice").decimalValue().setScale(2));
    t.put("unitMinutes", b.path("unitMinutes").asInt());
    t.put("unitPrice", b.path("unitPrice").decimalValue().setScale(2));
    t.put("nightFrom", allNight ? b.path("nightFrom").asText() : null);
    t.put("nightTo", allNight ? b.path("nightTo").asText() : null);
    t.put("nightUnitPrice", allNight ? b.path("nightUnitPrice").decimalValue().setScale(2) : null);
    t.put(
        "capPer24h",
        b.path("capPer24h").isNumber() ? b.path("capPer24h").decimalValue().setScale(2) : null);
    t.put(
        "graceMinutes",
        b.hasNonNull("graceMinutes")
            ? b.path("graceMinutes").asInt()
            : now == null ? 15 : now.get("graceMinutes"));
    t.put(
        "visitorMinutes",
        b.hasNonNull("visitorMinutes")
            ? b.path("visitorMinutes").asInt()
            : now == null ? 120 : now.get("visitorMinutes"));
    t.put("version", now == null ? 0 : ((Number) now.get("version")).intValue() + 1);
    tariffs.put(lotId, t);
    return t;
  }

  private static void minutes(JsonNode b, String field, int min, List<Map<String, Object>> errors) {
    if (!b.path(field).canConvertToInt()
        || b.path(field).asInt() < min
        || b.path(field).asInt() > 1440) {
      errors.add(error(field, "must be from " + min + " to 1440"));
    }
  }

  private Map<String, Object> lease(FakeRequest r) {
    JsonNode b = r.body();
    List<Map<String, Object>> errors = new ArrayList<>();
    if (!b.path("spaceId").canConvertToLong()) {
      errors.add(error("spaceId", "is required"));
    }
    LocalDate start = null;
    try {
      start = LocalDate.parse(b.path("startDate").asText());
    } catch (RuntimeException e) {
      errors.add(error("startDate", "is required"));
    }
    String term = b.path("term").asText("");
    if (!TERMS.contains(term)) {
      errors.add(error("term", "is not one of: monthly, quarterly, yearly"));
    }
    int terms =
        b.path("terms").isNull() || b.path("terms").isMissingNode() ? 1 : b.path("terms").asInt();
    if (terms < 1 || terms > 120) {
      errors.add(error("terms", "must be from 1 to 120"));
    }
    String holder = b.path("holderName").asText("").strip();
    if (holder.isEmpty()) {
      errors.add(error("holderName", "is required"));
    }
    java.math.BigDecimal rent = billed(b, "rent", errors);
    refuse(errors);
    long spaceId = b.path("spaceId").asLong();
    Map<String, Object> space =
        spaces.stream()
            .filter(s -> ((Number) s.get("id")).longValue() == spaceId)
            .filter(s -> inScope(r, "parking.booking.create", s))
            .findFirst()
            .orElseThrow(() -> notFound("Parking space", spaceId));
    if (!LEASABLE.contains(space.get("kind"))) {
      throw new FakeProblem(
          422,
          "space-not-leasable",
          "Space not for lease",
          "Space " + space.get("number") + " is not leased.");
    }
    LocalDate end =
        switch (term) {
          case "monthly" -> start.plusMonths(terms);
          case "quarterly" -> start.plusMonths(3L * terms);
          default -> start.plusYears(terms);
        };
    Instant from = start.atStartOfDay(ZONE).toInstant();
    Instant to = end.atStartOfDay(ZONE).toInstant();
    for (Map<String, Object> held : leases) {
      if (held.get("spaceId").equals(space.get("id"))
          && "active".equals(held.get("state"))
          && Instant.parse(held.get("from").toString()).isBefore(to)
          && from.isBefore(Instant.parse(held.get("to").toString()))) {
        Map<String, Object> heldBy = new LinkedHashMap<>();
        heldBy.put("bookingId", held.get("id"));
        heldBy.put("kind", "lease");
        heldBy.put("from", held.get("from"));
        heldBy.put("to", held.get("to"));
        throw new FakeProblem(
            409,
            "space-taken",
            "Space taken",
            "Space "
                + space.get("number")
                + " is leased for "
                + held.get("firstDay")
                + " – "
                + held.get("lastDay")
                + " (lease "
                + held.get("id")
                + ").",
            Map.of("heldBy", heldBy));
      }
    }
    Map<String, Object> lease = new LinkedHashMap<>();
    lease.put("id", next++);
    lease.put("kind", "lease");
    lease.put("spaceId", space.get("id"));
    lease.put("spaceNumber", space.get("number"));
    lease.put("lotId", space.get("lotId"));
    lease.put("estateId", space.get("estateId"));
    lease.put("term", term);
    lease.put("terms", terms);
    lease.put("holderName", holder);
    lease.put(
        "holderPhone",
        b.path("holderPhone").isTextual() && !b.path("holderPhone").asText().isBlank()
            ? b.path("holderPhone").asText()
            : null);
    lease.put("from", from.toString());
    lease.put("to", to.toString());
    lease.put("state", "active");
    lease.put("note", null);
    lease.put("cancelReason", null);
    lease.put("version", 0);
    lease.put("firstDay", start.toString());
    lease.put("lastDay", end.minusDays(1).toString());
    lease.put("roomId", rent == null ? null : b.path("roomId").asLong());
    lease.put("rent", rent);
    leases.add(lease);
    return lease;
  }

  private Map<String, Object> booking(FakeRequest r, String permission, String id) {
    long wanted = Long.parseLong(id);
    return leases.stream()
        .filter(b -> ((Number) b.get("id")).longValue() == wanted)
        .filter(b -> inScope(r, permission, b))
        .findFirst()
        .orElseThrow(() -> notFound("Lease or reservation", wanted));
  }

  /** A visitor space for a slot, as the API takes it (plate and waiting minutes optional). */
  private Map<String, Object> reservation(FakeRequest r) {
    JsonNode b = r.body();
    List<Map<String, Object>> errors = new ArrayList<>();
    Instant from = instant(b, "from", errors);
    Instant to = instant(b, "to", errors);
    if (from != null && to != null && !to.isAfter(from)) {
      errors.add(error("to", "must be after from"));
    }
    String holder = b.path("holderName").asText("").strip();
    if (holder.isEmpty()) {
      errors.add(error("holderName", "is required"));
    }
    int wait = b.path("noShowMinutes").isNumber() ? b.path("noShowMinutes").asInt() : 30;
    if (wait < 5 || wait > 1440) {
      errors.add(error("noShowMinutes", "must be from 5 to 1440"));
    }
    refuse(errors);
    long spaceId = b.path("spaceId").asLong();
    Map<String, Object> space =
        spaces.stream()
            .filter(s -> ((Number) s.get("id")).longValue() == spaceId)
            .filter(s -> inScope(r, "parking.booking.create", s))
            .findFirst()
            .orElseThrow(() -> notFound("Parking space", spaceId));
    if (!"visitor".equals(space.get("kind"))) {
      throw new FakeProblem(
          422, "space-not-reservable", "Space not for visitors", "Only visitor spaces.");
    }
    for (Map<String, Object> held : leases) {
      if (held.get("spaceId").equals(space.get("id"))
          && "active".equals(held.get("state"))
          && Instant.parse(held.get("from").toString()).isBefore(to)
          && from.isBefore(Instant.parse(held.get("to").toString()))) {
        throw new FakeProblem(
            409,
            "space-taken",
            "Space taken",
            "Space " + space.get("number") + " is held then (booking " + held.get("id") + ").");
      }
    }
    String plate = b.path("plate").asText("").replaceAll("[\\s·.-]", "").toUpperCase();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", next++);
    row.put("kind", "reservation");
    row.put("spaceId", space.get("id"));
    row.put("spaceNumber", space.get("number"));
    row.put("lotId", space.get("lotId"));
    row.put("estateId", space.get("estateId"));
    row.put("holderName", holder);
    row.put("from", from.toString());
    row.put("to", to.toString());
    row.put("state", "active");
    row.put("version", 0);
    row.put("plate", plate.isEmpty() ? null : plate);
    row.put("noShowMinutes", wait);
    row.put("arrivedAt", null);
    row.put("releasedAt", null);
    leases.add(row);
    return row;
  }

  private static Instant instant(JsonNode b, String field, List<Map<String, Object>> errors) {
    try {
      return java.time.OffsetDateTime.parse(b.path(field).asText()).toInstant();
    } catch (RuntimeException e) {
      errors.add(error(field, "is required"));
      return null;
    }
  }

  private Map<String, Object> cancel(FakeRequest r, long id) {
    Map<String, Object> lease =
        leases.stream()
            .filter(b -> ((Number) b.get("id")).longValue() == id)
            .filter(b -> inScope(r, "parking.booking.cancel", b))
            .findFirst()
            .orElseThrow(() -> notFound("Lease or reservation", id));
    JsonNode b = r.body();
    String reason = b.path("reason").asText("").strip();
    List<Map<String, Object>> errors = new ArrayList<>();
    if (reason.isEmpty()) {
      errors.add(error("reason", "is required"));
    }
    if (!b.path("version").canConvertToInt()) {
      errors.add(error("version", "is required"));
    }
    refuse(errors);
    if (!"active".equals(lease.get("state"))) {
      throw new FakeProblem(
          409,
          "wrong-state",
          "Not allowed in this state",
          "Booking " + id + " is cancelled already.");
    }
    if (b.path("version").asInt() != ((Number) lease.get("version")).intValue()) {
      throw new FakeProblem(
          409, "stale-version", "Stale version", "Lease or reservation " + id + " was changed.");
    }
    lease.put("state", "cancelled");
    lease.put("cancelReason", reason);
    lease.put("version", ((Number) lease.get("version")).intValue() + 1);
    return lease;
  }

  /** Shared with {@link FakeParkingCards}: parking answers its refusals alike. */
  static FakeProblem notFound(String label, long id) {
    return new FakeProblem(404, "not-found", "Not found", label + " " + id + " not found.");
  }

  /**
   * A rent or fee billed to {@code roomId} as the API takes it: both or neither, a positive amount
   * with at most two places, a room the estate fake has.
   */
  private java.math.BigDecimal billed(JsonNode b, String field, List<Map<String, Object>> errors) {
    boolean room = b.path("roomId").canConvertToLong();
    boolean amount = b.path(field).isNumber();
    if (!room && !amount) {
      return null;
    }
    if (!room || !amount) {
      errors.add(
          error(room ? field : "roomId", "give roomId and " + field + " together, or neither"));
      return null;
    }
    java.math.BigDecimal v = b.path(field).decimalValue();
    if (v.signum() <= 0 || v.stripTrailingZeros().scale() > 2) {
      errors.add(error(field, "must be more than 0, with at most two decimal places"));
      return null;
    }
    if (fake == null
        || fake.area(FakeEstateArea.class).roomById(b.path("roomId").asLong()) == null) {
      errors.add(
          error("roomId", "is not a room of yours (room " + b.path("roomId").asLong() + ")"));
      return null;
    }
    return v.setScale(2);
  }

  static Map<String, Object> error(String field, String message) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("field", field);
    e.put("message", message);
    return e;
  }

  static void refuse(List<Map<String, Object>> errors) {
    if (!errors.isEmpty()) {
      throw new FakeProblem(
          422,
          "validation-failed",
          "Invalid input",
          errors.stream()
                  .map(e -> e.get("field") + " " + e.get("message"))
                  .reduce((a, c) -> a + "; " + c)
                  .orElse("")
              + ".",
          Map.of("errors", errors));
    }
  }
}
