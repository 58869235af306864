package org.courtyard.admin.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The parking module's monthly cards and plate lists as the card and list screens use them: cards
 * (list with plate and state filters, sell with 409 card-overlaps naming the card that holds a day,
 * cancel at the version read) and list entries (list, add with 409 already-listed, company-wide
 * only for staff of the whole company, remove), passages (newest first, waiting ones, a guard's
 * open or refuse with 409 wrong-state once decided) and a lot's occupancy. Shapes and problem types
 * follow {@code CardsResource}, {@code ListsResource}, {@code Cards}, {@code ListEntries} and
 * {@code org.courtyard.api.Plates}; the lots are {@link FakeParkingArea}'s.
 */
final class FakeParkingCards {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-\u00B7\u2022\u30FB]+");
  private static final Pattern PLATE =
      Pattern.compile(
          "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z](?:[A-Z0-9]{5,6}|[A-Z0-9]{4}[挂学警港澳领])"
              + "|[A-Z0-9]{2,10}");

  private final List<Map<String, Object>> cards = new ArrayList<>();
  private final List<Map<String, Object>> entries = new ArrayList<>();
  private final List<Map<String, Object>> passages = new ArrayList<>();

  /** A lot the caller may use with a permission, by id; 404 otherwise. */
  interface Lots {
    Map<String, Object> lot(FakeRequest r, String permission, long id);

    /** Whether a row's estate is in the caller's scope for the permission. */
    boolean inScope(FakeRequest r, String permission, Map<String, Object> row);

    /** The lots in the caller's scope for the permission. */
    List<Map<String, Object>> all(FakeRequest r, String permission);
  }

  private final List<Map<String, Object>> payments = new ArrayList<>();

  private final Lots lots;
  private long next = 10_000;

  FakeParkingCards(Lots lots) {
    this.lots = lots;
  }

  static List<String> permissions() {
    return List.of(
        "parking.card.read",
        "parking.card.manage",
        "parking.list.read",
        "parking.list.manage",
        "parking.gate.read",
        "parking.gate.operate",
        "parking.payment.collect",
        "parking.report.read");
  }

  static String normalize(String raw) {
    String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
    return SEPARATORS.matcher(s).replaceAll("");
  }

  /** Seeds a passage as a gate decided it; answers its id. */
  synchronized long passage(
      Map<String, Object> lot,
      String gateName,
      String direction,
      String plate,
      int confidence,
      String decision,
      String reason,
      String fee) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("id", next++);
    p.put("lotId", lot.get("id"));
    p.put("estateId", lot.get("estateId"));
    p.put("gateId", 1);
    p.put("gateName", gateName);
    p.put("direction", direction);
    p.put("plate", plate);
    p.put("readPlate", plate);
    p.put("confidence", confidence);
    p.put("seenAt", Instant.now().toString());
    p.put("decision", decision);
    p.put("reason", reason);
    p.put("fee", fee);
    p.put("inside", "entry".equals(direction) && "open".equals(decision) && plate != null);
    p.put("commandId", "open".equals(decision) ? next++ : null);
    p.put("decidedBy", null);
    p.put("decidedAt", null);
    p.put("note", null);
    passages.add(p);
    return (Long) p.get("id");
  }

  /** The answer to a cards, lists or passages request, or null for another path. */
  FakeResponse handle(FakeRequest r) {
    FakeResponse report = report(r);
    if (report != null) {
      return report;
    }
    FakeResponse gate = gate(r);
    if (gate != null) {
      return gate;
    }
    if (r.is("GET", "cards")) {
      r.require("parking.card.read");
      String plate = r.query("plate");
      String stored = plate == null || plate.isBlank() ? null : normalize(plate);
      return FakeResponse.page(
          cards.stream()
              .filter(c -> stored == null || stored.equals(c.get("plate")))
              .filter(c -> lots.inScope(r, "parking.card.read", c))
              .map(this::cardView)
              .toList(),
          r);
    }
    if (r.is("POST", "cards")) {
      r.require("parking.card.manage");
      return FakeResponse.json(201, cardView(sell(r)));
    }
    if (r.is("POST", "cards/\\d+/cancel")) {
      r.require("parking.card.manage");
      return FakeResponse.json(cardView(cancel(r, Long.parseLong(r.path().split("/")[1]))));
    }
    if (r.is("GET", "lists")) {
      r.require("parking.list.read");
      String list = r.query("list");
      return FakeResponse.page(
          entries.stream()
              .filter(e -> list == null || list.isBlank() || list.equals(e.get("list")))
              .filter(e -> e.get("lotId") == null || lots.inScope(r, "parking.list.read", e))
              .map(this::entryView)
              .toList(),
          r);
    }
    if (r.is("POST", "lists")) {
      r.require("parking.list.manage");
      return FakeResponse.json(201, entryView(list(r)));
    }
    if (r.is("DELETE", "lists/\\d+")) {
      r.require("parking.list.manage");
      long id = Long.parseLong(r.path().split("/")[1]);
      Map<String, Object> e =
          entries.stream()
              .filter(x -> ((Number) x.get("id")).longValue() == id)
              .filter(x -> x.get("lotId") == null || lots.inScope(r, "parking.list.manage", x))
              .findFirst()
              .orElseThrow(() -> notFound("List entry", id));
      entries.remove(e);
      return FakeResponse.noContent();
    }
    return null;
  }

  /**
   * Parking's reports as ReportsResource answers them, from what the fake holds: entries and the
   * vehicles inside by the hour they came in (today's), takings by the day they were taken, no
   * finished stays, and the cards ending within the days asked.
   */
  private FakeResponse report(FakeRequest r) {
    if (!r.path().startsWith("reports/") || !"GET".equals(r.method())) {
      return null;
    }
    r.require("parking.report.read");
    String lotId = r.query("lotId");
    List<Map<String, Object>> shown =
        lots.all(r, "parking.report.read").stream()
            .filter(l -> lotId == null || lotId.isBlank() || l.get("id").toString().equals(lotId))
            .toList();
    java.util.Set<String> ids =
        shown.stream()
            .map(l -> l.get("id").toString())
            .collect(java.util.stream.Collectors.toSet());
    java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
    LocalDate from =
        r.path().equals("reports/expiring-cards") ? null : LocalDate.parse(r.query("from"));
    LocalDate to = from == null ? null : LocalDate.parse(r.query("to"));
    switch (r.path()) {
      case "reports/occupancy" -> {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> lot : shown) {
          int[] entries = new int[24];
          int[] inside = new int[24];
          for (Map<String, Object> p : passages) {
            if (p.get("lotId").equals(lot.get("id"))
                && "entry".equals(p.get("direction"))
                && "open".equals(p.get("decision"))) {
              int hour = Instant.parse(p.get("seenAt").toString()).atZone(zone).getHour();
              entries[hour]++;
              for (int h = hour; h < 24 && Boolean.TRUE.equals(p.get("inside")); h++) {
                inside[h]++;
              }
            }
          }
          List<Map<String, Object>> hours = new ArrayList<>();
          for (int h = 0; h < 24; h++) {
            hours.add(
                Map.of(
                    "hour",
                    h,
                    "avgInside",
                    java.math.BigDecimal.valueOf(inside[h]).setScale(1),
                    "peakInside",
                    inside[h],
                    "entries",
                    entries[h]));
          }
          out.add(
              Map.of(
                  "lotId",
                  lot.get("id"),
                  "code",
                  lot.get("code"),
                  "name",
                  lot.get("name"),
                  "hours",
                  hours));
        }
        return FakeResponse.json(Map.of("from", from.toString(), "to", to.toString(), "lots", out));
      }
      case "reports/revenue" -> {
        java.math.BigDecimal atExit = java.math.BigDecimal.ZERO.setScale(2);
        java.util.Map<LocalDate, java.math.BigDecimal> days = new java.util.TreeMap<>();
        int n = 0;
        for (Map<String, Object> y : payments) {
          LocalDate day = Instant.parse(y.get("postedAt").toString()).atZone(zone).toLocalDate();
          if (ids.contains(y.get("lotId").toString()) && !day.isBefore(from) && !day.isAfter(to)) {
            java.math.BigDecimal a = new java.math.BigDecimal(y.get("amount").toString());
            atExit = atExit.add(a);
            days.merge(day, a, java.math.BigDecimal::add);
            n++;
          }
        }
        List<Map<String, Object>> dayRows = new ArrayList<>();
        java.math.BigDecimal zero = java.math.BigDecimal.ZERO.setScale(2);
        days.forEach(
            (d, a) ->
                dayRows.add(
                    Map.of(
                        "day",
                        d.toString(),
                        "atExit",
                        a,
                        "ahead",
                        zero,
                        "total",
                        a,
                        "payments",
                        1)));
        return FakeResponse.json(
            Map.of(
                "from",
                from.toString(),
                "to",
                to.toString(),
                "days",
                dayRows,
                "methods",
                List.of(),
                "atExit",
                atExit,
                "ahead",
                zero,
                "total",
                atExit,
                "payments",
                n));
      }
      case "reports/dwell" -> {
        List<Map<String, Object>> buckets = new ArrayList<>();
        int[][] edges = {{0, 15}, {15, 60}, {60, 180}, {180, 480}, {480, 1440}, {1440, -1}};
        for (int[] e : edges) {
          Map<String, Object> b = new LinkedHashMap<>();
          b.put("fromMinutes", e[0]);
          b.put("toMinutes", e[1] < 0 ? null : e[1]);
          b.put("temporary", 0);
          b.put("card", 0);
          b.put("whiteList", 0);
          b.put("total", 0);
          buckets.add(b);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from.toString());
        body.put("to", to.toString());
        body.put("buckets", buckets);
        body.put("medianTemporaryMinutes", null);
        return FakeResponse.json(body);
      }
      case "reports/expiring-cards" -> {
        int days = r.query("days") == null ? 30 : Integer.parseInt(r.query("days"));
        LocalDate today = LocalDate.now(zone);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> c : cards) {
          LocalDate last = LocalDate.parse(c.get("lastDay").toString());
          if (ids.contains(c.get("lotId").toString())
              && "active".equals(c.get("state"))
              && !last.isBefore(today)
              && !last.isAfter(today.plusDays(days))) {
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("cardId", c.get("id"));
            k.put("lotId", c.get("lotId"));
            k.put(
                "lotCode",
                shown.stream()
                    .filter(l -> l.get("id").equals(c.get("lotId")))
                    .findFirst()
                    .map(l -> l.get("code"))
                    .orElse(""));
            k.put("plate", c.get("plate"));
            k.put("holderName", c.get("holderName"));
            k.put("holderPhone", c.get("holderPhone"));
            k.put("lastDay", last.toString());
            k.put("daysLeft", java.time.temporal.ChronoUnit.DAYS.between(today, last));
            out.add(k);
          }
        }
        return FakeResponse.json(out);
      }
      default -> {
        return null;
      }
    }
  }

  /** Passages, the guard's decisions and a lot's occupancy, as GatesResource answers them. */
  private FakeResponse gate(FakeRequest r) {
    if (r.is("GET", "passages")) {
      r.require("parking.gate.read");
      String lotId = r.query("lotId");
      boolean waiting = "true".equals(r.query("waiting"));
      List<Map<String, Object>> shown = new ArrayList<>();
      for (int i = passages.size() - 1; i >= 0; i--) {
        Map<String, Object> p = passages.get(i);
        if ((lotId == null || lotId.isBlank() || p.get("lotId").toString().equals(lotId))
            && (!waiting || waiting(p))
            && lots.inScope(r, "parking.gate.read", p)) {
          shown.add(p);
        }
      }
      return FakeResponse.page(shown, r);
    }
    if (r.is("POST", "passages/\\d+/decide")) {
      r.require("parking.gate.operate");
      long id = Long.parseLong(r.path().split("/")[1]);
      Map<String, Object> p =
          passages.stream()
              .filter(x -> ((Number) x.get("id")).longValue() == id)
              .filter(x -> lots.inScope(r, "parking.gate.operate", x))
              .findFirst()
              .orElseThrow(() -> notFound("Passage", id));
      String decision = r.body().path("decision").asText("");
      if (!decision.equals("open") && !decision.equals("refuse")) {
        refuse(List.of(error("decision", "is not one of: open, refuse")));
      }
      if (!waiting(p)) {
        throw new FakeProblem(
            409,
            "wrong-state",
            "Not allowed in this state",
            "Passage "
                + id
                + " is not waiting for a person: the gate decided "
                + p.get("decision")
                + ".");
      }
      p.put("decision", decision);
      p.put("decidedBy", r.caller().userId());
      p.put("decidedAt", Instant.now().toString());
      p.put("note", r.body().path("note").asText(null));
      if (decision.equals("open")) {
        p.put("commandId", next++);
        p.put("inside", "entry".equals(p.get("direction")) && p.get("plate") != null);
      }
      return FakeResponse.json(p);
    }
    if (r.is("POST", "passages/\\d+/pay")) {
      r.require("parking.payment.collect");
      long id = Long.parseLong(r.path().split("/")[1]);
      Map<String, Object> p =
          passages.stream()
              .filter(x -> ((Number) x.get("id")).longValue() == id)
              .filter(x -> lots.inScope(r, "parking.payment.collect", x))
              .findFirst()
              .orElseThrow(() -> notFound("Passage", id));
      String method = r.body().path("method").asText("");
      if (!List.of("cash", "bank", "wechat", "alipay").contains(method)) {
        refuse(List.of(error("method", "is not one of: alipay, bank, cash, wechat")));
      }
      if (!waiting(p) || !"payment-due".equals(p.get("reason"))) {
        throw new FakeProblem(
            409,
            "wrong-state",
            "Not allowed in this state",
            "Passage " + id + " is no exit waiting for its fee.");
      }
      p.put("decision", "open");
      p.put("reason", "paid");
      p.put("decidedBy", r.caller().userId());
      p.put("decidedAt", Instant.now().toString());
      p.put("commandId", next++);
      String note = r.body().path("note").asText("").strip();
      if (!note.isEmpty()) {
        p.put("note", note);
      }
      long paymentId = next++;
      Map<String, Object> payment = new LinkedHashMap<>();
      payment.put("id", paymentId);
      payment.put("lotId", p.get("lotId"));
      payment.put("exitId", id);
      payment.put("plate", p.get("plate"));
      payment.put("amount", p.get("fee"));
      payment.put("method", method);
      payment.put("state", "posted");
      payment.put("receiptNo", "I" + paymentId);
      payment.put("estateId", p.get("estateId"));
      payment.put("postedAt", Instant.now().toString());
      payments.add(payment);
      return FakeResponse.json(201, payment);
    }
    if (r.is("POST", "passages/\\d+/out")) {
      r.require("parking.gate.operate");
      long id = Long.parseLong(r.path().split("/")[1]);
      Map<String, Object> p =
          passages.stream()
              .filter(x -> ((Number) x.get("id")).longValue() == id)
              .filter(x -> lots.inScope(r, "parking.gate.operate", x))
              .findFirst()
              .orElseThrow(() -> notFound("Passage", id));
      String note = r.body().path("note").asText("").strip();
      if (note.isEmpty()) {
        refuse(List.of(error("note", "is required")));
      }
      if (!Boolean.TRUE.equals(p.get("inside"))) {
        throw new FakeProblem(
            409,
            "wrong-state",
            "Not allowed in this state",
            "Passage " + id + " is no vehicle inside the lot.");
      }
      p.put("inside", false);
      p.put("note", note);
      return FakeResponse.json(p);
    }
    if (r.is("GET", "lots/\\d+/occupancy")) {
      r.require("parking.lot.read");
      long lotId = Long.parseLong(r.path().split("/")[1]);
      Map<String, Object> lot = lots.lot(r, "parking.lot.read", lotId);
      long inside =
          passages.stream()
              .filter(
                  p -> p.get("lotId").equals(lot.get("id")) && Boolean.TRUE.equals(p.get("inside")))
              .count();
      long waiting =
          passages.stream().filter(p -> p.get("lotId").equals(lot.get("id")) && waiting(p)).count();
      int spaces = ((Number) lot.get("temporarySpaces")).intValue();
      return FakeResponse.json(
          Map.of(
              "lotId", lotId,
              "inside", inside,
              "temporarySpaces", spaces,
              "temporaryInside", 0,
              "temporaryFree", spaces,
              "waiting", waiting,
              "sensedSpaces", 0,
              "sensedFree", 0));
    }
    return null;
  }

  private static boolean waiting(Map<String, Object> p) {
    return "guard".equals(p.get("decision")) && p.get("decidedAt") == null;
  }

  private Map<String, Object> sell(FakeRequest r) {
    JsonNode b = r.body();
    List<Map<String, Object>> errors = new ArrayList<>();
    String plate = plate(b, errors);
    String holder = b.path("holderName").asText("").strip();
    if (holder.isEmpty()) {
      errors.add(error("holderName", "is required"));
    }
    LocalDate first = day(b, "firstDay", errors);
    LocalDate last = day(b, "lastDay", errors);
    if (first != null && last != null && last.isBefore(first)) {
      errors.add(error("lastDay", "must not be before firstDay"));
    }
    if (!b.path("lotId").canConvertToLong()) {
      errors.add(error("lotId", "is required"));
    }
    refuse(errors);
    Map<String, Object> lot = lots.lot(r, "parking.card.manage", b.path("lotId").asLong());
    for (Map<String, Object> c : cards) {
      if (c.get("plate").equals(plate)
          && c.get("lotId").equals(lot.get("id"))
          && "active".equals(c.get("state"))
          && !LocalDate.parse(c.get("firstDay").toString()).isAfter(last)
          && !LocalDate.parse(c.get("lastDay").toString()).isBefore(first)) {
        throw new FakeProblem(
            409,
            "card-overlaps",
            "Card days taken",
            "Plate "
                + plate
                + " has a card in this lot from "
                + c.get("firstDay")
                + " to "
                + c.get("lastDay")
                + " (card "
                + c.get("id")
                + ").",
            Map.of(
                "heldBy",
                Map.of(
                    "cardId", c.get("id"),
                    "firstDay", c.get("firstDay"),
                    "lastDay", c.get("lastDay"))));
      }
    }
    Map<String, Object> card = new LinkedHashMap<>();
    card.put("id", next++);
    card.put("lotId", lot.get("id"));
    card.put("lotName", lot.get("name"));
    card.put("estateId", lot.get("estateId"));
    card.put("plate", plate);
    card.put("personId", null);
    card.put("holderName", holder);
    card.put("holderPhone", b.path("holderPhone").asText(null));
    card.put("firstDay", first.toString());
    card.put("lastDay", last.toString());
    card.put("state", "active");
    card.put("cancelReason", null);
    card.put("note", b.path("note").asText(null));
    card.put("version", 0);
    cards.add(card);
    return card;
  }

  private Map<String, Object> cancel(FakeRequest r, long id) {
    Map<String, Object> card =
        cards.stream()
            .filter(c -> ((Number) c.get("id")).longValue() == id)
            .filter(c -> lots.inScope(r, "parking.card.manage", c))
            .findFirst()
            .orElseThrow(() -> notFound("Monthly card", id));
    String reason = r.body().path("reason").asText("").strip();
    if (reason.isEmpty()) {
      refuse(List.of(error("reason", "is required")));
    }
    if (!"active".equals(card.get("state"))) {
      throw new FakeProblem(
          409, "wrong-state", "Not allowed in this state", "Card " + id + " is cancelled already.");
    }
    int version = r.body().path("version").asInt(-1);
    if (version != (int) card.get("version")) {
      throw new FakeProblem(409, "stale-version", "Changed meanwhile", "Card " + id + " changed.");
    }
    card.put("state", "cancelled");
    card.put("cancelReason", reason);
    card.put("version", version + 1);
    return card;
  }

  private Map<String, Object> list(FakeRequest r) {
    JsonNode b = r.body();
    List<Map<String, Object>> errors = new ArrayList<>();
    String which = b.path("list").asText("");
    if (!which.equals("white") && !which.equals("black")) {
      errors.add(error("list", "is not one of: white, black"));
    }
    String plate = plate(b, errors);
    String reason = b.path("reason").asText("").strip();
    if (reason.isEmpty()) {
      errors.add(error("reason", "is required"));
    }
    Instant expires = null;
    if (b.hasNonNull("expiresAt")) {
      expires = OffsetDateTime.parse(b.path("expiresAt").asText()).toInstant();
      if (!expires.isAfter(Instant.now())) {
        errors.add(error("expiresAt", "must be a time in the future"));
      }
    }
    refuse(errors);
    Map<String, Object> lot = null;
    if (b.hasNonNull("lotId")) {
      lot = lots.lot(r, "parking.list.manage", b.path("lotId").asLong());
    } else if (!r.caller()
        .me()
        .scopeOf("parking.list.manage")
        .map(h -> h.companyWide())
        .orElse(false)) {
      throw new FakeProblem(403, "outside-scope", "Outside your scope", "The whole company.");
    }
    Object lotId = lot == null ? null : lot.get("id");
    for (Map<String, Object> e : entries) {
      if (e.get("plate").equals(plate) && java.util.Objects.equals(e.get("lotId"), lotId)) {
        throw new FakeProblem(
            409,
            "already-listed",
            "Plate already listed",
            "Plate " + plate + " is on the " + e.get("list") + " list here already.",
            Map.of("entryId", e.get("id"), "list", e.get("list")));
      }
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("id", next++);
    entry.put("list", which);
    entry.put("plate", plate);
    entry.put("lotId", lotId);
    entry.put("lotName", lot == null ? null : lot.get("name"));
    entry.put("estateId", lot == null ? null : lot.get("estateId"));
    entry.put("reason", reason);
    entry.put("expiresAt", expires == null ? null : expires.toString());
    entries.add(entry);
    return entry;
  }

  private Map<String, Object> cardView(Map<String, Object> card) {
    Map<String, Object> v = new LinkedHashMap<>(card);
    LocalDate today = LocalDate.now(ZONE);
    v.put(
        "validToday",
        "active".equals(card.get("state"))
            && !today.isBefore(LocalDate.parse(card.get("firstDay").toString()))
            && !today.isAfter(LocalDate.parse(card.get("lastDay").toString())));
    return v;
  }

  private Map<String, Object> entryView(Map<String, Object> entry) {
    Map<String, Object> v = new LinkedHashMap<>(entry);
    Object expires = entry.get("expiresAt");
    v.put("inForce", expires == null || Instant.parse(expires.toString()).isAfter(Instant.now()));
    return v;
  }

  static String plate(JsonNode b, List<Map<String, Object>> errors) {
    String raw = b.path("plate").asText("").strip();
    String plate = normalize(raw);
    if (plate.isEmpty()) {
      errors.add(error("plate", "is required"));
    } else if (!PLATE.matcher(plate).matches()) {
      errors.add(error("plate", "is not a licence plate (got \"" + raw + "\")"));
    }
    return plate;
  }

  private static LocalDate day(JsonNode b, String field, List<Map<String, Object>> errors) {
    try {
      return LocalDate.parse(b.path(field).asText(""));
    } catch (RuntimeException e) {
      errors.add(error(field, "is required"));
      return null;
    }
  }

  private static FakeProblem notFound(String label, long id) {
    return FakeParkingArea.notFound(label, id);
  }

  private static Map<String, Object> error(String field, String message) {
    return FakeParkingArea.error(field, message);
  }

  private static void refuse(List<Map<String, Object>> errors) {
    FakeParkingArea.refuse(errors);
  }
}
