package org.courtyard.billing.internal;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.DataScope;
import org.courtyard.billing.internal.calc.FeeCalculator;
import org.courtyard.billing.internal.calc.FeeKind;
import org.courtyard.billing.internal.calc.LineAmount;
import org.courtyard.billing.internal.dto.ChargeRequest;
import org.courtyard.billing.internal.dto.ChargeResult;
import org.courtyard.estate.EstateDirectory;
import org.courtyard.estate.RoomSummary;

/**
 * One-off fee items (a key deposit, a decoration fee) charged to listed rooms when staff decide,
 * not in billing runs: one bill per room, in one transaction, never twice for the same item.
 */
final class OneOffCharges {

  private static final Texts TEXTS = Texts.of(OneOffCharges.class);

  /** Rooms one request may charge at most. */
  static final int MAX_CHARGE_ROOMS = 1000;

  private final TenantSlug tenant;
  private final Jdbc jdbc;
  private final Catalog catalog;
  private final EstateDirectory estate;
  private final Clock clock;

  OneOffCharges(
      TenantSlug tenant, Jdbc jdbc, Catalog catalog, EstateDirectory estate, Clock clock) {
    this.tenant = tenant;
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.estate = estate;
    this.clock = clock;
  }

  /**
   * Charges a one-off fee item once to each listed room, in one transaction. Rooms already charged
   * this item are listed in {@code alreadyCharged} and left alone.
   *
   * <p>The fee item belongs to the whole company; the rooms must be in {@code scope}: one outside
   * it is refused as a room that does not exist is, and then nothing is charged.
   *
   * @throws ProblemException 404 unknown fee item; 400 {@code invalid-period}; 422 {@code
   *     period-in-future}, {@code not-one-off}, {@code validation-failed} (unknown rooms or rooms
   *     outside the scope, rooms of a type the fee does not apply to, no rooms, too many)
   */
  ChargeResult charge(long feeItemId, ChargeRequest request, DataScope scope) {
    if (request == null) {
      throw Errors.missingBody();
    }
    Catalog.Fee fee = catalog.fee(feeItemId);
    if (fee.terms().kind() != FeeKind.ONE_OFF) {
      throw TEXTS.problem(422, "not-one-off", "charge.not-one-off", fee.code());
    }
    Catalog.Settings settings = catalog.settings();
    YearMonth period =
        request.period() == null
            ? Periods.current(clock, settings.zone())
            : Periods.parse(request.period());
    Periods.requireNotFuture(period, clock, settings.zone());
    if (request.roomIds() == null
        || request.roomIds().isEmpty()
        || request.roomIds().size() > MAX_CHARGE_ROOMS) {
      throw Errors.invalid("roomIds", TEXTS.text("charge.room-count", MAX_CHARGE_ROOMS));
    }
    Set<Long> ids = new LinkedHashSet<>(request.roomIds());
    FieldErrors errors = new FieldErrors();
    List<BillWriter.NewBill> bills = new ArrayList<>();
    Optional<LineAmount> amount = FeeCalculator.oneOff(fee.terms());
    if (amount.isEmpty()) {
      throw TEXTS.problem(422, "zero-amount", "charge.zero-amount", fee.code());
    }
    for (Long id : ids) {
      Optional<RoomSummary> room =
          id == null
              ? Optional.empty()
              : estate.room(tenant, id).filter(r -> Scopes.covers(scope, r));
      if (room.isEmpty()) {
        errors.add("roomIds", TEXTS.text("room.missing", id));
      } else if (!fee.terms().appliesTo(room.get().type)) {
        errors.add("roomIds", TEXTS.text("charge.not-applicable", id, room.get().type, fee.code()));
      } else {
        bills.add(
            new BillWriter.NewBill(
                id,
                room.get().estateId,
                room.get().buildingId,
                List.of(new BillWriter.Line(fee.id(), fee.code(), fee.name(), amount.get()))));
      }
    }
    errors.throwIfAny();
    Map<Long, Long> created =
        jdbc.transaction(
            c -> BillWriter.write(c, period, fee.id(), null, settings, bills, clock.instant()));
    List<Long> already = ids.stream().filter(id -> !created.containsKey(id)).toList();
    return new ChargeResult(fee.id(), period.toString(), List.copyOf(created.values()), already);
  }
}
