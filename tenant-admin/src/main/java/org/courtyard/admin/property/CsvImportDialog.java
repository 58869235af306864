package org.courtyard.admin.property;

import com.vaadin.flow.component.Component;
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
import org.courtyard.admin.property.estate.Refusals;
import org.courtyard.admin.ui.Errors;

/**
 * A CSV file dropped on an import endpoint that takes the file whole or not at all: on success it
 * says what was written; on a refused file it lists every problem as a table by line and column, as
 * the spreadsheet numbers them, so the user can correct the file and drop it again. A sample file
 * with the columns the endpoint reads is offered to start from. Rooms and parking spaces are
 * imported through it.
 */
public abstract class CsvImportDialog extends Dialog {

  /** What an import answered: the words for what was written, or why the file was refused. */
  protected record Outcome(String done, CsvRejection rejection) {

    public static Outcome done(String text) {
      return new Outcome(text, null);
    }

    public static Outcome rejected(CsvRejection rejection) {
      return new Outcome(null, rejection);
    }
  }

  /** By line; within a line in the order the API found them. */
  private static final Comparator<CsvRejection.RowError> BY_LINE =
      Comparator.comparingInt(CsvRejection.RowError::line);

  private final Paragraph result = new Paragraph();
  private final Grid<CsvRejection.RowError> errors = new Grid<>();
  private final Upload upload;
  private SerializableRunnable imported = () -> {};

  /**
   * @param sampleName the sample file's name, e.g. {@code rooms.csv}
   * @param sample its content, with the byte-order mark Excel needs to open UTF-8 as such
   * @param maxBytes the largest file the endpoint takes
   */
  protected CsvImportDialog(
      String title, String help, String sampleName, String sample, int maxBytes) {
    setId("import-dialog");
    setHeaderTitle(title);
    setWidth("48em");
    setCloseOnEsc(true);

    Paragraph helpText = new Paragraph(help);
    helpText.setId("import-help");
    Anchor sampleLink =
        new Anchor(
            event -> {
              event.setFileName(sampleName);
              event.setContentType("text/csv; charset=UTF-8");
              event.getOutputStream().write(sample.getBytes(StandardCharsets.UTF_8));
            },
            getTranslation("import.sample"));
    sampleLink.setId("import-sample");
    helpText.add(new Text(" "), sampleLink);
    upload =
        csvUpload(this, "import", maxBytes, UploadHandler.inMemory((meta, bytes) -> send(bytes)));
    upload.setId("import-upload");

    result.setId("import-result");
    result.setVisible(false);
    errors.setId("import-errors");
    errors.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    errors
        .addColumn(CsvRejection.RowError::line)
        .setHeader(getTranslation("import.line"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    errors
        .addColumn(e -> e.column() == null ? getTranslation("import.wholeRow") : e.column())
        .setHeader(getTranslation("import.column"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    errors
        .addColumn(CsvRejection.RowError::message)
        .setHeader(getTranslation("import.message"))
        .setFlexGrow(1);
    errors.setHeight("16em");
    errors.setVisible(false);
    errors.getElement().setAttribute("aria-label", getTranslation("import.errors"));
    add(helpText, upload, result, errors);

    Button close = new Button(getTranslation("import.close"), e -> close());
    close.setId("import-close");
    getFooter().add(close);
  }

  /**
   * An upload of one CSV file of at most {@code maxBytes}, worded by {@code keys}{@code .choose},
   * {@code .drop}, {@code .tooBig} (given the megabytes), {@code .notCsv} and {@code .oneFile}.
   */
  public static Upload csvUpload(
      Component words, String keys, int maxBytes, UploadHandler handler) {
    Upload upload = new Upload(handler);
    upload.setAcceptedFileTypes(".csv", "text/csv", "text/plain");
    upload.setMaxFileSize(maxBytes);
    upload.setMaxFiles(1);
    UploadI18N i18n = new UploadI18N();
    UploadI18N.AddFiles add = new UploadI18N.AddFiles();
    add.setOne(words.getTranslation(keys + ".choose"));
    UploadI18N.DropFiles drop = new UploadI18N.DropFiles();
    drop.setOne(words.getTranslation(keys + ".drop"));
    i18n.setAddFiles(add);
    i18n.setDropFiles(drop);
    i18n.setError(
        new UploadI18N.Error()
            .setFileIsTooBig(words.getTranslation(keys + ".tooBig", maxBytes / (1024 * 1024)))
            .setIncorrectFileType(words.getTranslation(keys + ".notCsv"))
            .setTooManyFiles(words.getTranslation(keys + ".oneFile")));
    upload.setI18n(i18n);
    return upload;
  }

  /**
   * Sends the file to the endpoint.
   *
   * @throws ApiProblem for a refusal of the request rather than of the file
   */
  protected abstract Outcome importFile(byte[] csv);

  /** Runs once something was written. */
  public CsvImportDialog onImported(SerializableRunnable then) {
    this.imported = then;
    return this;
  }

  /** Sends the file and shows what the API answered. */
  void send(byte[] csv) {
    Outcome answer;
    try {
      answer = importFile(csv);
    } catch (ApiProblem | ApiUnreachable e) {
      result.setVisible(false);
      errors.setVisible(false);
      Refusals.show(this, e);
      return;
    } finally {
      upload.clearFileList();
    }
    result.setVisible(true);
    if (answer.rejection() != null) {
      CsvRejection r = answer.rejection();
      String text = getTranslation("import.rejected", r.errorCount());
      if (r.errorCount() > r.errors().size()) {
        text += " " + getTranslation("import.shown", r.errors().size());
      }
      result.setText(text);
      result.getStyle().set("color", "var(--lumo-error-text-color)");
      errors.setItems(r.errors().stream().sorted(BY_LINE).toList());
      errors.setVisible(true);
      return;
    }
    result.setText(answer.done());
    result.getStyle().set("color", "var(--lumo-success-text-color)");
    errors.setVisible(false);
    Errors.success(answer.done());
    imported.run();
  }

  // ------------------------------------------------------------------------------ for tests

  public Upload upload() {
    return upload;
  }

  public String resultText() {
    return result.isVisible() ? result.getText() : "";
  }

  /** The problems in the table, in its order; empty while it is hidden. */
  public List<CsvRejection.RowError> shownErrors() {
    return errors.isVisible() ? errors.getListDataView().getItems().toList() : List.of();
  }
}
