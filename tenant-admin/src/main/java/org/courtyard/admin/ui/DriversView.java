package org.courtyard.admin.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.courtyard.admin.api.Approval;
import org.courtyard.admin.api.Driver;
import org.courtyard.admin.api.DriverPackage;
import org.courtyard.admin.api.OperatorApi;

/**
 * Device driver plug-ins: upload a jar (approving its SHA-256 first when the platform has not seen
 * it), see each driver's version, state, device count and quarantine reason, disable or enable an
 * uploaded bundle, upgrade it by uploading a newer version.
 */
@Route(value = "drivers", layout = MainLayout.class)
public final class DriversView extends VerticalLayout implements HasDynamicTitle {

  static final int MAX_JAR_BYTES = 20 * 1024 * 1024;

  private final OperatorApi api = ConsoleSession.requireApi();

  private final Upload upload;
  private final VerticalLayout received = new VerticalLayout();
  private final Span sha = new Span();
  private final Span approval = new Span();
  private final TextField note = new TextField();
  private final Button approveAndInstall = new Button();
  private final ProgressBar progress = new ProgressBar();
  private final Div result = new Div();
  private byte[] pending;

  private final Grid<Driver> drivers = new Grid<>(Driver.class, false);
  private final Grid<DriverPackage> packages = new Grid<>(DriverPackage.class, false);
  private final Grid<Approval> approvals = new Grid<>(Approval.class, false);

