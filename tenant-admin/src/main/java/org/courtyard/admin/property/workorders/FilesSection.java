package org.courtyard.admin.property.workorders;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.property.When;
import org.courtyard.admin.ui.Errors;

/**
 * The order page's photos and files (照片及附件): a tile per file, photos as their thumbnails — read by
 * the console from the API when the browser asks for the image, so the browser never holds an API
 * token — and other files by name and type. Staff with {@code workorders.attachment.upload} add
 * files here; the bytes go as they are, with the file's type and name, and a refusal (too large, a
 * type the API does not take, the ninth file) shows the API's detail.
 */
final class FilesSection extends VerticalLayout {

  static final String UPLOAD = "workorders.attachment.upload";

  /** The API's own limit; the browser refuses larger files before sending them. */
  static final int MAX_BYTES = 10 * 1024 * 1024;

  private final Div tiles = new Div();
  private final Span empty = new Span();
  private final Upload upload;
  private WorkOrdersClient client;
  private Order order;
  private List<Attachment> shown = List.of();

  FilesSection() {
    setId("wo-files");
    setPadding(false);
    tiles.setId("wo-files-grid");
    tiles
        .getStyle()
        .set("display", "grid")
        .set("grid-template-columns", "repeat(auto-fill, minmax(10em, 1fr))")
        .set("gap", "var(--lumo-space-s)")
        .set("width", "100%");
    empty.setId("wo-files-empty");
    empty.setText(getTranslation("workorders.files.none"));
    upload =
        new Upload(
            UploadHandler.inMemory(
                (meta, bytes) -> received(meta.fileName(), meta.contentType(), bytes)));
    upload.setId("wo-files-upload");
    upload.setMaxFileSize(MAX_BYTES);
    upload.setAcceptedFileTypes(
        "image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf", "video/mp4");
    UploadI18N i18n = new UploadI18N();
    UploadI18N.AddFiles add = new UploadI18N.AddFiles();
    add.setOne(getTranslation("workorders.files.add"));
    add.setMany(getTranslation("workorders.files.add"));
    UploadI18N.DropFiles drop = new UploadI18N.DropFiles();
    drop.setOne(getTranslation("workorders.files.drop"));
    drop.setMany(getTranslation("workorders.files.drop"));
    i18n.setAddFiles(add);
    i18n.setDropFiles(drop);
    i18n.setError(
        new UploadI18N.Error()
            .setFileIsTooBig(getTranslation("workorders.files.tooBig"))
            .setIncorrectFileType(getTranslation("workorders.files.wrongType"))
            .setTooManyFiles(getTranslation("workorders.files.tooMany")));
    upload.setI18n(i18n);
    add(new H3(getTranslation("workorders.files.title")), empty, tiles, upload);
  }

  /** Shows the order's files; the upload only to staff who may add files. */
  void show(WorkOrdersClient client, Order order) {
    this.client = client;
    this.order = order;
    upload.setVisible(PropertySession.can(UPLOAD));
    load();
  }

  private void load() {
    tiles.removeAll();
    try {
      shown = client.attachments(order.id());
    } catch (ApiProblem | ApiUnreachable e) {
      shown = List.of();
      empty.setText(Refused.show(e));
      empty.setVisible(true);
      return;
    }
    empty.setText(getTranslation("workorders.files.none"));
    empty.setVisible(shown.isEmpty());
    shown.forEach(a -> tiles.add(tile(a)));
  }

  private Div tile(Attachment a) {
    Div tile = new Div();
    tile.setId("wo-file-" + a.id());
    tile.addClassName("wo-file");
    tile.getStyle()
        .set("border", "1px solid var(--lumo-contrast-10pct)")
        .set("border-radius", "var(--lumo-border-radius-m)")
        .set("padding", "var(--lumo-space-xs)")
        .set("overflow", "hidden");
    if (a.thumbnail()) {
      Image image = new Image(thumbnail(client, a), a.fileName());
      image.setId("wo-file-thumb-" + a.id());
      image.getStyle().set("max-width", "100%").set("max-height", "8em").set("display", "block");
      tile.add(image);
    } else {
      Span type = new Span(fileType(a.contentType()));
      type.getElement().getThemeList().add("badge contrast");
      tile.add(type);
    }
    Span name = new Span(a.fileName() == null ? "#" + a.id() : a.fileName());
    name.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)");
    Span when = new Span(When.format(a.uploadedAt(), getLocale()) + " · " + size(a.size()));
    when.getStyle()
        .set("display", "block")
        .set("font-size", "var(--lumo-font-size-xs)")
        .set("color", "var(--lumo-secondary-text-color)");
    Anchor open = new Anchor(original(client, a), getTranslation("workorders.files.open"));
    open.setId("wo-file-open-" + a.id());
    open.setTarget("_blank");
    open.getElement().setAttribute("download", a.fileName() == null ? "" : a.fileName());
    open.getStyle().set("font-size", "var(--lumo-font-size-xs)");
    tile.add(name, when, open);
    return tile;
  }

  /** The file in full, read through the API when the user opens it, under its own name. */
  static StreamResource original(WorkOrdersClient client, Attachment a) {
    String fileName =
        a.fileName() == null || a.fileName().isBlank()
            ? "file-" + a.orderId() + "-" + a.id()
            : a.fileName();
    StreamResource resource =
        new StreamResource(
            fileName,
            () -> {
              try {
                return (InputStream) new ByteArrayInputStream(client.file(a.orderId(), a.id()));
              } catch (ApiProblem | ApiUnreachable e) {
                return new ByteArrayInputStream(new byte[0]);
              }
            });
    resource.setContentType(a.contentType() == null ? "application/octet-stream" : a.contentType());
    resource.setCacheTime(0);
    return resource;
  }

  /** The thumbnail, read through the API by the console when the browser asks for it. */
  static StreamResource thumbnail(WorkOrdersClient client, Attachment a) {
    StreamResource resource =
        new StreamResource(
            "thumb-" + a.orderId() + "-" + a.id() + ".img",
            () -> {
              try {
                return (InputStream)
                    new ByteArrayInputStream(client.thumbnail(a.orderId(), a.id()));
              } catch (ApiProblem | ApiUnreachable e) {
                return new ByteArrayInputStream(new byte[0]);
              }
            });
    resource.setContentType("image/jpeg");
    resource.setCacheTime(0);
    return resource;
  }

  private String fileType(String contentType) {
    return switch (contentType == null ? "" : contentType) {
      case "application/pdf" -> "PDF";
      case "video/mp4" -> getTranslation("workorders.files.video");
      default -> contentType == null ? "?" : contentType;
    };
  }

  private static String size(int bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return (bytes / 1024) + " KB";
    }
    return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  private void received(String name, String contentType, byte[] bytes) {
    try {
      Attachment added = client.upload(order.id(), name, contentType, bytes);
      Errors.success(getTranslation("workorders.files.added", added.fileName()));
    } catch (ApiProblem | ApiUnreachable e) {
      Refused.show(e);
    }
    upload.clearFileList();
    load();
  }

  /** The files shown, for tests. */
  List<Attachment> shown() {
    return shown;
  }
}
