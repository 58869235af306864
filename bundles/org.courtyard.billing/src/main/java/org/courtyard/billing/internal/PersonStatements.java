package org.courtyard.billing.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import org.courtyard.billing.internal.dto.PersonStatementView;
import org.courtyard.billing.internal.dto.StatementView;

/**
 * Puts a resident's statement together from the person's current occupancies (residents module) and
 * the statements of their rooms (this module). Pure: the room statements come from the caller.
 */
final class PersonStatements {

  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  private PersonStatements() {}

  /**
   * @param statementOf the statement of a room, by room id; asked once per room, in room id order
   */
  static PersonStatementView assemble(
      ResidentsPort.Resident resident,
      String currency,
      LongFunction<StatementView> statementOf,
      Instant generatedAt) {
    Map<Long, List<PersonStatementView.Role>> roles = new LinkedHashMap<>();
    resident.occupancies().stream()
        .sorted(Comparator.comparingLong(ResidentsPort.Occupancy::roomId))
        .forEach(
            o ->
                roles
                    .computeIfAbsent(o.roomId(), k -> new ArrayList<>())
                    .add(new PersonStatementView.Role(o.role(), o.sharePercent(), o.moveIn())));
    List<PersonStatementView.Room> rooms = new ArrayList<>();
    BigDecimal billed = ZERO;
    BigDecimal paid = ZERO;
    BigDecimal outstanding = ZERO;
    BigDecimal prepayment = ZERO;
    for (Map.Entry<Long, List<PersonStatementView.Role>> e : roles.entrySet()) {
      StatementView s = statementOf.apply(e.getKey());
      rooms.add(new PersonStatementView.Room(e.getKey(), s.label(), List.copyOf(e.getValue()), s));
      billed = billed.add(s.billed());
      paid = paid.add(s.paid());
      outstanding = outstanding.add(s.outstanding());
      prepayment = prepayment.add(s.prepaymentBalance());
    }
    return new PersonStatementView(
        resident.id(),
        resident.fullName(),
        currency,
        List.copyOf(rooms),
        billed,
        paid,
        outstanding,
        prepayment,
        prepayment.subtract(outstanding),
        generatedAt);
  }

  /**
   * The resident with only the occupancies of rooms {@code inScope} accepts (asked once per room);
   * empty when none is left, so that a person outside a caller's scope is not found.
   */
  static Optional<ResidentsPort.Resident> within(
      ResidentsPort.Resident resident, LongPredicate inScope) {
    Map<Long, Boolean> covered = new LinkedHashMap<>();
    List<ResidentsPort.Occupancy> kept =
        resident.occupancies().stream()
            .filter(o -> covered.computeIfAbsent(o.roomId(), inScope::test))
            .toList();
    return kept.isEmpty()
        ? Optional.empty()
        : Optional.of(new ResidentsPort.Resident(resident.id(), resident.fullName(), kept));
  }

  /**
   * The statement of a room the person occupies but that neither estate nor billing knows (a room
   * deleted in estate keeps its occupancies in residents): nothing billed, nothing paid.
   */
  static StatementView empty(long roomId, String currency, Instant generatedAt) {
    return new StatementView(
        roomId,
        null,
        currency,
        List.of(),
        List.of(),
        List.of(),
        ZERO,
        ZERO,
        ZERO,
        ZERO,
        ZERO,
        generatedAt);
  }
}
