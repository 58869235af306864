package org.courtyard.api.csv;

import java.util.Locale;

/**
 * A column of an import file, a constant of the importer's enum: {@code enum Column implements
 * CsvColumn { UNIT, NUMBER, STATUS { public boolean required() { return false; } } }}.
 */
public interface CsvColumn {

  /** The enum constant's name (enums have it). */
  String name();

  /** The name as written in the header (matched in any letter case) and used in messages. */
  default String header() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a file without this column is refused; columns are required unless they say not. */
  default boolean required() {
    return true;
  }
}
