package org.courtyard.admin.property.billing;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.CsvImportDialog;
import org.courtyard.admin.property.CsvRejection;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.ui.Errors;

/**
 * Meter readings imported from a spreadsheet saved as CSV ({@code serial, read_at, value} and
 * optionally {@code replacement}). The API takes all rows or none: a refused file's problems are
 * shown as a table by line and column, so the whole file can be corrected at once.
 */
final class ReadingImportPanel extends VerticalLayout {

  /** The API's limit for one file. */
  static final int MAX_BYTES = 5 * 1024 * 1024;

  private final Upload upload;
  private final Paragraph result = new Paragraph();
  private final Grid<CsvRejection.RowError> errors = new Grid<>();
  private final Grid<Meter.Implausible> implausible = new Grid<>();
  private final Runnable imported;

  ReadingImportPanel(Runnable imported) {
    this.imported = imported;
    setId("reading-import");
    setPadding(false);
    Paragraph help = new Paragraph(getTranslation("billing.import.help"));
    upload =
        CsvImportDialog.csvUpload(
            this,
            "billing.import",
            MAX_BYTES,
            UploadHandler.inMemory((meta, bytes) -> send(bytes)));
    upload.setId("reading-upload");

    result.setId("reading-import-result");
    result.setVisible(false);
    result.getElement().setAttribute("role", "status");
    errors.setId("reading-import-errors");
    errors.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    errors
        .addColumn(CsvRejection.RowError::line)
        .setHeader(getTranslation("billing.import.line"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    errors
        .addColumn(e -> e.column() == null ? getTranslation("billing.import.wholeRow") : e.column())
        .setHeader(getTranslation("billing.import.column"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    errors
        .addColumn(CsvRejection.RowError::message)
        .setHeader(getTranslation("billing.import.message"));
    errors.getElement().setAttribute("aria-label", getTranslation("billing.import.errors"));
    errors.setHeight("14em");
    errors.setVisible(false);
    implausible.setId("reading-import-implausible");
    implausible.addThemeVariants(GridVariant.LUMO_COMPACT);
    implausible
        .addColumn(Meter.Implausible::line)
        .setHeader(getTranslation("billing.import.line"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    implausible
        .addColumn(Meter.Implausible::serial)
        .setHeader(getTranslation("billing.meter.serial"));
    implausible
        .addColumn(Meter.Implausible::reason)
        .setHeader(getTranslation("billing.import.reason"));
    implausible.setAllRowsVisible(true);
    implausible.setVisible(false);
    add(help, upload, result, errors, implausible);
  }

  /** Sends the file and shows the API's answer: what was stored, or every problem by line. */
  void send(byte[] csv) {
    implausible.setVisible(false);
    errors.setVisible(false);
    try {
      Meter.Imported done = new BillingClient(PropertySession.api()).importReadings(csv);
      result.setText(
          getTranslation(
              "billing.import.done",
              done.readingsImported(),
              done.metersRead(),
              done.implausibleCount()));
      result.getStyle().set("color", "var(--lumo-success-text-color)");
      result.setVisible(true);
      if (!done.implausible().isEmpty()) {
        implausible.setItems(done.implausible());
        implausible.setVisible(true);
      }
      Errors.success(result.getText());
      imported.run();
    } catch (ApiProblem p) {
      CsvRejection rejection = CsvRejection.is(p) ? CsvRejection.of(p) : null;
      if (rejection == null || rejection.errors().isEmpty()) {
        result.setVisible(false);
        Errors.show(p);
        return;
      }
      List<CsvRejection.RowError> rows =
          rejection.errors().stream()
              .sorted(Comparator.comparingInt(CsvRejection.RowError::line))
              .toList();
      int total = rejection.errorCount();
      String text = getTranslation("billing.import.rejected", total);
      if (total > rows.size()) {
        text += " " + getTranslation("billing.import.shown", rows.size());
      }
      result.setText(text);
      result.getStyle().set("color", "var(--lumo-error-text-color)");
      result.setVisible(true);
      errors.setItems(rows);
      errors.setVisible(true);
    } catch (ApiUnreachable e) {
      result.setVisible(false);
      Errors.show(e);
    } finally {
      upload.clearFileList();
    }
  }

  Upload upload() {
    return upload;
  }

  /** The problems shown, in the table's order; empty while it is hidden. */
  List<CsvRejection.RowError> shownErrors() {
    return errors.isVisible() ? errors.getListDataView().getItems().toList() : List.of();
  }

  String resultText() {
    return result.isVisible() ? result.getText() : "";
  }

  /** A panel callback, serializable with the view. */
  interface Runnable extends java.lang.Runnable, Serializable {}
}
