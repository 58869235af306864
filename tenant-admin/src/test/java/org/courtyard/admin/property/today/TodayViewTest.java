package org.courtyard.admin.property.today;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.courtyard.admin.property.PropertyTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TodayViewTest extends PropertyTestBase {

  @BeforeEach
  void tiles() {
    fake.clearToday();
    fake.todayTile(
        tile(
            "alarms-open",
            "security",
            "security.alarm.read",
            "Open alarms",
            "未处理告警",
            3,
            "count",
            "alert"));
    fake.todayTile(
        tile(
            "devices-offline",
            "devices",
            "devices.device.read",
            "Devices offline",
            "离线设备",
            1234,
            "count",
            "warning"));
    Map<String, Object> billed =
        tile(
            "billing-month",
            "billing",
            "billing.bill.read",
            "Billed this month",
            "本月应收",
            1234567.5,
            "money",
            "normal");
    billed.put("currency", "CNY");
    billed.put("series", List.of(series("Billed", "应收", 100), series("Collected", "实收", 80)));
    fake.todayTile(billed);
    fake.todayTile(
        tile(
            "billing-rate",
            "billing",
            "billing.bill.read",
            "Collection rate",
            "收缴率",
            87.5,
            "percent",
            "good"));
  }

  @AfterEach
  void clear() {
    fake.clearToday();
  }

  @Test
  void theTilesShowTheirNumbersForTheLocaleWithTheirTone() {
    signIn("admin");
    TodayView today = _get(TodayView.class);

    assertThat(today.tiles()).hasSize(4);
    assertThat(value("alarms-open")).isEqualTo("3");
    assertThat(value("devices-offline")).isEqualTo("1,234");
    assertThat(value("billing-month")).isEqualTo("CN¥1,234,567.50");
    assertThat(value("billing-rate")).isEqualTo("87.5%");
    assertThat(card("alarms-open").getElement().getAttribute("data-tone")).isEqualTo("alert");
    assertThat(card("alarms-open").getStyle().get("border-left")).contains(TodayView.TONE_ALERT);
    assertThat(today.missingNote()).isEmpty();
  }

  @Test
  void aTileDrillsIntoTheScreenAtItsApiPathWithTheQuery() {
    Map<String, Object> linked =
        tile("billing-due", "billing", "billing.bill.read", "Due", "待收", 5, "count", "normal");
    linked.put("link", "/api/v1/test-bills?status=open");
    fake.todayTile(linked);
    Map<String, Object> nowhere =
        tile("billing-odd", "billing", "billing.bill.read", "Odd", "其他", 1, "count", "normal");
    nowhere.put("link", "/api/v1/billing/no-such-screen");
    fake.todayTile(nowhere);
    signIn("admin");

    Anchor a = (Anchor) card("billing-due").getParent().orElseThrow();
    assertThat(a.getHref()).isEqualTo("test-bills?status=open");
    assertThat(card("billing-odd").getParent().orElseThrow()).isNotInstanceOf(Anchor.class);
    assertThat(card("billing-odd").getElement().getAttribute("tabindex")).isEqualTo("0");
  }

  @Test
  void inChineseTitlesAndMoneyAreChinese() {
    UI.getCurrent().getSession().setLocale(Locale.CHINESE);
    UI.getCurrent().setLocale(Locale.CHINESE);
    signIn("admin");

    assertThat(_get(Span.class, s -> s.withClasses("tile-title").withText("本月应收"))).isNotNull();
    assertThat(value("billing-month")).isEqualTo("¥1,234,567.50");
  }

  @Test
  void aTileWithSeriesHasABarChartDrawnOnTheServer() {
    signIn("admin");

    Div chart =
        (Div)
            card("billing-month")
                .getChildren()
                .filter(c -> c.getClassNames().contains("tile-chart"))
                .findFirst()
                .orElseThrow();
    String svg = chart.getElement().getProperty("innerHTML");
    assertThat(svg).startsWith("<svg").contains("role=\"img\"").contains("Billed this month");
    assertThat(svg.split("class=\"bar\"", -1)).hasSize(25); // 12 months × 2 series
    assertThat(svg).contains("Collected");
    assertThat(
            card("alarms-open")
                .getChildren()
                .anyMatch(c -> c.getClassNames().contains("tile-chart")))
        .isFalse();
  }

  @Test
  void tilesAreReachableWithTheKeyboard() {
    signIn("admin");

    assertThat(card("alarms-open").getElement().getAttribute("tabindex")).isEqualTo("0");
    assertThat(card("alarms-open").getElement().getAttribute("aria-label"))
        .isEqualTo("Open alarms: 3");
  }

  @Test
  void aModuleThatDidNotAnswerIsAQuietNote() {
    fake.failToday("devices");
    signIn("admin");
    TodayView today = _get(TodayView.class);

    assertThat(today.tiles()).hasSize(3);
    assertThat(today.missingNote())
        .isEqualTo("Not shown right now: Devices did not answer. The other tiles are up to date.");
  }

  @Test
  void onlyTilesThePermissionsAllowAreShown() {
    signIn("guard");

    assertThat(_get(TodayView.class).tiles())
        .extracting(Div::getId)
        .map(o -> o.orElse(""))
        .containsExactlyInAnyOrder("tile-alarms-open", "tile-devices-offline");
  }

  @Test
  void numbersAreFormattedPerUnit() {
    TodayTiles.Tile t =
        new TodayTiles.Tile(
            "x", "m", "p", "t", "t", new BigDecimal("1234.5"), "count", null, "normal", null, null);
    assertThat(TodayView.format(t, Locale.ENGLISH)).isEqualTo("1,234.5");
    assertThat(TodayChart.niceCeiling(87)).isEqualTo(100);
    assertThat(TodayChart.shortLabel("2026-03")).isEqualTo("03");
  }

  private static Div card(String id) {
    return _get(Div.class, s -> s.withId("tile-" + id));
  }

  private static String value(String id) {
    return card(id)
        .getChildren()
        .filter(c -> c instanceof Span && c.getClassNames().contains("tile-value"))
        .map(c -> ((Span) c).getText())
        .findFirst()
        .orElseThrow();
  }

  private static Map<String, Object> tile(
      String id,
      String module,
      String permission,
      String en,
      String zh,
      Number value,
      String unit,
      String tone) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("id", id);
    t.put("module", module);
    t.put("permission", permission);
    t.put("titleEn", en);
    t.put("titleZh", zh);
    t.put("value", value);
    t.put("unit", unit);
    t.put("tone", tone);
    t.put("link", null);
    t.put("series", List.of());
    return t;
  }

  private static Map<String, Object> series(String en, String zh, int base) {
    List<Map<String, Object>> points = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      points.add(Map.of("label", String.format("2026-%02d", m), "value", base * 1000 + m * 10));
    }
    return Map.of("titleEn", en, "titleZh", zh, "points", points);
  }
}
