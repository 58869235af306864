package org.courtyard.admin.property;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.api.ApiProblem;

/**
 * Why an import refused a file (422 {@code import-rejected}): nothing was written, and every
 * problem is listed by line and column, the first {@code errors} of {@code errorCount}.
 */
public record CsvRejection(String detail, int errorCount, List<RowError> errors)
    implements Serializable {

  public CsvRejection {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /**
   * One problem of the file: {@code line} as a spreadsheet numbers rows (the header is 1), {@code
   * column} the column's name or letter, or null for the whole row or file.
   */
  public record RowError(int line, String column, String message) implements Serializable {}

  /** Whether {@code p} is an import's refusal of a file, rather than of the request. */
  public static boolean is(ApiProblem p) {
    return p.status() == 422 && "import-rejected".equals(p.shortType());
  }

  /** The problems {@code p}, an import's refusal, lists. */
  public static CsvRejection of(ApiProblem p) {
    List<RowError> errors = new ArrayList<>();
    if (p.extensions().get("errors") instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m) {
          Object column = m.get("column");
          Object message = m.get("message");
          errors.add(
              new RowError(
                  m.get("line") instanceof Number n ? n.intValue() : 0,
                  column == null ? null : column.toString(),
                  message == null ? "" : message.toString()));
        }
      }
    }
    int count = p.extensions().get("errorCount") instanceof Number n ? n.intValue() : errors.size();
    return new CsvRejection(p.detail(), count, errors);
  }
}
