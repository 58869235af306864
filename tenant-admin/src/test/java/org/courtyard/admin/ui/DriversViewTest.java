package org.courtyard.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import java.util.List;
import org.courtyard.admin.api.Approval;
import org.courtyard.admin.api.Driver;
import org.courtyard.admin.api.DriverPackage;
import org.courtyard.admin.api.OperatorApi;
import org.courtyard.admin.contract.FakeOperatorApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DriversViewTest extends ConsoleTestBase {

  @BeforeEach
  void loggedIn() {
    login();
    UI.getCurrent().navigate(DriversView.class);
  }

  private static void upload(byte[] jar, String fileName) {
    UploadKt._upload(
        _get(Upload.class, spec -> spec.withId("driver-upload")),
        fileName,
        "application/java-archive",
        jar);
    MockVaadin.clientRoundtrip();
  }

  private static String result() {
    return _get(Div.class, spec -> spec.withId("driver-result")).getText();
  }

  @SuppressWarnings("unchecked")
  private static <T> Grid<T> grid(String id) {
    return _get(Grid.class, spec -> spec.withId(id));
  }

  @Test
  void anUnapprovedJarShowsItsHashAndIsInstalledOnceApproved() {
    byte[] jar = FakeOperatorApi.bundleJar("com.vendor.lockdriver", "1.0.0");

    upload(jar, "lockdriver-1.0.0.jar");

    String sha = DriversView.sha256(jar);
    assertThat(_get(Span.class, spec -> spec.withId("driver-sha256")).getText())
        .isEqualTo(sha)
        .hasSize(64);
    assertThat(_get(Span.class, spec -> spec.withId("driver-approval")).getText())
        .contains("lockdriver-1.0.0.jar")
        .contains("not approved");
    assertThat(GridKt._findAll(this.<DriverPackage>grid("driver-packages")))
        .extracting(DriverPackage::symbolicName)
        .doesNotContain("com.vendor.lockdriver");

    HasValueUtilsKt._setValue(
        _get(TextField.class, spec -> spec.withId("approval-note")), "vendor mail of 1 Nov");
    ButtonKt._click(_get(Button.class, spec -> spec.withId("approve-install")));
    await(() -> !result().isEmpty());

    assertThat(result()).isEqualTo("Installed com.vendor.lockdriver 1.0.0: active, drivers —.");
    assertThat(GridKt._findAll(this.<DriverPackage>grid("driver-packages")))
        .filteredOn(p -> p.symbolicName().equals("com.vendor.lockdriver"))
        .extracting(DriverPackage::symbolicName, DriverPackage::version, DriverPackage::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("com.vendor.lockdriver", "1.0.0", "active"));
    assertThat(GridKt._findAll(this.<Approval>grid("driver-approvals")))
        .anySatisfy(a -> assertThat(a.sha256()).isEqualTo(sha));
  }

  @Test
  void aNewerVersionUpgradesAndAnOlderOneIsRefusedWithTheReason() {
    OperatorApi api = new OperatorApi(fake.baseUrl(), PASSWORD);
    byte[] v1 = FakeOperatorApi.bundleJar("com.vendor.meter", "1.0.0");
    byte[] v2 = FakeOperatorApi.bundleJar("com.vendor.meter", "1.1.0");
    byte[] old = FakeOperatorApi.bundleJar("com.vendor.meter", "0.9.0");
    for (byte[] jar : List.of(v1, v2, old)) {
      api.approve(DriversView.sha256(jar), null);
    }
    api.uploadDriver(v1);

    upload(v2, "meter-1.1.0.jar");
    await(() -> !result().isEmpty());
    assertThat(_get(Span.class, spec -> spec.withId("driver-approval")).getText())
        .contains("approved, installing");
    assertThat(result()).startsWith("Installed com.vendor.meter 1.1.0: active");
    assertThat(GridKt._findAll(this.<DriverPackage>grid("driver-packages")))
        .filteredOn(p -> p.symbolicName().equals("com.vendor.meter"))
        .extracting(DriverPackage::version)
        .containsExactly("1.1.0");

    upload(old, "meter-0.9.0.jar");
    await(() -> !result().isEmpty());
    assertThat(result())
        .isEqualTo(
            "Not installed: Not a newer version: Bundle com.vendor.meter is at 1.1.0; upload a higher"
                + " version than that, not 0.9.0.");
  }

  @Test
  void anUploadedBundleCanBeDisabledAndEnabled() {
    OperatorApi api = new OperatorApi(fake.baseUrl(), PASSWORD);
    byte[] jar = FakeOperatorApi.bundleJar("com.vendor.gate", "2.0.0");
    api.approve(DriversView.sha256(jar), "trusted");
    api.uploadDriver(jar);
    UI.getCurrent().navigate(TenantsView.class);
    UI.getCurrent().navigate(DriversView.class);
    Grid<DriverPackage> packages = grid("driver-packages");
    int row =
        GridKt._findAll(packages).stream()
            .map(DriverPackage::symbolicName)
            .toList()
            .indexOf("com.vendor.gate");

    ButtonKt._click((Button) GridKt._getCellComponent(packages, row, "actions"));

    assertThat(GridKt._getFormatted(grid("driver-packages"), row, "state")).isEqualTo("disabled");
    assertThat(notificationTexts()).contains("com.vendor.gate is now disabled.");
    ButtonKt._click((Button) GridKt._getCellComponent(grid("driver-packages"), row, "actions"));
    assertThat(GridKt._getFormatted(grid("driver-packages"), row, "state")).isEqualTo("active");
  }

  @Test
  void driversShowVersionStateDevicesAndQuarantineReason() {
    fake.quarantine("gateframe", "decode failed 50 times in a row");
    UI.getCurrent().navigate(TenantsView.class);
    UI.getCurrent().navigate(DriversView.class);
    Grid<Driver> drivers = grid("drivers");
    List<Driver> rows = GridKt._findAll(drivers);
    int gate = rows.stream().map(Driver::id).toList().indexOf("gateframe");

    assertThat(GridKt._getFormattedRow(drivers, gate))
        .contains("gateframe", "2.0.1", "quarantined", "0", "decode failed 50 times in a row");
    Button release = (Button) GridKt._getCellComponent(drivers, gate, "actions");
    ButtonKt._click(release);
    assertThat(GridKt._getFormatted(grid("drivers"), gate, "state")).isEqualTo("active");
    assertThat(GridKt._getFormatted(grid("drivers"), gate, "reason")).isEmpty();
  }
}
