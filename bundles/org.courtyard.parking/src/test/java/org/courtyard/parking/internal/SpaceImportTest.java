package org.courtyard.parking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.courtyard.api.ProblemException;
import org.courtyard.api.rest.DataScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A lot's spaces from a CSV file: all of them or none, every problem named. */
class SpaceImportTest {

  private static TestSchema schema;
  private static Spaces spaces;
  private static long lot;

  @BeforeAll
  static void schema() throws Exception {
    schema = TestSchema.fresh();
    schema.execute(
        "INSERT INTO parking_lot (estate_id, code, name, location) VALUES"
            + " (1, 'I1', 'Imported garage', 'underground')");
    lot = schema.count("SELECT id FROM parking_lot WHERE code = 'I1'");
    spaces = new Spaces(schema.jdbc(), new Lots(schema.jdbc(), null, null));
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

  @SuppressWarnings("unchecked")
  private static List<String> problems(ProblemException p) {
    return ((List<Map<String, Object>>) p.extensions().get("errors"))
        .stream().map(e -> e.get("line") + " " + e.get("column")).toList();
  }

  @Test
  void aGoodFileBecomesTheLotsSpacesWithDefaultsForTheOptionalColumns() throws Exception {
    List<SpaceImport.Row> rows =
        SpaceImport.read(
            "\uFEFFNumber,Kind,Level,Size\nA-001,rented,-1,large\nA-002,visitor,-1,\nA-003,owned,-2,\n");
    assertThat(rows).extracting(r -> r.space().number()).containsExactly("A-001", "A-002", "A-003");
    assertThat(spaces.importSpaces(DataScope.ALL, lot, rows)).isEqualTo(3);
    assertThat(
            schema.count(
                "SELECT count(*) FROM parking_space WHERE lot_id = "
                    + lot
                    + " AND state = 'in_service' AND number LIKE 'A-%'"))
        .isEqualTo(3);
    assertThat(
            schema.count(
                "SELECT count(*) FROM parking_space WHERE size = 'standard' AND number LIKE 'A-%'"))
        .isEqualTo(2);
  }

  @Test
  void everyBadValueAndRepeatedNumberIsNamedWithItsLineAndNothingIsChecked() {
    ProblemException p =
        refused(
            () ->
                SpaceImport.read(
                    "number,kind,level\nB-1,garage,-1\nB-2,rented,0\nB-1,rented,x\n,rented,1\n"));
    assertThat(p.status()).isEqualTo(422);
    assertThat(p.type()).isEqualTo("import-rejected");
    assertThat(problems(p)).contains("2 kind", "3 level", "4 number", "4 level", "5 number");
  }

  @Test
  void aNumberTheLotHasAlreadyRefusesTheWholeFile() throws Exception {
    spaces.importSpaces(DataScope.ALL, lot, SpaceImport.read("number,kind,level\nC-1,rented,1\n"));
    List<SpaceImport.Row> rows =
        SpaceImport.read("number,kind,level\nC-2,rented,1\nC-1,rented,1\n");
    ProblemException p = refused(() -> spaces.importSpaces(DataScope.ALL, lot, rows));
    assertThat(p.status()).isEqualTo(422);
    assertThat(problems(p)).containsExactly("3 number");
    assertThat(schema.count("SELECT count(*) FROM parking_space WHERE number = 'C-2'")).isZero();
  }

  @Test
  void aLotOutsideTheScopeIsNotFoundAndAFileWithoutItsColumnsIsRefused() throws Exception {
    List<SpaceImport.Row> rows = SpaceImport.read("number,kind,level\nD-1,rented,1\n");
    assertThat(
            refused(() -> spaces.importSpaces(DataScope.of(List.of(99L), List.of()), lot, rows))
                .status())
        .isEqualTo(404);
    assertThat(refused(() -> SpaceImport.read("number,kind\nD-1,rented\n")).status())
        .isEqualTo(422);
  }
}
