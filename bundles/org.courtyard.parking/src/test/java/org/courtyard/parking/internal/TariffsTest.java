package org.courtyard.parking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.courtyard.api.ProblemException;
import org.courtyard.api.rest.DataScope;
import org.courtyard.parking.internal.dto.QuoteView;
import org.courtyard.parking.internal.dto.TariffInput;
import org.courtyard.parking.internal.dto.TariffView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A lot's tariff stored, changed at its version, and a stay priced with it, on PostgreSQL. */
class TariffsTest {

  private static TestSchema schema;
  private static Tariffs tariffs;
  private static long lot;

  @BeforeAll
  static void schema() throws Exception {
    schema = TestSchema.fresh();
    schema.execute(
        "INSERT INTO parking_lot (estate_id, code, name, location) VALUES"
            + " (1, 'T1', 'Visitors', 'above_ground')");
    lot = schema.count("SELECT id FROM parking_lot WHERE code = 'T1'");
    tariffs = new Tariffs(schema.jdbc(), new Lots(schema.jdbc(), null, null));
  }

  @AfterAll
  static void drop() throws Exception {
    schema.close();
  }

  private static TariffInput input(Integer version) {
    return new TariffInput(
        15,
        60,
        new BigDecimal("5"),
        30,
        new BigDecimal("2.00"),
        "22:00",
        "07:00",
        new BigDecimal("1.00"),
        new BigDecimal("40"),
        10,
        90,
        version);
  }

  @SuppressWarnings("unchecked")
  private static List<String> fields(ProblemException p) {
    return ((List<Map<String, Object>>) p.extensions().get("errors"))
        .stream().map(e -> (String) e.get("field")).toList();
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
  void aTariffIsSetChangedAtItsVersionAndPricesAStayInShanghai() {
    assertThat(refused(() -> tariffs.get(DataScope.ALL, lot)).type()).isEqualTo("no-tariff");
    TariffView set = tariffs.put(DataScope.ALL, lot, input(null));
    assertThat(set.firstPrice()).isEqualByComparingTo("5.00");
    assertThat(set.nightFrom()).isEqualTo("22:00");
    assertThat(set.version()).isZero();
    assertThat(fields(refused(() -> tariffs.put(DataScope.ALL, lot, input(null)))))
        .containsExactly("version");
    assertThat(refused(() -> tariffs.put(DataScope.ALL, lot, input(5))).type())
        .isEqualTo("stale-version");
    assertThat(tariffs.put(DataScope.ALL, lot, input(0)).version()).isEqualTo(1);

    // 21:00 to 23:30 in Shanghai: the first hour, then three night units
    QuoteView q =
        tariffs.quote(
            DataScope.ALL, lot, "2026-12-07T21:00:00+08:00", "2026-12-07T15:30:00Z", null);
    assertThat(q.amount()).isEqualByComparingTo("8.00");
    assertThat(q.chargedMinutes()).isEqualTo(150);
    assertThat(q.days()).hasSize(1);
    QuoteView visitor =
        tariffs.quote(
            DataScope.ALL, lot, "2026-12-07T10:00:00+08:00", "2026-12-07T12:30:00+08:00", "120");
    assertThat(visitor.amount()).isEqualByComparingTo("5.00");
  }

  @Test
  void badValuesAreNamedFieldByField() {
    ProblemException p =
        refused(
            () ->
                Tariffs.check(
                    new TariffInput(
                        -1,
                        0,
                        new BigDecimal("1.005"),
                        null,
                        new BigDecimal("-2"),
                        "22:00",
                        null,
                        null,
                        BigDecimal.ZERO,
                        121,
                        1441,
                        null)));
    assertThat(fields(p))
        .containsExactlyInAnyOrder(
            "freeMinutes",
            "graceMinutes",
            "visitorMinutes",
            "firstMinutes",
            "firstPrice",
            "unitMinutes",
            "unitPrice",
            "nightFrom",
            "capPer24h");
    assertThat(
            fields(
                refused(
                    () ->
                        tariffs.quote(
                            DataScope.ALL, lot, "yesterday", "2026-12-07T10:00:00+08:00", "-5"))))
        .containsExactlyInAnyOrder("entry", "minutesOff");
    assertThat(
            fields(
                refused(
                    () ->
                        tariffs.quote(
                            DataScope.ALL,
                            lot,
                            "2026-12-07T10:00:00+08:00",
                            "2026-12-07T09:00:00+08:00",
                            null))))
        .containsExactly("exit");
    assertThat(
            fields(
                refused(
                    () ->
                        tariffs.quote(
                            DataScope.ALL,
                            lot,
                            "+999999999-12-31T12:00:00Z",
                            "+999999999-12-31T20:00:00Z",
                            null))))
        .containsExactlyInAnyOrder("entry", "exit");
  }

  @Test
  void aLotOutsideTheScopeIsNotFound() {
    DataScope elsewhere = DataScope.of(List.of(99L), List.of());
    assertThat(refused(() -> tariffs.get(elsewhere, lot)).status()).isEqualTo(404);
    assertThat(refused(() -> tariffs.put(elsewhere, lot, input(0))).status()).isEqualTo(404);
  }
}
