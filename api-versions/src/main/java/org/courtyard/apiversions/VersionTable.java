package org.courtyard.apiversions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bundle table of docs/ARCHITECTURE.md section 1, whose last column names each bundle's
 * exported packages and versions ({@code `org.courtyard.api` 1.6.0, `.rest` 1.3.0}, or {@code
 * none}), compared with what the code exports. A name starting with a dot continues the first full
 * package name of its cell.
 */
final class VersionTable {

  private static final Pattern PAIR =
      Pattern.compile("`(\\.?[a-z][\\w.]*)`\\s+(\\d+\\.\\d+\\.\\d+)");
  private static final Pattern BRACES = Pattern.compile("^(.*)\\{([^}]*)}(.*)$");

  private VersionTable() {}

  /** A row: the bundle names its first cell stands for, and the versions its last cell lists. */
  record Row(String label, List<String> bundles, Map<String, String> versions, boolean readable) {}

  static List<Row> rows(String markdown) {
    List<Row> rows = new ArrayList<>();
    boolean inSection = false;
    boolean header = true;
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("## ")) {
        inSection = line.startsWith("## 1.");
        continue;
      }
      if (!inSection || !line.startsWith("|")) {
        continue;
      }
      List<String> cells = cells(line);
      if (header || cells.get(0).matches("-+")) {
        header = false;
        continue;
      }
      String label = cells.get(0);
      rows.add(
          new Row(
              label,
              bundles(label.replace("`", "").trim()),
              versions(cells.get(cells.size() - 1)),
              readable(cells.get(cells.size() - 1))));
    }
    return rows;
  }

  static List<String> problems(String markdown, SourcePackages code) {
    List<String> problems = new ArrayList<>();
    List<Row> rows = rows(markdown);
    if (rows.isEmpty()) {
      problems.add("docs/ARCHITECTURE.md has no bundle table in section 1");
    }
    Map<String, String> rowOf = new TreeMap<>();
    for (Row row : rows) {
      if (!row.readable()) {
        problems.add(
            "row "
                + row.label()
                + ": the last column names no `package` version pairs and does not say none");
      }
      for (String bundle : row.bundles()) {
        rowOf.put(bundle, row.label());
        if (!code.modules.contains(bundle)) {
          problems.add("row " + row.label() + ": there is no bundle " + bundle + " in the build");
          continue;
        }
        Map<String, SourcePackages.Exported> exported =
            code.byBundle.getOrDefault(bundle, Map.of());
        for (SourcePackages.Exported pkg : exported.values()) {
          String listed = row.versions().get(pkg.name());
          if (listed == null) {
            problems.add(
                "row "
                    + row.label()
                    + ": "
                    + bundle
                    + " exports `"
                    + pkg.name()
                    + "` "
                    + pkg.version()
                    + " ("
                    + pkg.packageInfo()
                    + "), the table does not list it");
          } else if (!listed.equals(pkg.version())) {
            problems.add(
                "row "
                    + row.label()
                    + ": `"
                    + pkg.name()
                    + "` is "
                    + pkg.version()
                    + " in the code ("
                    + pkg.packageInfo()
                    + "), "
                    + listed
                    + " in the table");
          }
        }
        for (Map.Entry<String, String> listed : row.versions().entrySet()) {
          if (!exported.containsKey(listed.getKey())) {
            problems.add(
                "row "
                    + row.label()
                    + ": lists `"
                    + listed.getKey()
                    + "` "
                    + listed.getValue()
                    + ", which "
                    + bundle
                    + " does not export");
          }
        }
      }
    }
    for (Map.Entry<String, Map<String, SourcePackages.Exported>> bundle :
        code.byBundle.entrySet()) {
      if (!rowOf.containsKey(bundle.getKey())) {
        problems.add(
            "bundle "
                + bundle.getKey()
                + " exports "
                + bundle.getValue().values().stream()
                    .map(p -> "`" + p.name() + "` " + p.version())
                    .toList()
                + " and has no row in section 1");
      }
    }
    return problems;
  }

  /** Splits a table line at the pipes that are not inside `code`. */
  private static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean code = false;
    for (int i = 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '`') {
        code = !code;
      }
      if (c == '|' && !code) {
        cells.add(cell.toString().trim());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    if (!cell.toString().isBlank()) {
      cells.add(cell.toString().trim());
    }
    return cells;
  }

  /**
   * "device-drivers/org.courtyard.driver.{a,b}" → [org.courtyard.driver.a, org.courtyard.driver.b]
   */
  private static List<String> bundles(String label) {
    List<String> names = new ArrayList<>();
    Matcher braces = BRACES.matcher(label);
    if (braces.matches()) {
      for (String part : braces.group(2).split(",")) {
        names.addAll(bundles(braces.group(1) + part.trim() + braces.group(3)));
      }
      return names;
    }
    names.add(label.substring(label.lastIndexOf('/') + 1));
    return names;
  }

  private static Map<String, String> versions(String cell) {
    Map<String, String> versions = new LinkedHashMap<>();
    String base = null;
    Matcher pair = PAIR.matcher(cell);
    while (pair.find()) {
      String name = pair.group(1);
      if (name.startsWith(".")) {
        name = (base == null ? "" : base) + name;
      } else if (base == null) {
        base = name;
      }
      versions.put(name, pair.group(2));
    }
    return versions;
  }

  private static boolean readable(String cell) {
    return PAIR.matcher(cell).find() || cell.startsWith("none");
  }
}
