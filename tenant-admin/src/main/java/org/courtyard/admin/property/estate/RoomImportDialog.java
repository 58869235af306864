package org.courtyard.admin.property.estate;

import org.courtyard.admin.property.CsvImportDialog;

/**
 * Imports a building's rooms from a CSV file ({@code POST /estate/buildings/{id}/rooms/import}):
 * the rooms and new units written, or every problem of a refused file by line and column.
 */
public final class RoomImportDialog extends CsvImportDialog {

  /**
   * A file to start from: the columns the API reads and two rooms. With the byte-order mark Excel
   * needs to open UTF-8 as such, which the API accepts.
   */
  static final String SAMPLE =
      "\uFEFFunit,number,floor,area,type,status\r\n"
          + "1,101,1,89.50,residential,vacant\r\n"
          + "1,102,1,76.25,residential,rented\r\n";

  /** The largest file the API takes (5 MiB). */
  static final int MAX_BYTES = 5 * 1024 * 1024;

  private final EstateClient client;
  private final Building building;

  public RoomImportDialog(EstateClient client, Building building, String buildingLabel) {
    super(
        translate("estate.import.title", buildingLabel),
        translate("estate.import.help"),
        "rooms.csv",
        SAMPLE,
        MAX_BYTES);
    this.client = client;
    this.building = building;
  }

  private static String translate(String key, Object... params) {
    return com.vaadin.flow.component.UI.getCurrent().getTranslation(key, params);
  }

  @Override
  protected Outcome importFile(byte[] csv) {
    RoomImport answer = client.importRooms(building.id(), csv);
    return answer.rejected()
        ? Outcome.rejected(answer.rejection())
        : Outcome.done(
            getTranslation("estate.import.done", answer.roomsImported(), answer.unitsCreated()));
  }
}
