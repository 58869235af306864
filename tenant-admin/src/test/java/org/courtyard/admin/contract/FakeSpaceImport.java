package org.courtyard.admin.contract;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A lot's spaces from a CSV file as {@code POST /parking/lots/{id}/spaces/import} reads it ({@code
 * SpaceImport}, {@code Spaces.importSpaces}): the header names number, kind and level, optionally
 * size and state, in any order; every row a space, or, with one problem anywhere, none: 422 {@code
 * import-rejected} with each problem's line (the header is 1) and column.
 */
final class FakeSpaceImport {

  /** A row the file asks for, checked. */
  record Row(String number, String kind, int level, String size, String state) {}

  private static final Set<String> KINDS =
      Set.of("owned", "rented", "public", "visitor", "ev_charging", "accessible");
  private static final Set<String> SIZES = Set.of("small", "standard", "large");
  private static final Set<String> STATES = Set.of("in_service", "out_of_service");
  private static final List<String> REQUIRED = List.of("number", "kind", "level");

  private FakeSpaceImport() {}

  /** The rows of {@code csv} for a lot whose numbers are {@code taken}; 422 on any problem. */
  static List<Row> read(byte[] csv, Set<String> taken) {
    String text = new String(csv == null ? new byte[0] : csv, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String[] lines = text.split("\r?\n", -1);
    List<Map<String, Object>> errors = new ArrayList<>();
    Map<String, Integer> at = new HashMap<>();
    String[] header = lines[0].split(",", -1);
    for (int i = 0; i < header.length; i++) {
      at.put(header[i].strip().toLowerCase(Locale.ROOT), i);
    }
    for (String c : REQUIRED) {
      if (!at.containsKey(c)) {
        errors.add(error(1, c, "is missing from the header row"));
      }
    }
    List<Row> rows = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    boolean headerRight = errors.isEmpty();
    for (int n = 1; headerRight && n < lines.length; n++) {
      if (lines[n].isBlank()) {
        continue;
      }
      int line = n + 1;
      String[] cells = lines[n].split(",", -1);
      int before = errors.size();
      String number = cell(cells, at, "number");
      if (number.isEmpty()) {
        errors.add(error(line, "number", "is required"));
      } else if (firstLine.putIfAbsent(number, line) != null) {
        errors.add(error(line, "number", number + " is already on line " + firstLine.get(number)));
      } else if (taken.contains(number)) {
        errors.add(error(line, "number", "the lot has a space " + number + " already"));
      }
      String kind = cell(cells, at, "kind");
      if (!KINDS.contains(kind)) {
        errors.add(error(line, "kind", "is not a kind of space"));
      }
      Integer level = null;
      try {
        level = Integer.parseInt(cell(cells, at, "level"));
      } catch (NumberFormatException e) {
        // reported below
      }
      if (level == null || level == 0 || level < -10 || level > 20) {
        errors.add(error(line, "level", "must be from -10 to 20, not 0"));
      }
      String size = cell(cells, at, "size");
      if (!size.isEmpty() && !SIZES.contains(size)) {
        errors.add(error(line, "size", "must be small, standard or large"));
      }
      String state = cell(cells, at, "state");
      if (!state.isEmpty() && !STATES.contains(state)) {
        errors.add(error(line, "state", "must be in_service or out_of_service"));
      }
      if (errors.size() == before) {
        rows.add(
            new Row(
                number,
                kind,
                level,
                size.isEmpty() ? "standard" : size,
                state.isEmpty() ? "in_service" : state));
      }
    }
    if (!errors.isEmpty()) {
      Map<String, Object> extensions = new LinkedHashMap<>();
      extensions.put("errorCount", errors.size());
      extensions.put("errors", errors);
      throw new FakeProblem(
          422,
          "import-rejected",
          "Import rejected",
          "Nothing was imported: the file has " + errors.size() + " problem(s).",
          extensions);
    }
    return rows;
  }

  private static String cell(String[] cells, Map<String, Integer> at, String column) {
    Integer i = at.get(column);
    return i == null || i >= cells.length ? "" : cells[i].strip();
  }

  private static Map<String, Object> error(int line, String column, String message) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("line", line);
    e.put("column", column);
    e.put("message", message);
    return e;
  }
}
