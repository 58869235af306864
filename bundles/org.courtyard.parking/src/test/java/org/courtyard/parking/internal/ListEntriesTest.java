package org.courtyard.parking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.courtyard.api.ProblemException;
import org.courtyard.api.rest.DataScope;
import org.courtyard.parking.internal.dto.ListEntryInput;
import org.courtyard.parking.internal.dto.ListEntryView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The white and black lists on PostgreSQL. */
class ListEntriesTest {

  private static TestSchema schema;
  private static ListEntries lists;
  private static long lot;
  private static long otherEstateLot;
  private static final DataScope ESTATE_ONE = DataScope.of(List.of(1L), List.of());

  @BeforeAll
  static void schema() throws Exception {
    schema = TestSchema.fresh();
    schema.execute(
        "INSERT INTO parking_lot (estate_id, code, name, location) VALUES"
            + " (1, 'L1', 'Listed garage', 'underground'), (2, 'L2', 'Other', 'above_ground')");
    lot = schema.count("SELECT id FROM parking_lot WHERE code = 'L1'");
    otherEstateLot = schema.count("SELECT id FROM parking_lot WHERE code = 'L2'");
    lists = new ListEntries(schema.jdbc(), new Lots(schema.jdbc(), null, null), Clock.systemUTC());
  }

  @AfterAll
  static void drop() throws Exception {
    schema.close();
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
  void aPlateHasOneEntryInForcePerLotAndRemovingItMakesWay() throws Exception {
    ListEntryView black =
        lists.create(
            ESTATE_ONE, new ListEntryInput("black", "苏e 55555", lot, "damaged the gate", null), 3L);
    assertThat(black.plate()).isEqualTo("苏E55555");
    assertThat(black.inForce()).isTrue();

    ProblemException twice =
        refused(
            () ->
                lists.create(
                    ESTATE_ONE, new ListEntryInput("white", "苏E55555", lot, "staff", null), 3L));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.type()).isEqualTo("already-listed");
    assertThat(twice.extensions())
        .containsEntry("entryId", black.id())
        .containsEntry("list", "black");

    lists.remove(ESTATE_ONE, black.id(), 3L);
    assertThat(refused(() -> lists.get(ESTATE_ONE, black.id())).status()).isEqualTo(404);
    assertThat(refused(() -> lists.remove(ESTATE_ONE, black.id(), 3L)).status()).isEqualTo(404);
    ListEntryView white =
        lists.create(ESTATE_ONE, new ListEntryInput("white", "苏E55555", lot, "staff", null), 3L);
    assertThat(white.list()).isEqualTo("white");
    assertThat(
            schema.count(
                "SELECT count(*) FROM parking_list_entry WHERE plate = '苏E55555'"
                    + " AND removed_by = 3"))
        .isEqualTo(1);
  }

  @Test
  void anExpiredEntryNoLongerCountsAndMakesWay() throws Exception {
    ListEntryView e =
        lists.create(
            DataScope.ALL,
            new ListEntryInput(
                "white",
                "浙A12345",
                lot,
                "contractor this week",
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(7)),
            3L);
    schema.execute(
        "UPDATE parking_list_entry SET expires_at = now() - interval '1 minute' WHERE id = "
            + e.id());
    assertThat(lists.get(DataScope.ALL, e.id()).inForce()).isFalse();
    ListEntryView again =
        lists.create(
            DataScope.ALL, new ListEntryInput("black", "浙A12345", lot, "stayed on", null), 3L);
    assertThat(again.inForce()).isTrue();
    assertThat(refused(() -> lists.get(DataScope.ALL, e.id())).status()).isEqualTo(404);
  }

  @Test
  void companyWideEntriesAreSeenEverywhereButWrittenOnlyByTheWholeCompany() {
    ProblemException narrow =
        refused(
            () ->
                lists.create(
                    ESTATE_ONE, new ListEntryInput("white", "120JJ", null, "ambulance", null), 3L));
    assertThat(narrow.status()).isEqualTo(403);
    ListEntryView wide =
        lists.create(
            DataScope.ALL, new ListEntryInput("white", "120JJ", null, "ambulance", null), 3L);
    lists.create(
        DataScope.ALL,
        new ListEntryInput("black", "桂C77777", otherEstateLot, "other estate", null),
        3L);

    List<ListEntryView> seen = lists.list(ESTATE_ONE, null, null, lot, 0, 100).items;
    assertThat(seen).extracting(ListEntryView::id).contains(wide.id());
    assertThat(seen).noneMatch(x -> "桂C77777".equals(x.plate()));
    assertThat(refused(() -> lists.remove(ESTATE_ONE, wide.id(), 3L)).status()).isEqualTo(403);
    assertThat(lists.list(DataScope.ALL, "black", "桂c·77777", null, 0, 100).items)
        .extracting(ListEntryView::plate)
        .containsExactly("桂C77777");
  }

  @Test
  void aPastExpiryOrAnUnknownListIsAFieldError() {
    ProblemException bad =
        refused(
            () ->
                lists.create(
                    DataScope.ALL,
                    new ListEntryInput(
                        "grey", "??", lot, "", OffsetDateTime.now(ZoneOffset.UTC).minusDays(1)),
                    3L));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.extensions().toString())
        .contains("list")
        .contains("plate")
        .contains("reason")
        .contains("expiresAt");
  }
}
