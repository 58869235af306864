package org.courtyard.admin.property.billing;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetersViewTest extends BillingTestBase {

  private long water101;

  @BeforeEach
  void meters() {
    water101 = billing.meter(101, "water", "W-101");
    billing.meter(101, "electricity", "E-101");
    billing.meter(201, "water", "W-201");
    billing.meter(301, "gas", "G-301");
    billing.reading(water101, "2026-10-31", "100.5");
  }

  private static MetersView view() {
    return _get(MetersView.class);
  }

  private static List<Meter> rows() {
    return GridKt._fetch(view().grid(), 0, 100);
  }

  private static ReadingImportPanel importPanel() {
    return _get(ReadingImportPanel.class);
  }

  private static void upload(String csv) {
    UploadKt._upload(
        importPanel().upload(), "readings.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theMetersOfTheCashiersEstatesFilteredByRoomAndType() {
    signIn("officer");
    UI.getCurrent().navigate(MetersView.class);
    assertThat(rows()).extracting(Meter::serial).containsExactly("W-101", "E-101", "W-201");

    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId("meters-room")), "101");
    assertThat(rows()).extracting(Meter::serial).containsExactly("W-101", "E-101");
    @SuppressWarnings("unchecked")
    Select<String> type = _get(Select.class, s -> s.withId("meters-type"));
    HasValueUtilsKt._setValue(type, "electricity");
    assertThat(rows()).extracting(Meter::serial).containsExactly("E-101");
  }

  @Test
  void aChosenMetersReadingsAndAReadingTypedIn() {
    signIn("officer");
    UI.getCurrent().navigate(MetersView.class);
    view().grid().select(rows().get(0));
    assertThat(GridKt._fetch(view().readingGrid(), 0, 10))
        .extracting(Meter.Reading::value)
        .containsExactly(new BigDecimal("100.5"));

    HasValueUtilsKt._setValue(
        _get(DatePicker.class, s -> s.withId("reading-day")), LocalDate.of(2026, 11, 30));
    HasValueUtilsKt._setValue(
        _get(BigDecimalField.class, s -> s.withId("reading-value")), new BigDecimal("90"));
    ButtonKt._click(_get(Button.class, s -> s.withId("reading-record")));
    assertThat(notificationTexts()).anyMatch(t -> t.startsWith("Reading decreased"));
    assertThat(billing.readingValues(water101)).hasSize(1);

    HasValueUtilsKt._setValue(_get(Checkbox.class, s -> s.withId("reading-replacement")), true);
    ButtonKt._click(_get(Button.class, s -> s.withId("reading-record")));
    assertThat(billing.readingValues(water101))
        .containsExactly(new BigDecimal("100.5"), new BigDecimal("90"));
    assertThat(GridKt._fetch(view().readingGrid(), 0, 10)).hasSize(2);
  }

  @Test
  void aRefusedFileIsShownByLineAndColumnAndNothingIsStored() {
    signIn("officer");
    UI.getCurrent().navigate(MetersView.class);
    upload(
        "serial,read_at,value\n"
            + "W-101,2026-11-30,120\n"
            + "X-999,2026-11-30,5\n"
            + "E-101,30.11.2026,abc\n"
            + "W-101,2026-12-31,110\n");

    assertThat(importPanel().resultText())
        .isEqualTo("Nothing was imported: the file has 4 problems.");
    assertThat(importPanel().shownErrors())
        .extracting(e -> e.line() + " " + e.column())
        .containsExactly("3 serial", "4 read_at", "4 value", "5 value");
    assertThat(billing.readingValues(water101)).hasSize(1);
  }

  @Test
  void anAcceptedFileSaysWhatWasStored() {
    signIn("officer");
    UI.getCurrent().navigate(MetersView.class);
    upload("\uFEFFserial,read_at,value\r\nW-101,2026-11-30,120\r\nW-201,2026-11-30,7.25\r\n");

    assertThat(importPanel().resultText())
        .isEqualTo("2 readings imported for 2 meters; 0 implausible.");
    assertThat(importPanel().shownErrors()).isEmpty();
    assertThat(billing.readingValues(water101))
        .containsExactly(new BigDecimal("100.5"), new BigDecimal("120"));
  }

  @Test
  void aMeterIsAddedToARoomAndADuplicateSerialIsShownAtTheSerial() {
    signIn("officer");
    UI.getCurrent().navigate(MetersView.class);
    ButtonKt._click(_get(Button.class, s -> s.withId("meters-new")));
    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId("meter-room")), "201");
    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId("meter-serial")), "W-201");
    ButtonKt._click(_get(Button.class, s -> s.withId("meter-save")));
    assertThat(_get(TextField.class, s -> s.withId("meter-serial")).getErrorMessage())
        .isEqualTo("Another meter already has the serial W-201.");

    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId("meter-serial")), "E-201");
    @SuppressWarnings("unchecked")
    Select<String> type = _get(Select.class, s -> s.withId("meter-type"));
    HasValueUtilsKt._setValue(type, "electricity");
    ButtonKt._click(_get(Button.class, s -> s.withId("meter-save")));
    assertThat(rows())
        .extracting(Meter::serial)
        .containsExactly("W-101", "E-101", "W-201", "E-201");
  }

  @Test
  void aManagerReadsMetersButNeitherRecordsNorImports() {
    signIn("manager");
    UI.getCurrent().navigate(MetersView.class);
    _assertNone(ReadingImportPanel.class);
    _assertNone(Button.class, s -> s.withId("meters-new"));
    view().grid().select(rows().get(0));
    _assertNone(Button.class, s -> s.withId("reading-record"));
    assertThat(GridKt._fetch(view().readingGrid(), 0, 10)).hasSize(1);
  }

  @Test
  void theMetersSpeakChinese() {
    signIn("officer");
    chinese();
    UI.getCurrent().navigate(MetersView.class);
    assertThat(GridKt._getFormattedRow(view().grid(), 0)).contains("W-101", "水表");
    upload("serial,read_at,value\nX-1,2026-11-30,1\n");
    assertThat(importPanel().resultText()).isEqualTo("未导入任何数据：文件有 1 处问题。");
  }
}
