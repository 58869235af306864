package org.courtyard.parking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;
import org.courtyard.api.ProblemException;
import org.courtyard.api.ResidentContacts;
import org.courtyard.api.rest.DataScope;
import org.courtyard.parking.internal.dto.CancelInput;
import org.courtyard.parking.internal.dto.CardInput;
import org.courtyard.parking.internal.dto.CardView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Monthly cards on PostgreSQL: days never sold twice for a plate in a lot. */
class CardsTest {

  private static TestSchema schema;
  private static Cards cards;
  private static long lot;
  private static long otherEstateLot;

  /** The residents module as parking sees it: person 5 is 王芳. */
  private static final LongFunction<Optional<ResidentContacts.Contact>> RESIDENTS =
      id ->
          id == 5
              ? Optional.of(new ResidentContacts.Contact(5, "王芳", "+8613800000005", null))
              : Optional.empty();

  @BeforeAll
  static void schema() throws Exception {
    schema = TestSchema.fresh();
    schema.execute(
        "INSERT INTO parking_lot (estate_id, code, name, location) VALUES"
            + " (1, 'C1', 'Card garage', 'underground'), (2, 'C2', 'Other estate', 'above_ground')");
    lot = schema.count("SELECT id FROM parking_lot WHERE code = 'C1'");
    otherEstateLot = schema.count("SELECT id FROM parking_lot WHERE code = 'C2'");
    cards = new Cards(schema.jdbc(), new Lots(schema.jdbc(), null, null));
  }

  @AfterAll
  static void drop() throws Exception {
    schema.close();
  }

  private static CardInput card(long lot, String plate, String first, String last) {
    return new CardInput(
        lot, plate, null, "李雷", null, LocalDate.parse(first), LocalDate.parse(last), null);
  }

  private static ProblemException refused(Runnable r) {
    try {
      r.run();
    } catch (ProblemException p) {
      return p;
    }
    throw new AssertionError("accepted");
  }

  @Test
  void aPlateIsStoredInOneFormAndItsDaysAreNotSoldTwice() {
    CardView first =
        cards.create(DataScope.ALL, card(lot, "粤b·123 45", "2026-12-01", "2026-12-31"), null, 9L);
    assertThat(first.plate()).isEqualTo("粤B12345");
    assertThat(first.state()).isEqualTo("active");

    ProblemException overlap =
        refused(
            () ->
                cards.create(
                    DataScope.ALL, card(lot, "粤B12345", "2026-12-31", "2027-01-30"), null, 9L));
    assertThat(overlap.status()).isEqualTo(409);
    assertThat(overlap.type()).isEqualTo("card-overlaps");
    assertThat(overlap.extensions().get("heldBy"))
        .isEqualTo(Map.of("cardId", first.id(), "firstDay", "2026-12-01", "lastDay", "2026-12-31"));

    // the next day on is free, and so is the same plate in another lot
    cards.create(DataScope.ALL, card(lot, "粤B12345", "2027-01-01", "2027-01-31"), null, 9L);
    cards.create(
        DataScope.ALL, card(otherEstateLot, "粤B12345", "2026-12-01", "2026-12-31"), null, 9L);

    // a cancelled card gives its days back
    CardView cancelled =
        cards.cancel(DataScope.ALL, first.id(), new CancelInput("moved away", first.version()));
    assertThat(cancelled.state()).isEqualTo("cancelled");
    assertThat(cancelled.validToday()).isFalse();
    cards.create(DataScope.ALL, card(lot, "粤B12345", "2026-12-15", "2026-12-31"), null, 9L);

    assertThat(
            refused(
                    () ->
                        cards.cancel(
                            DataScope.ALL, first.id(), new CancelInput("again", first.version())))
                .type())
        .isEqualTo("wrong-state");
  }

  @Test
  void fiftyCashiersSellingTheSameDaysLeaveOneCard() throws Exception {
    int n = 50;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                try {
                  cards.create(
                      DataScope.ALL, card(lot, "京AD12345", "2027-03-01", "2027-03-31"), null, 9L);
                  return 201;
                } catch (ProblemException p) {
                  return p.status();
                }
              }));
    }
    start.countDown();
    int created = 0;
    int conflicts = 0;
    for (Future<Integer> f : results) {
      int status = f.get();
      created += status == 201 ? 1 : 0;
      conflicts += status == 409 ? 1 : 0;
    }
    pool.shutdown();
    assertThat(created).isEqualTo(1);
    assertThat(conflicts).isEqualTo(n - 1);
    assertThat(
            schema.count(
                "SELECT count(*) FROM parking_card WHERE plate = '京AD12345' AND state = 'active'"))
        .isEqualTo(1);
  }

  @Test
  void aResidentHolderLendsTheCardTheirNameAndAnUnknownOneIsRefused() {
    CardView c =
        cards.create(
            DataScope.ALL,
            new CardInput(
                lot,
                "沪A88888",
                5L,
                null,
                null,
                LocalDate.parse("2027-02-01"),
                LocalDate.parse("2027-02-28"),
                null),
            RESIDENTS,
            9L);
    assertThat(c.holderName()).isEqualTo("王芳");
    assertThat(c.holderPhone()).isEqualTo("+8613800000005");
    assertThat(c.personId()).isEqualTo(5L);

    CardInput unknown =
        new CardInput(
            lot,
            "沪A88889",
            6L,
            null,
            null,
            LocalDate.parse("2027-02-01"),
            LocalDate.parse("2027-02-28"),
            null);
    assertThat(refused(() -> cards.create(DataScope.ALL, unknown, RESIDENTS, 9L)).type())
        .isEqualTo("unknown-person");
    // no residents bundle: nobody to name
    assertThat(refused(() -> cards.create(DataScope.ALL, unknown, null, 9L)).status())
        .isEqualTo(422);
  }

  @Test
  void badTermsAreFieldErrorsAndOtherEstatesAreNotSeen() {
    ProblemException bad =
        refused(
            () ->
                cards.create(
                    DataScope.ALL,
                    new CardInput(
                        lot,
                        "ABC-?",
                        null,
                        " ",
                        "phone",
                        LocalDate.parse("2027-02-01"),
                        LocalDate.parse("2027-01-01"),
                        null),
                    null,
                    9L));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.extensions().toString())
        .contains("plate")
        .contains("holderName")
        .contains("holderPhone")
        .contains("lastDay");

    DataScope estateOne = DataScope.of(List.of(1L), List.of());
    assertThat(
            refused(
                    () ->
                        cards.create(
                            estateOne,
                            card(otherEstateLot, "粤B99999", "2027-01-01", "2027-01-31"),
                            null,
                            9L))
                .status())
        .isEqualTo(404);
    assertThat(cards.list(estateOne, null, null, null, 0, 100).items)
        .allMatch(c -> c.lotId() == lot);
    CardView sold =
        cards.create(DataScope.ALL, card(lot, "粤B24680", "2027-05-01", "2027-05-31"), null, 9L);
    assertThat(cards.list(DataScope.ALL, null, "粤b 246·80", "active", 0, 100).items)
        .extracting(CardView::id)
        .containsExactly(sold.id());
  }
}
