package org.courtyard.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.courtyard.billing.internal.dto.PersonStatementView;
import org.courtyard.billing.internal.dto.StatementView;
import org.junit.jupiter.api.Test;

class PersonStatementsTest {

  private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
  private static final LocalDate SINCE = LocalDate.of(2024, 3, 1);

  private static StatementView statement(
      long roomId, String billed, String paid, String outstanding, String prepayment) {
    BigDecimal pre = new BigDecimal(prepayment);
    BigDecimal out = new BigDecimal(outstanding);
    return new StatementView(
        roomId,
        "GV/B1/U1/" + roomId,
        "CNY",
        List.of(),
        List.of(),
        List.of(),
        new BigDecimal(billed),
        new BigDecimal(paid),
        out,
        pre,
        pre.subtract(out),
        NOW);
  }

  private static ResidentsPort.Occupancy occ(long roomId, String role, String share) {
    return new ResidentsPort.Occupancy(
        roomId, role, share == null ? null : new BigDecimal(share), SINCE);
  }

  @Test
  void roomsAreListedOnceInIdOrderWithAllTheirRolesAndTheTotalsAddUp() {
    ResidentsPort.Resident resident =
        new ResidentsPort.Resident(
            9,
            "Li Lei",
            List.of(occ(20, "tenant", null), occ(12, "owner", "50.00"), occ(12, "occupant", null)));
    Map<Long, StatementView> statements =
        Map.of(
            12L, statement(12, "300.00", "100.00", "200.00", "0.00"),
            20L, statement(20, "150.50", "150.50", "0.00", "30.00"));
    List<Long> asked = new ArrayList<>();

    PersonStatementView s =
        PersonStatements.assemble(
            resident,
            "CNY",
            id -> {
              asked.add(id);
              return statements.get(id);
            },
            NOW);

    assertThat(asked).containsExactly(12L, 20L);
    assertThat(s.personId()).isEqualTo(9);
    assertThat(s.fullName()).isEqualTo("Li Lei");
    assertThat(s.rooms()).extracting(PersonStatementView.Room::roomId).containsExactly(12L, 20L);
    assertThat(s.rooms().get(0).label()).isEqualTo("GV/B1/U1/12");
    assertThat(s.rooms().get(0).roles())
        .extracting(PersonStatementView.Role::role)
        .containsExactly("owner", "occupant");
    assertThat(s.rooms().get(0).roles().get(0).sharePercent()).isEqualByComparingTo("50");
    assertThat(s.billed()).isEqualByComparingTo("450.50");
    assertThat(s.paid()).isEqualByComparingTo("250.50");
    assertThat(s.outstanding()).isEqualByComparingTo("200.00");
    assertThat(s.prepaymentBalance()).isEqualByComparingTo("30.00");
    assertThat(s.balance()).isEqualByComparingTo("-170.00");
    assertThat(s.generatedAt()).isEqualTo(NOW);
  }

  @Test
  void aPersonWithoutRoomsHasAnEmptyStatementOfZeros() {
    PersonStatementView s =
        PersonStatements.assemble(
            new ResidentsPort.Resident(3, "Han Meimei", List.of()),
            "CNY",
            id -> {
              throw new AssertionError("no room to ask for");
            },
            NOW);

    assertThat(s.rooms()).isEmpty();
    assertThat(s.billed()).isEqualByComparingTo("0");
    assertThat(s.billed().scale()).isEqualTo(2);
    assertThat(s.balance()).isEqualByComparingTo("0");
  }

  @Test
  void anUnknownRoomGetsAnEmptyStatement() {
    StatementView empty = PersonStatements.empty(77, "CNY", NOW);

    assertThat(empty.roomId()).isEqualTo(77);
    assertThat(empty.label()).isNull();
    assertThat(empty.bills()).isEmpty();
    assertThat(empty.balance()).isEqualByComparingTo("0");
    assertThat(empty.currency()).isEqualTo("CNY");
  }

  @Test
  void aNarrowScopeKeepsTheRoomsInItAskingOncePerRoomAndNoneInItMeansNotFound() {
    ResidentsPort.Resident resident =
        new ResidentsPort.Resident(
            9,
            "Li Lei",
            List.of(occ(12, "owner", "50.00"), occ(12, "occupant", null), occ(20, "tenant", null)));
    List<Long> asked = new ArrayList<>();

    ResidentsPort.Resident within =
        PersonStatements.within(
                resident,
                room -> {
                  asked.add(room);
                  return room == 12;
                })
            .orElseThrow();

    assertThat(asked).containsExactly(12L, 20L);
    assertThat(within.id()).isEqualTo(9);
    assertThat(within.occupancies())
        .extracting(ResidentsPort.Occupancy::roomId, ResidentsPort.Occupancy::role)
        .containsExactly(tuple(12L, "owner"), tuple(12L, "occupant"));
    assertThat(PersonStatements.within(resident, room -> false)).isEmpty();
    assertThat(
            PersonStatements.within(new ResidentsPort.Resident(9, "Li Lei", List.of()), r -> true))
        .isEmpty();
  }
}
