package org.courtyard.parking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.courtyard.api.ProblemException;
import org.courtyard.api.rest.DataScope;
import org.courtyard.parking.internal.dto.LotMapView;
import org.courtyard.parking.internal.dto.OccupancyView;
import org.courtyard.parking.internal.dto.SpaceRange;
import org.courtyard.parking.internal.dto.SpaceView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Spaces watched by occupancy sensors, on a real PostgreSQL. */
class SpaceSensorsTest {

  private static final Instant T = Instant.parse("2026-12-07T04:00:00Z");

  private static TestSchema schema;
  private static Spaces spaces;
  private static Gates gates;
  private static long lot;

  @BeforeAll
  static void schema() throws Exception {
    schema = TestSchema.fresh();
    schema.execute(
        "INSERT INTO parking_lot (estate_id, code, name, location, temporary_spaces) VALUES"
            + " (1, 'S1', 'Sensed yard', 'above_ground', 3)");
    lot = schema.count("SELECT id FROM parking_lot WHERE code = 'S1'");
    Lots lots = new Lots(schema.jdbc(), null, null);
    spaces = new Spaces(schema.jdbc(), lots);
    gates = new Gates(schema.jdbc(), lots);
  }

  @AfterAll
  static void drop() throws Exception {
    schema.close();
  }

  @Test
  void aWatchedSpaceTakesItsSensorsLatestReadingAndTheLotCountsItsSensedFreeSpaces()
      throws Exception {
    var made =
        spaces.createRange(DataScope.ALL, lot, new SpaceRange("V-", 1, 3, 1, "visitor", 1, null));
    long v1 = made.get(0).id();
    long v2 = made.get(1).id();
    spaces.watch(DataScope.ALL, v1, "sensor-1");
    spaces.watch(DataScope.ALL, v2, "sensor-1");
    // one sensor watching two spaces, told apart by the number it reports
    assertThat(spaces.sensed("sensor-1", "V-1", true, T)).isTrue();
    assertThat(spaces.sensed("sensor-1", "V-2", false, T)).isTrue();
    // an older reading arriving late changes nothing; another device's is not this space's
    assertThat(spaces.sensed("sensor-1", "V-1", false, T.minusSeconds(60))).isFalse();
    assertThat(spaces.sensed("sensor-9", "V-1", false, T.plusSeconds(60))).isFalse();
    SpaceView taken = spaces.get(DataScope.ALL, v1);
    assertThat(taken.occupied()).isTrue();
    assertThat(taken.occupiedAt()).isEqualTo(T);
    assertThat(taken.sensorDeviceId()).isEqualTo("sensor-1");

    OccupancyView occupancy = gates.occupancy(DataScope.ALL, lot);
    // V-3 has no sensor; V-1 is taken, V-2 free
    assertThat(occupancy.sensedSpaces()).isEqualTo(2);
    assertThat(occupancy.sensedFree()).isEqualTo(1);

    // unwatched: no state, not counted
    SpaceView plain = spaces.unwatch(DataScope.ALL, v2);
    assertThat(plain.sensorDeviceId()).isNull();
    assertThat(plain.occupied()).isNull();
    assertThat(gates.occupancy(DataScope.ALL, lot).sensedSpaces()).isEqualTo(1);
    // the map: every space with what holds it now and its sensor's reading
    schema.execute(
        "INSERT INTO parking_booking (space_id, kind, holder_name, period) VALUES ("
            + made.get(2).id()
            + ", 'reservation', '访客', tstzrange(now() - interval '1 hour',"
            + " now() + interval '2 hours'))");
    schema.execute(
        "INSERT INTO parking_booking (space_id, kind, holder_name, period) VALUES ("
            + v2
            + ", 'reservation', '明天的', tstzrange(now() + interval '1 day',"
            + " now() + interval '2 days'))");
    LotMapView map = spaces.map(DataScope.ALL, lot);
    assertThat(map.complete()).isTrue();
    assertThat(map.spaces())
        .extracting(t -> t.space().number() + " " + t.heldBy() + " " + t.space().occupied())
        .containsExactly("V-1 null true", "V-2 null null", "V-3 reservation null");
    assertThat(map.spaces().get(2).heldUntil()).isAfter(map.at());
    try {
      spaces.map(DataScope.of(java.util.List.of(99L), java.util.List.of()), lot);
      throw new AssertionError("another estate's lot was drawn");
    } catch (ProblemException e) {
      assertThat(e.status()).isEqualTo(404);
    }
    try {
      spaces.watch(DataScope.ALL, v2, " ");
      throw new AssertionError("accepted");
    } catch (ProblemException e) {
      assertThat(e.status()).isEqualTo(422);
    }
  }
}