  public DriversView() {
    add(new H2(getTranslation("drivers.title")));

    upload = new Upload(UploadHandler.inMemory((meta, bytes) -> received(meta.fileName(), bytes)));
    upload.setId("driver-upload");
    upload.setMaxFiles(1);
    upload.setMaxFileSize(MAX_JAR_BYTES);
    upload.setAcceptedFileTypes(".jar", "application/java-archive");
    UploadI18N i18n = new UploadI18N();
    i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("drivers.upload.button")));
    i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("drivers.upload.drop")));
    upload.setI18n(i18n);
    add(
        new H3(getTranslation("drivers.upload")),
        new Paragraph(getTranslation("drivers.upload.explain")),
        upload);

    sha.setId("driver-sha256");
    sha.getStyle().set("font-family", "monospace");
    approval.setId("driver-approval");
    note.setId("approval-note");
    note.setLabel(getTranslation("drivers.note"));
    note.setWidth("28em");
    approveAndInstall.setText(getTranslation("drivers.approveInstall"));
    approveAndInstall.setId("approve-install");
    approveAndInstall.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    approveAndInstall.addClickListener(e -> approveAndInstall());
    progress.setIndeterminate(true);
    progress.setId("driver-progress");
    progress.setVisible(false);
    result.setId("driver-result");
    received.setPadding(false);
    received.setVisible(false);
    received.add(
        new HorizontalLayout(new Span(getTranslation("drivers.sha256")), sha),
        approval,
        new HorizontalLayout(note, approveAndInstall),
        progress,
        result);
    add(received);

    drivers.setId("drivers");
    drivers.addThemeVariants(GridVariant.LUMO_COMPACT);
    drivers.setAllRowsVisible(true);
    drivers.addColumn(Driver::id).setKey("id").setHeader("ID").setAutoWidth(true);
    drivers
        .addColumn(d -> d.name() + (d.vendor() == null ? "" : " (" + d.vendor() + ")"))
        .setKey("name")
        .setHeader(getTranslation("drivers.name"))
        .setAutoWidth(true);
    drivers
        .addColumn(Driver::version)
        .setKey("version")
        .setHeader(getTranslation("drivers.version"))
        .setAutoWidth(true);
    drivers
        .addColumn(d -> Texts.state("driver.state.", d.state()))
        .setKey("state")
        .setHeader(getTranslation("drivers.state"))
        .setAutoWidth(true);
    drivers
        .addColumn(Driver::devices)
        .setKey("devices")
        .setHeader(getTranslation("drivers.devices"))
        .setAutoWidth(true);
    drivers
        .addColumn(d -> d.decoded() + " / " + d.failures())
        .setKey("decoded")
        .setHeader(getTranslation("drivers.decoded"))
        .setAutoWidth(true);
    drivers
        .addColumn(d -> d.quarantineReason() == null ? "" : d.quarantineReason())
        .setKey("reason")
        .setHeader(getTranslation("drivers.reason"));
    drivers
        .addComponentColumn(this::driverActions)
        .setKey("actions")
        .setHeader("")
        .setAutoWidth(true);
    add(new H3(getTranslation("drivers.running")), drivers);

    packages.setId("driver-packages");
    packages.addThemeVariants(GridVariant.LUMO_COMPACT);
    packages.setAllRowsVisible(true);
    packages
        .addColumn(DriverPackage::symbolicName)
        .setKey("bundle")
        .setHeader(getTranslation("drivers.bundle"))
        .setAutoWidth(true);
    packages
        .addColumn(DriverPackage::version)
        .setKey("version")
        .setHeader(getTranslation("drivers.version"))
        .setAutoWidth(true);
    packages
        .addColumn(p -> Texts.state("package.state.", p.state()))
        .setKey("state")
        .setHeader(getTranslation("drivers.state"))
        .setAutoWidth(true);
    packages
        .addColumn(p -> String.join(", ", p.drivers()))
        .setKey("drivers")
        .setHeader(getTranslation("drivers.provides"))
        .setAutoWidth(true);
    packages
        .addColumn(p -> p.uploadedAt() == null ? "" : TenantsView.CREATED.format(p.uploadedAt()))
        .setKey("uploaded")
        .setHeader(getTranslation("drivers.uploaded"))
        .setAutoWidth(true);
    packages
        .addColumn(p -> shortSha(p.sha256()))
        .setKey("sha256")
        .setHeader("SHA-256")
        .setAutoWidth(true);
    packages
        .addComponentColumn(this::packageActions)
        .setKey("actions")
        .setHeader("")
        .setAutoWidth(true);
    add(new H3(getTranslation("drivers.packages")), packages);

    approvals.setId("driver-approvals");
    approvals.addThemeVariants(GridVariant.LUMO_COMPACT);
    approvals.setAllRowsVisible(true);
    approvals.addColumn(Approval::sha256).setKey("sha256").setHeader("SHA-256").setAutoWidth(true);
    approvals
        .addColumn(Approval::note)
        .setKey("note")
        .setHeader(getTranslation("drivers.note"))
        .setAutoWidth(true);
    approvals
        .addColumn(
            a -> getTranslation(a.used() ? "drivers.approval.used" : "drivers.approval.unused"))
        .setKey("used")
        .setHeader(getTranslation("drivers.approval.state"))
        .setAutoWidth(true);
    add(new H3(getTranslation("drivers.approvals")), approvals);

    refresh();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("drivers.title");
  }

  void refresh() {
    try {
      drivers.setItems(api.drivers());
      packages.setItems(
          api.driverPackages().stream().filter(p -> !"replaced".equals(p.state())).toList());
      approvals.setItems(api.approvals());
    } catch (RuntimeException e) {
      Errors.show(e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String shortSha(String sha) {
    return sha == null || sha.length() < 12 ? String.valueOf(sha) : sha.substring(0, 12) + "…";
  }

  /** The jar is here (the upload handler runs this in the UI): hash it, then approve or install. */
  void received(String fileName, byte[] jar) {
    pending = jar;
    String hash = sha256(jar);
    received.setVisible(true);
    sha.setText(hash);
    result.setText("");
    result.getStyle().remove("color");
    boolean approved;
    try {
      approved = api.approvals().stream().anyMatch(a -> a.sha256().equals(hash));
    } catch (RuntimeException e) {
      Errors.show(e);
      return;
    }
    if (approved) {
      approval.setText(getTranslation("drivers.approved", fileName, String.valueOf(jar.length)));
      note.setVisible(false);
      approveAndInstall.setVisible(false);
      install();
    } else {
      approval.setText(getTranslation("drivers.notApproved", fileName, String.valueOf(jar.length)));
      note.setVisible(true);
      approveAndInstall.setVisible(true);
      approveAndInstall.setEnabled(true);
    }
  }

  private void approveAndInstall() {
    if (pending == null) {
      return;
    }
    try {
      api.approve(sha.getText(), note.getValue());
    } catch (RuntimeException e) {
      showFailure(Errors.show(e));
      return;
    }
    approveAndInstall.setEnabled(false);
    install();
  }

  private void install() {
    byte[] jar = pending;
    progress.setVisible(true);
    Background.run(
        () -> api.uploadDriver(jar),
        p -> {
          result.getStyle().set("color", "var(--lumo-success-text-color)");
          result.setText(
              getTranslation(
                  "drivers.installed",
                  p.symbolicName(),
                  p.version(),
                  Texts.state("package.state.", p.state()),
                  p.drivers().isEmpty() ? "—" : String.join(", ", p.drivers())));
          pending = null;
          upload.clearFileList();
        },
        this::showFailure,
        () -> {
          progress.setVisible(false);
          refresh();
        });
  }

  private void showFailure(String message) {
    result.getStyle().set("color", "var(--lumo-error-text-color)");
    result.setText(getTranslation("drivers.rejected", message));
  }

  private Component driverActions(Driver d) {
    if (!d.quarantined()) {
      return new Span();
    }
    Button release =
        new Button(
            getTranslation("drivers.release"),
            e -> {
              try {
                api.releaseDriver(d.id());
                Errors.success(getTranslation("drivers.released", d.id()));
              } catch (RuntimeException ex) {
                Errors.show(ex);
              }
              refresh();
            });
    release.setId("release-" + d.id());
    release.addThemeVariants(ButtonVariant.LUMO_SMALL);
    return release;
  }

  private Component packageActions(DriverPackage p) {
    boolean disabled = "disabled".equals(p.state());
    Button b =
        new Button(
            getTranslation(disabled ? "drivers.enable" : "drivers.disable"),
            e -> {
              try {
                DriverPackage after =
                    disabled
                        ? api.enablePackage(p.symbolicName())
                        : api.disablePackage(p.symbolicName());
                Errors.success(
                    getTranslation(
                        "drivers.packageState",
                        after.symbolicName(),
                        Texts.state("package.state.", after.state())));
              } catch (RuntimeException ex) {
                Errors.show(ex);
              }
              refresh();
            });
    b.setId((disabled ? "enable-" : "disable-") + p.symbolicName());
    b.addThemeVariants(ButtonVariant.LUMO_SMALL);
    if (!disabled) {
      b.addThemeVariants(ButtonVariant.LUMO_ERROR);
    }
    return b;
  }

  List<String> shownDriverIds() {
    return drivers.getListDataView().getItems().map(Driver::id).toList();
  }
}
