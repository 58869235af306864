package org.courtyard.admin.property.estate;

import java.io.Serializable;
import java.util.List;

/**
 * What a room import answered: the rooms written, or why the file was refused (422 {@code
 * import-rejected}: nothing was written, every problem listed by line and column).
 */
public record RoomImport(int roomsImported, int unitsCreated, Rejection rejection)
    implements Serializable {

  /** The problems of a refused file, the first ones of {@code errorCount}, and the API's words. */
  public record Rejection(String detail, int errorCount, List<RowError> errors)
      implements Serializable {

    public Rejection {
      errors = errors == null ? List.of() : List.copyOf(errors);
    }
  }

  /**
   * One problem of the file: {@code line} as a spreadsheet numbers rows (the header is 1), {@code
   * column} the column's name or letter, or null for the whole row or file.
   */
  public record RowError(int line, String column, String message) implements Serializable {}

  public boolean rejected() {
    return rejection != null;
  }
}
