package org.courtyard.admin.property.parking;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.TenantApi;
import org.courtyard.admin.property.CsvRejection;
import org.courtyard.admin.property.CursorDataProvider;

/** The parking endpoints the lot, lease, card and list screens call ({@code /parking/...}). */
public final class ParkingClient implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The most lots a company shows in the lot picker. */
  static final int LOTS_SHOWN = 500;

  private final TenantApi api;

  public ParkingClient(TenantApi api) {
    this.api = api;
  }

  /** The lots of the caller's estates, by id. */
  public List<Lot> lots() {
    return api.page("parking/lots", Map.of("limit", LOTS_SHOWN), Lot.class).items();
  }

  public Lot createLot(Lot.Input input) {
    return api.post("parking/lots", input, Lot.class);
  }

  /** Creates a numbered range of spaces in a lot, all or none. */
  public List<Space> createSpaces(long lotId, Space.Range range) {
    return List.of(api.post("parking/lots/" + lotId + "/spaces", range, Space[].class));
  }

  /** Spaces, by id; filters {@code lotId}, {@code kind}, {@code state}. */
  public CursorDataProvider<Space> spaces() {
    return CursorDataProvider.of(api, "parking/spaces", Space.class);
  }

  /** Leases, by id; filters {@code spaceId}, {@code lotId}, {@code current}. */
  public CursorDataProvider<Booking> leases() {
    return CursorDataProvider.of(api, "parking/leases", Booking.class);
  }

  /** Leases a space; {@code key} is made once per user action, so a retry leases none twice. */
  public Booking lease(Booking.LeaseInput input, String key) {
    return api.post("parking/leases", input, Booking.class, key);
  }

  public Booking cancelLease(long id, Booking.Cancel cancel) {
    return api.post("parking/leases/" + id + "/cancel", cancel, Booking.class);
  }

  /** Reservations of visitor spaces, by id; {@code current=true} filters the active, not over. */
  public CursorDataProvider<Booking> reservations() {
    return CursorDataProvider.of(api, "parking/reservations", Booking.class);
  }

  /** Reserves a visitor space; {@code key} once per user action, so a retry reserves once. */
  public Booking reserve(Booking.ReservationInput input, String key) {
    return api.post("parking/reservations", input, Booking.class, key);
  }

  public Booking cancelReservation(long id, Booking.Cancel cancel) {
    return api.post("parking/reservations/" + id + "/cancel", cancel, Booking.class);
  }

  /** Notes that a reservation's visitor arrived: it is no longer released as a no-show. */
  public Booking arrive(long id) {
    return api.post("parking/reservations/" + id + "/arrive", Map.of(), Booking.class);
  }

  /** Visitor grants and merchants' coupons, newest first; filters {@code lotId}, {@code plate}. */
  public CursorDataProvider<Discount> discounts() {
    return CursorDataProvider.of(api, "parking/discounts", Discount.class);
  }

  /** Records a merchant's coupon for a plate in the lot, today; a code serves once. */
  public Discount coupon(long lotId, Discount.Coupon coupon) {
    return api.post("parking/lots/" + lotId + "/coupons", coupon, Discount.class);
  }

  /** The lot's entrances and exits. */
  public List<Gate> gates(long lotId) {
    return List.of(api.get("parking/lots/" + lotId + "/gates", Gate[].class));
  }

  /** Makes a camera's lane an entrance or an exit of a lot. */
  public Gate addGate(Gate.Input input) {
    return api.post("parking/gates", input, Gate.class);
  }

  /** What a space import answered: the spaces created, or why the file was refused. */
  public record SpaceImport(int spacesCreated, CsvRejection rejection) {}

  /** The success answer of a space import. */
  record SpacesImported(long lotId, int spacesCreated) {}

  /** Imports a lot's spaces from a CSV file, all of them or, with any problem, none. */
  public SpaceImport importSpaces(long lotId, byte[] csv) {
    try {
      SpacesImported done =
          api.upload(
              "parking/lots/" + lotId + "/spaces/import", csv, "text/csv", SpacesImported.class);
      return new SpaceImport(done.spacesCreated(), null);
    } catch (ApiProblem p) {
      if (!CsvRejection.is(p)) {
        throw p;
      }
      return new SpaceImport(0, CsvRejection.of(p));
    }
  }

  /** Every space of the lot with what holds it now and its sensor's reading, for its map. */
  public LotMap map(long lotId) {
    return api.get("parking/lots/" + lotId + "/map", LotMap.class);
  }

  /** The lot's tariff, or empty while none is set (404 {@code no-tariff}). */
  public Optional<Tariff> tariff(long lotId) {
    try {
      return Optional.of(api.get("parking/lots/" + lotId + "/tariff", Tariff.class));
    } catch (ApiProblem p) {
      if (p.status() == 404 && "no-tariff".equals(p.shortType())) {
        return Optional.empty();
      }
      throw p;
    }
  }

  /** Sets the lot's tariff, or changes it at the version in {@code input}. */
  public Tariff putTariff(long lotId, Tariff.Input input) {
    return api.put("parking/lots/" + lotId + "/tariff", input, Tariff.class);
  }

  /** Records a sold space's new owner from a day; the current owner's time ends that day. */
  public void recordOwner(long spaceId, Space.OwnerInput input) {
    api.post("parking/spaces/" + spaceId + "/owners", input, Map.class);
  }

  /** Monthly cards, by id; filters {@code lotId}, {@code plate}, {@code state}. */
  public CursorDataProvider<Card> cards() {
    return CursorDataProvider.of(api, "parking/cards", Card.class);
  }

  public Card sellCard(Card.Input input) {
    return api.post("parking/cards", input, Card.class);
  }

  public Card cancelCard(long id, Booking.Cancel cancel) {
    return api.post("parking/cards/" + id + "/cancel", cancel, Card.class);
  }

  /**
   * Listed plates in force or expired, by id; filters {@code list}, {@code plate}, {@code lotId}.
   */
  public CursorDataProvider<ListEntry> listEntries() {
    return CursorDataProvider.of(api, "parking/lists", ListEntry.class);
  }

  public ListEntry list(ListEntry.Input input) {
    return api.post("parking/lists", input, ListEntry.class);
  }

  public void unlist(long id) {
    api.delete("parking/lists/" + id);
  }

  /** Passages, newest first; filters {@code lotId}, {@code plate}, {@code waiting}. */
  public CursorDataProvider<Passage> passages() {
    return CursorDataProvider.of(api, "parking/passages", Passage.class);
  }

  /** A guard's decision for a read the gate left to a person. */
  public Passage decide(long passageId, Passage.Decision decision) {
    return api.post("parking/passages/" + passageId + "/decide", decision, Passage.class);
  }

  /** Takes the fee the exit is held for; the gate then opens. */
  public Passage.Payment pay(long passageId, Passage.Pay pay) {
    return api.post("parking/passages/" + passageId + "/pay", pay, Passage.Payment.class);
  }

  /** The query of a report over {@code from} to {@code to}, of one lot or all (null). */
  private static java.util.Map<String, Object> period(
      java.time.LocalDate from, java.time.LocalDate to, Long lotId) {
    java.util.Map<String, Object> q = new java.util.LinkedHashMap<>();
    q.put("from", from.toString());
    q.put("to", to.toString());
    if (lotId != null) {
      q.put("lotId", lotId);
    }
    return q;
  }

  public Reports.Occupancy occupancyReport(
      java.time.LocalDate from, java.time.LocalDate to, Long lotId) {
    return api.get("parking/reports/occupancy", period(from, to, lotId), Reports.Occupancy.class);
  }

  public Reports.Revenue revenueReport(
      java.time.LocalDate from, java.time.LocalDate to, Long lotId) {
    return api.get("parking/reports/revenue", period(from, to, lotId), Reports.Revenue.class);
  }

  public Reports.Dwell dwellReport(java.time.LocalDate from, java.time.LocalDate to, Long lotId) {
    return api.get("parking/reports/dwell", period(from, to, lotId), Reports.Dwell.class);
  }

  public List<Reports.ExpiringCard> expiringCards(int days, Long lotId) {
    java.util.Map<String, Object> q = new java.util.LinkedHashMap<>();
    q.put("days", days);
    if (lotId != null) {
      q.put("lotId", lotId);
    }
    return List.of(api.get("parking/reports/expiring-cards", q, Reports.ExpiringCard[].class));
  }

  /** A report as the API's CSV file. */
  public byte[] reportCsv(
      String report, java.time.LocalDate from, java.time.LocalDate to, Long lotId) {
    java.util.Map<String, Object> q =
        "expiring-cards".equals(report)
            ? new java.util.LinkedHashMap<>(java.util.Map.of("days", 30))
            : period(from, to, lotId);
    if (lotId != null) {
      q.put("lotId", lotId);
    }
    q.put("format", "csv");
    return api.bytes("parking/reports/" + report + TenantApi.query(q));
  }

  public Passage.Occupancy occupancy(long lotId) {
    return api.get("parking/lots/" + lotId + "/occupancy", Passage.Occupancy.class);
  }

  /** Lets a vehicle the lot still counts inside out by hand, with a note. */
  public Passage letOut(long passageId, String note) {
    return api.post("parking/passages/" + passageId + "/out", Map.of("note", note), Passage.class);
  }
}
