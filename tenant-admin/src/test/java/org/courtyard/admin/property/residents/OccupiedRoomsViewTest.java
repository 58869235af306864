package org.courtyard.admin.property.residents;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.RouterLink;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.courtyard.admin.property.today.TodayView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OccupiedRoomsViewTest extends ResidentsTestBase {

  private static OccupiedRoomsView open(String user) {
    signIn(user);
    UI.getCurrent().navigate(OccupiedRoomsView.class);
    return _get(OccupiedRoomsView.class);
  }

  @AfterEach
  void clearTiles() {
    fake.clearToday();
  }

  @Test
  void theRoomsSomeoneLivesInNowAreListedWithTheirLabelsAndHowManyAreInThem() {
    OccupiedRoomsView view = open("admin");

    // 陈静 owns 101 (and moved out of 102 long ago), 赵强 owns 103, 王伟 rents Star Park's 901
    assertThat(view.listed())
        .extracting(OccupiedRoom::roomId)
        .containsExactly(room101, room103, starRoom);
    assertThat(view.listed())
        .extracting(OccupiedRoom::room)
        .containsExactly("SUN/B1/U1/101", "SUN/B1/U1/103", "STAR/S1/A/901");
    assertThat(view.listed()).extracting(OccupiedRoom::occupants).containsOnly(1L);
  }

  @Test
  void anEstateAndABuildingNarrowTheListAsTheApiFiltersIt() {
    OccupiedRoomsView view = open("admin");

    choose("occupied-estate", "Star Park (STAR)");
    assertThat(view.listed()).extracting(OccupiedRoom::roomId).containsExactly(starRoom);
    choose("occupied-estate", "Sunny Garden (SUN)");
    choose("occupied-building", "Building 1 (B1)");
    assertThat(view.listed()).extracting(OccupiedRoom::roomId).containsExactly(room101, room103);
    choose("occupied-estate", "Moon Court (MOON)");
    assertThat(view.listed()).isEmpty();
  }

  @Test
  void aRoomOpensToItsOccupantsWhoseNamesOpenTheirPage() {
    OccupiedRoomsView view = open("admin");
    OccupiedRoom room = view.listed().get(0);

    Component occupants = view.occupantsOf(room);
    List<RouterLink> links =
        occupants
            .getChildren()
            .filter(c -> c instanceof RouterLink)
            .map(c -> (RouterLink) c)
            .toList();
    assertThat(links).extracting(RouterLink::getText).containsExactly("陈静");
    assertThat(links.get(0).getHref()).isEqualTo("residents/person/" + chen);
    assertThat(occupants.getElement().getTextRecursively())
        .contains("陈静", "+86 138****5678")
        .doesNotContain("13812345678");
  }

  @Test
  void staffScopedToSomeEstatesSeeOnlyTheirRooms() {
    OccupiedRoomsView view = open("cashier");

    assertThat(view.listed()).extracting(OccupiedRoom::roomId).containsExactly(room101, room103);
    assertThat(_get(Select.class, s -> s.withId("occupied-estate")).getListDataView().getItems())
        .extracting(e -> ((org.courtyard.admin.property.estate.Estate) e).code())
        .doesNotContain("STAR");
  }

  @Test
  void theTodayTileOfOccupiedRoomsLeadsHere() {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("id", "residents.occupied-rooms");
    t.put("module", "residents");
    t.put("permission", "residents.occupancy.read");
    t.put("titleEn", "Rooms lived in or owned");
    t.put("titleZh", "有住户的房间");
    t.put("value", 3);
    t.put("unit", "count");
    t.put("tone", "normal");
    t.put("link", "/api/v1/residents/occupied-rooms");
    t.put("series", List.of());
    fake.todayTile(t);
    signIn("admin");
    UI.getCurrent().navigate(TodayView.class);

    Anchor a =
        _find(Anchor.class).stream()
            .filter(x -> "residents/occupied-rooms".equals(x.getHref()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the tile does not lead to the rooms lived in"));
    assertThat(a.getElement().getAttribute("aria-label")).startsWith("Rooms lived in or owned: 3");
    UI.getCurrent().navigate(a.getHref());
    assertThat(_get(OccupiedRoomsView.class).listed()).hasSize(3);
  }

  @Test
  void inChineseTheScreenIsChinese() {
    UI.getCurrent().getSession().setLocale(Locale.CHINESE);
    UI.getCurrent().setLocale(Locale.CHINESE);
    open("admin");

    assertThat(_get(H2.class, s -> s.withText("有住户的房间"))).isNotNull();
    @SuppressWarnings("unchecked")
    Grid<OccupiedRoom> grid = _get(Grid.class, s -> s.withId("occupied-grid"));
    assertThat(grid.getColumnByKey("occupants").getHeaderText()).isEqualTo("住户人数");
    assertThat(_get(Select.class, s -> s.withId("occupied-estate")).getLabel()).isEqualTo("小区");
  }
}
