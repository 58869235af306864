package org.courtyard.admin.contract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A template for area fakes, and the list the foundation's own tests page through: {@code GET
 * /api/v1/example/rows} (permission {@code example.row.read}) with {@code q} (name contains),
 * {@code sort} ({@code name} or {@code -name}), {@code limit} and {@code cursor}. No platform
 * module answers {@code example}: nothing in a contract may use it.
 */
public final class FakeExampleArea implements FakeArea {

  public static final int ROWS = 1000;

  private final List<Map<String, Object>> rows = new ArrayList<>();

  public FakeExampleArea() {
    for (int i = 1; i <= ROWS; i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", i);
      row.put("name", String.format("row %04d", i));
      rows.add(row);
    }
  }

  @Override
  public String module() {
    return "example";
  }

  @Override
  public List<String> permissions() {
    return List.of("example.row.read");
  }

  @Override
  public FakeResponse handle(FakeRequest request) {
    if (request.is("GET", "rows")) {
      request.require("example.row.read");
      List<Map<String, Object>> shown = new ArrayList<>();
      String q = request.query("q");
      for (Map<String, Object> row : rows) {
        if (q == null || row.get("name").toString().contains(q)) {
          shown.add(row);
        }
      }
      String sort = request.query("sort");
      if ("-name".equals(sort)) {
        shown.sort(
            Comparator.comparing((Map<String, Object> r) -> r.get("name").toString()).reversed());
      }
      return FakeResponse.page(shown, request);
    }
    return null;
  }
}
