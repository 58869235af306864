package org.courtyard.admin.property.parking;

import com.vaadin.flow.component.UI;
import org.courtyard.admin.property.CsvImportDialog;

/**
 * Imports a lot's spaces from a CSV file ({@code POST /parking/lots/{id}/spaces/import}): every row
 * a space, or, with one problem anywhere (a bad value, a number the file repeats or the lot has
 * already), none, every problem listed by line and column.
 */
final class SpaceImportDialog extends CsvImportDialog {

  /** A file to start from: the columns the API reads and three spaces. */
  static final String SAMPLE =
      "\uFEFFnumber,kind,level,size,state\r\n"
          + "B1-001,rented,-1,standard,in_service\r\n"
          + "B1-002,owned,-1,large,in_service\r\n"
          + "V-01,visitor,1,,\r\n";

  /** The largest file the API takes (2 MiB, up to 10,000 rows). */
  static final int MAX_BYTES = 2 * 1024 * 1024;

  private final ParkingClient client;
  private final Lot lot;

  SpaceImportDialog(ParkingClient client, Lot lot) {
    super(
        UI.getCurrent().getTranslation("parking.import.title", lot.code() + " " + lot.name()),
        UI.getCurrent().getTranslation("parking.import.help"),
        "spaces.csv",
        SAMPLE,
        MAX_BYTES);
    this.client = client;
    this.lot = lot;
  }

  @Override
  protected Outcome importFile(byte[] csv) {
    ParkingClient.SpaceImport answer = client.importSpaces(lot.id(), csv);
    return answer.rejection() != null
        ? Outcome.rejected(answer.rejection())
        : Outcome.done(getTranslation("parking.import.done", answer.spacesCreated()));
  }
}
