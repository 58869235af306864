package org.courtyard.admin.property.estate;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.function.SerializableRunnable;
import com.vaadin.flow.server.streams.UploadHandler;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.ui.Errors;

/**
 * Imports a building's rooms from a CSV file ({@code POST /estate/buildings/{id}/rooms/import}).
 * The API takes the file whole or not at all: on success this says how many rooms and new units
 * were written; on a refused file it lists every problem as a table by line and column, as the
 * spreadsheet numbers them, so the user can correct the file and drop it again.
 */
public final class RoomImportDialog extends Dialog {

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

  /**
   * By line; within a line in the order the API found them, which is the order of the columns it
   * checks (unit, number, floor, area, type, status).
   */
  private static final Comparator<RoomImport.RowError> BY_LINE =
      Comparator.comparingInt(RoomImport.RowError::line);

  private final EstateClient client;
  private final Building building;
  private final Paragraph result = new Paragraph();
  private final Grid<RoomImport.RowError> errors = new Grid<>();
  private final Upload upload;
  private SerializableRunnable imported = () -> {};

  public RoomImportDialog(EstateClient client, Building building, String buildingLabel) {
    this.client = client;
    this.building = building;
    setId("import-dialog");
    setHeaderTitle(getTranslation("estate.import.title", buildingLabel));
    setWidth("48em");
    setCloseOnEsc(true);

    Paragraph help = new Paragraph(getTranslation("estate.import.help"));
    help.setId("import-help");
    Anchor sample =
        new Anchor(
            event -> {
              event.setFileName("rooms.csv");
              event.setContentType("text/csv; charset=UTF-8");
              event.getOutputStream().write(SAMPLE.getBytes(StandardCharsets.UTF_8));
            },
            getTranslation("estate.import.sample"));
    sample.setId("import-sample");
    help.add(new Text(" "), sample);
    upload = new Upload(UploadHandler.inMemory((meta, bytes) -> send(bytes)));
    upload.setId("import-upload");
    upload.setAcceptedFileTypes(".csv", "text/csv", "text/plain");
    upload.setMaxFileSize(MAX_BYTES);
    upload.setMaxFiles(1);
    UploadI18N i18n = new UploadI18N();
    UploadI18N.AddFiles add = new UploadI18N.AddFiles();
    add.setOne(getTranslation("estate.import.choose"));
    UploadI18N.DropFiles drop = new UploadI18N.DropFiles();
    drop.setOne(getTranslation("estate.import.drop"));
    i18n.setAddFiles(add);
    i18n.setDropFiles(drop);
    i18n.setError(
        new UploadI18N.Error()
            .setFileIsTooBig(getTranslation("estate.import.tooBig"))
            .setIncorrectFileType(getTranslation("estate.import.notCsv"))
            .setTooManyFiles(getTranslation("estate.import.oneFile")));
    upload.setI18n(i18n);

    result.setId("import-result");
    result.setVisible(false);
    errors.setId("import-errors");
    errors.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    errors
        .addColumn(RoomImport.RowError::line)
        .setHeader(getTranslation("estate.import.line"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    errors
        .addColumn(e -> e.column() == null ? getTranslation("estate.import.wholeRow") : e.column())
        .setHeader(getTranslation("estate.import.column"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    errors
        .addColumn(RoomImport.RowError::message)
        .setHeader(getTranslation("estate.import.message"))
        .setFlexGrow(1);
    errors.setHeight("16em");
    errors.setVisible(false);
    errors.getElement().setAttribute("aria-label", getTranslation("estate.import.errors"));
    add(help, upload, result, errors);

    Button close = new Button(getTranslation("estate.close"), e -> close());
    close.setId("import-close");
    getFooter().add(close);
  }

  /** Runs once rooms were written (the tree's counts changed). */
  public RoomImportDialog onImported(SerializableRunnable then) {
    this.imported = then;
    return this;
  }

  /** Sends the file and shows what the API answered. */
  void send(byte[] csv) {
    RoomImport answer;
    try {
      answer = client.importRooms(building.id(), csv);
    } catch (ApiProblem | ApiUnreachable e) {
      result.setVisible(false);
      errors.setVisible(false);
      Refusals.show(this, e);
      return;
    } finally {
      upload.clearFileList();
    }
    result.setVisible(true);
    if (answer.rejected()) {
      RoomImport.Rejection r = answer.rejection();
      String text = getTranslation("estate.import.rejected", r.errorCount());
      if (r.errorCount() > r.errors().size()) {
        text += " " + getTranslation("estate.import.shown", r.errors().size());
      }
      result.setText(text);
      result.getStyle().set("color", "var(--lumo-error-text-color)");
      errors.setItems(r.errors().stream().sorted(BY_LINE).toList());
      errors.setVisible(true);
      return;
    }
    String text =
        getTranslation("estate.import.done", answer.roomsImported(), answer.unitsCreated());
    result.setText(text);
    result.getStyle().set("color", "var(--lumo-success-text-color)");
    errors.setVisible(false);
    Errors.success(text);
    imported.run();
  }

  // ------------------------------------------------------------------------------ for tests

  Upload upload() {
    return upload;
  }

  String resultText() {
    return result.isVisible() ? result.getText() : "";
  }

  /** The problems in the table, in its order; empty while it is hidden. */
  List<RoomImport.RowError> shownErrors() {
    return errors.isVisible() ? errors.getListDataView().getItems().toList() : List.of();
  }
}
