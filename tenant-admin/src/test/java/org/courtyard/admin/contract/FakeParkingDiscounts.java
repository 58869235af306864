package org.courtyard.admin.contract;

import static org.courtyard.admin.contract.FakeParkingArea.error;
import static org.courtyard.admin.contract.FakeParkingArea.refuse;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parking's free time off stays as the discounts screen uses it: {@code GET /parking/discounts}
 * (newest first, by lot and plate, in the caller's scope) and {@code POST
 * /parking/lots/{id}/coupons} (a merchant's coupon for a plate today: 422 on its fields, a code
 * used once in its lot, the same code for the same plate answered again with 200, for another plate
 * 409 coupon-used), as {@code DiscountsResource}, {@code LotsResource.coupon} and {@code Discounts}
 * answer them. Residents' visitor grants are seeded.
 */
final class FakeParkingDiscounts {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final FakeParkingCards.Lots lots;
  private final List<Map<String, Object>> discounts = new ArrayList<>();
  private long next = 1;

  FakeParkingDiscounts(FakeParkingCards.Lots lots) {
    this.lots = lots;
  }

  /** A resident's grant of free time for a visitor's plate, today. */
  synchronized void visitor(Map<String, Object> lot, String plate, int minutes, long personId) {
    Map<String, Object> d = row(lot, FakeParkingCards.normalize(plate), "visitor", minutes);
    d.put("personId", personId);
    discounts.add(d);
  }

  /** The answer to {@code r}, or null when it is not a discounts request. */
  synchronized FakeResponse handle(FakeRequest r) {
    if (r.is("GET", "discounts")) {
      r.require("parking.gate.read");
      String lotId = r.query("lotId");
      String plate = r.query("plate");
      String wanted = plate == null || plate.isBlank() ? null : FakeParkingCards.normalize(plate);
      List<Map<String, Object>> newestFirst = new ArrayList<>(discounts);
      java.util.Collections.reverse(newestFirst);
      return FakeResponse.page(
          newestFirst.stream()
              .filter(
                  d -> lotId == null || lotId.isBlank() || d.get("lotId").toString().equals(lotId))
              .filter(d -> wanted == null || d.get("plate").equals(wanted))
              .filter(d -> lots.inScope(r, "parking.gate.read", d))
              .toList(),
          r);
    }
    if (r.is("POST", "lots/\\d+/coupons")) {
      r.require("parking.coupon.grant");
      Map<String, Object> lot =
          lots.lot(r, "parking.coupon.grant", Long.parseLong(r.path().split("/")[1]));
      return coupon(lot, r.body());
    }
    return null;
  }

  private FakeResponse coupon(Map<String, Object> lot, JsonNode b) {
    List<Map<String, Object>> errors = new ArrayList<>();
    String plate = FakeParkingCards.plate(b, errors);
    if (!b.path("minutes").canConvertToInt()
        || b.path("minutes").asInt() < 1
        || b.path("minutes").asInt() > 1440) {
      errors.add(error("minutes", "must be from 1 to 1440"));
    }
    for (String field : List.of("merchant", "code")) {
      if (b.path(field).asText("").isBlank()) {
        errors.add(error(field, "is required"));
      }
    }
    refuse(errors);
    String code = b.path("code").asText().strip();
    for (Map<String, Object> d : discounts) {
      if (d.get("lotId").equals(lot.get("id")) && code.equals(d.get("code"))) {
        if (d.get("plate").equals(plate)) {
          return FakeResponse.json(200, d);
        }
        throw new FakeProblem(
            409,
            "coupon-used",
            "Coupon used",
            "Coupon " + code + " was given to " + d.get("plate") + " already.");
      }
    }
    Map<String, Object> d = row(lot, plate, "coupon", b.path("minutes").asInt());
    d.put("merchant", b.path("merchant").asText().strip());
    d.put("code", code);
    discounts.add(d);
    return FakeResponse.json(201, d);
  }

  private Map<String, Object> row(Map<String, Object> lot, String plate, String kind, int minutes) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", next++);
    d.put("lotId", lot.get("id"));
    d.put("estateId", lot.get("estateId"));
    d.put("plate", plate);
    d.put("day", LocalDate.now(ZONE).toString());
    d.put("kind", kind);
    d.put("minutes", minutes);
    d.put("personId", null);
    d.put("merchant", null);
    d.put("code", null);
    d.put("grantedBy", null);
    d.put("createdAt", Instant.now().toString());
    d.put("usedByEntryId", null);
    return d;
  }
}
