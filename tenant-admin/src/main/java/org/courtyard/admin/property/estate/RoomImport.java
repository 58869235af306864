package org.courtyard.admin.property.estate;

import java.io.Serializable;
import org.courtyard.admin.property.CsvRejection;

/**
 * What a room import answered: the rooms written, or why the file was refused (422 {@code
 * import-rejected}: nothing was written, every problem listed by line and column).
 */
public record RoomImport(int roomsImported, int unitsCreated, CsvRejection rejection)
    implements Serializable {

  public boolean rejected() {
    return rejection != null;
  }
}
