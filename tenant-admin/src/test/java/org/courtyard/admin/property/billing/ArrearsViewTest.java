package org.courtyard.admin.property.billing;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArrearsViewTest extends BillingTestBase {

  static final LocalDate DAY = LocalDate.of(2026, 12, 15);

  @BeforeEach
  void arrears() {
    billing.room(102, 1, 11, "Sunny Garden 1-102");
    billing.bill(101, "2026-11", "300.00"); // due 11-30: 15 days past due
    billing.bill(101, "2026-10", "100.00"); // due 10-31: 45 days
    billing.bill(102, "2026-11", "50.00");
    billing.bill(201, "2026-08", "200.00"); // due 08-31: 106 days
    billing.bill(301, "2026-08", "999.00"); // estate 3: outside the officer's scope
    billing.bill(201, "2026-12", "80.00"); // due 12-31: not yet
  }

  private static void open() {
    UI.getCurrent().navigate(ArrearsView.class);
    HasValueUtilsKt._setValue(_get(DatePicker.class, s -> s.withId("arrears-as-of")), DAY);
  }

  private static String total() {
    return _get(Paragraph.class, s -> s.withId("arrears-total")).getText();
  }

  @Test
  void theCashiersRoomsAreAgedOnTheDay() {
    signIn("officer");
    open();

    assertThat(total()).isEqualTo("Past due on 2026-12-15: CN¥650.00");
    ArrearsView view = _get(ArrearsView.class);
    assertThat(GridKt._fetch(view.rooms(), 0, 50))
        .extracting(Arrears.Room::roomId)
        .containsExactly(101L, 102L, 201L);
    assertThat(GridKt._getFormattedRow(view.rooms(), 0))
        .containsExactly(
            "101", "CN¥400.00", "CN¥300.00", "CN¥100.00", "CN¥0.00", "2026-10-31", "45");
    assertThat(GridKt._getFormattedRow(view.rooms(), 2)).contains("CN¥200.00", "106");
  }

  @Test
  void theTotalsByAgeAreShownAboveTheListWithABarEach() {
    signIn("officer");
    open();
    assertThat(text("arrears-rooms")).isEqualTo("Rooms owing: 3");
    assertThat(text("arrears-bucket-days0to30-amount")).isEqualTo("CN¥350.00");
    assertThat(text("arrears-bucket-days0to30-rooms")).isEqualTo("2 rooms");
    assertThat(text("arrears-bucket-days31to90-amount")).isEqualTo("CN¥100.00");
    assertThat(text("arrears-bucket-days31to90-rooms")).isEqualTo("1 room");
    assertThat(text("arrears-bucket-days90plus-amount")).isEqualTo("CN¥200.00");
    // the bars are as long as each bucket against the largest: 350, 100 and 200 of 200 units
    assertThat(bars())
        .hasSize(3)
        .satisfies(b -> assertThat(b.get(0)).contains("class=\"bar\" width=\"200.0\""))
        .satisfies(b -> assertThat(b.get(1)).contains("class=\"bar\" width=\"57.1\""))
        .satisfies(b -> assertThat(b.get(2)).contains("class=\"bar\" width=\"114.3\""))
        .satisfies(b -> assertThat(b.get(2)).contains("<title>Over 90 days: CN¥200.00 in 1 room"));

    // the totals are the sums of the list
    ArrearsView view = _get(ArrearsView.class);
    BigDecimal days0to30 = BigDecimal.ZERO;
    for (Arrears.Room r : GridKt._fetch(view.rooms(), 0, 50)) {
      days0to30 = days0to30.add(r.days0to30());
    }
    assertThat(days0to30).isEqualByComparingTo("350.00");
  }

  @Test
  void anEmptyDayHasEmptyBars() {
    signIn("officer");
    UI.getCurrent().navigate(ArrearsView.class);
    HasValueUtilsKt._setValue(
        _get(DatePicker.class, s -> s.withId("arrears-as-of")), LocalDate.of(2026, 1, 1));
    assertThat(text("arrears-rooms")).isEqualTo("Rooms owing: 0");
    assertThat(bars()).hasSize(3).allMatch(b -> b.contains("class=\"bar\" width=\"0.0\""));
  }

  private static String text(String id) {
    return _get(Span.class, s -> s.withId(id)).getText();
  }

  private static List<String> bars() {
    return _find(_get(ArrearsView.class).buckets(), Div.class, s -> s.withClasses("aging-bar"))
        .stream()
        .map(d -> d.getElement().getProperty("innerHTML"))
        .toList();
  }

  @Test
  void theReminderListHoldsWhatIsOver30DaysLargestFirstAndLeadsToTheStatement() {
    signIn("officer");
    open();
    ArrearsView view = _get(ArrearsView.class);
    assertThat(GridKt._fetch(view.reminders(), 0, 50))
        .extracting(Arrears.Reminder::label)
        .containsExactly("Sunny Garden 1-101", "Lake View 2-201");
    assertThat(GridKt._getFormattedRow(view.reminders(), 0))
        .contains("Sunny Garden 1-101", "CN¥400.00", "CN¥100.00");

    Button statement = (Button) GridKt._getCellComponent(view.reminders(), 1, "statement");
    assertThat(statement.getId()).hasValue("reminder-statement-201");
    ButtonKt._click(statement);
    assertThat(currentView()).isInstanceOf(StatementsView.class);
    assertThat(_get(StatementsView.class).statement().html()).contains("Lake View 2-201");
  }

  @Test
  void anAdministratorSeesTheWholeCompanysArrears() {
    signIn("admin");
    open();
    assertThat(total()).isEqualTo("Past due on 2026-12-15: CN¥1,649.00");
  }

  @Test
  void theArrearsSpeakChinese() {
    signIn("officer");
    chinese();
    open();
    assertThat(total()).isEqualTo("2026-12-15 逾期欠费合计：¥650.00");
    assertThat(text("arrears-rooms")).isEqualTo("欠费房间：3 间");
    assertThat(text("arrears-bucket-days0to30-rooms")).isEqualTo("2 间房");
  }
}
