package org.courtyard.admin.property.residents;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.Locale;
import org.courtyard.admin.property.NotAllowedView;
import org.junit.jupiter.api.Test;

class ResidentsViewTest extends ResidentsTestBase {

  private static ResidentsView open(String user) {
    signIn(user);
    UI.getCurrent().navigate(ResidentsView.class);
    return _get(ResidentsView.class);
  }

  @Test
  void oneBoxFindsByNamePhoneDigitsOrPlateAsTheApiMatchesThem() {
    ResidentsView view = open("admin");
    assertThat(view.listed()).extracting(Person::fullName).contains("陈静", "王伟", "李娜", "赵强");
    assertThat(view.listed())
        .filteredOn(p -> p.id() == chen)
        .singleElement()
        .extracting(Person::phone)
        .isEqualTo("+86 138****5678");

    type("residents-q", "陈");
    assertThat(view.listed()).extracting(Person::fullName).containsExactly("陈静");
    type("residents-q", "1111");
    assertThat(view.listed()).extracting(Person::fullName).containsExactly("王伟");
    type("residents-q", "粤B 123");
    assertThat(view.listed()).extracting(Person::fullName).containsExactly("陈静");
    type("residents-q", "粤A00001");
    assertThat(view.listed()).as("a removed vehicle finds no one").isEmpty();
  }

  @Test
  void aRoomChosenEstateBuildingUnitRoomListsItsCurrentOccupants() {
    ResidentsView view = open("admin");

    chooseRoom("residents-room", "Sunny Garden (SUN)", "Building 1 (B1)", "U1", "101");
    assertThat(view.listed()).extracting(Person::fullName).containsExactly("陈静");
    choose("residents-room-room", "102");
    assertThat(view.listed()).as("陈静 moved out of 102").isEmpty();
    type("residents-q", "赵");
    choose("residents-room-room", "103");
    assertThat(view.listed()).extracting(Person::fullName).containsExactly("赵强");

    type("residents-q", "");
    click("residents-room-clear");
    assertThat(view.listed()).hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void staffScopedToSomeEstatesSeeOnlyTheirResidentsAndNoAddButton() {
    ResidentsView view = open("cashier");
    assertThat(view.listed()).extracting(Person::fullName).contains("陈静", "赵强");
    assertThat(view.listed()).extracting(Person::fullName).doesNotContain("王伟", "李娜");
    assertThat(_find(Button.class, s -> s.withId("person-new"))).isEmpty();
    choose("residents-room-estate", "Sunny Garden (SUN)");
    assertThat(
            _get(
                    com.vaadin.flow.component.select.Select.class,
                    s -> s.withId("residents-room-estate"))
                .getListDataView()
                .getItems()
                .count())
        .as("only the estates in scope are offered")
        .isEqualTo(2);
  }

  @Test
  void aNewPersonIsCheckedByTheApiFieldByFieldAndThenOpened() {
    open("admin");
    click("person-new");
    type("person-name", "周杰");
    type("person-phone", "12345");
    click("person-dialog-save");
    assertThat(text("person-phone").isInvalid()).isTrue();
    assertThat(text("person-phone").getErrorMessage()).startsWith("is not a phone number");
    assertThat(text("person-name").isInvalid()).isFalse();

    type("person-phone", "138 0000 9999");
    click("person-dialog-save");

    PersonView page = _get(PersonView.class);
    assertThat(_get(H2.class, s -> s.withId("person-name")).getText()).isEqualTo("周杰");
    assertThat(page.detailsText()).contains("+8613800009999");
  }

  @Test
  void withoutResidentsPermissionsTheScreensAreNeitherOfferedNorOpened() {
    signIn("guard");
    assertThat(_find(SideNavItem.class))
        .extracting(SideNavItem::getPath)
        .doesNotContain("residents");
    UI.getCurrent().navigate("residents");
    assertThat(currentView()).isInstanceOf(NotAllowedView.class);
    UI.getCurrent().navigate("residents/person/" + chen);
    assertThat(currentView()).isInstanceOf(NotAllowedView.class);
  }

  @Test
  void inChineseTheScreenSpeaksChinese() {
    UI.getCurrent().getSession().setLocale(Locale.CHINESE);
    UI.getCurrent().setLocale(Locale.CHINESE);
    open("admin");
    assertThat(_get(H2.class).getText()).isEqualTo("住户");
    assertThat(text("residents-q").getPlaceholder()).isEqualTo("姓名、手机号或车牌");
    assertThat(_get(Button.class, s -> s.withId("person-new")).getText()).isEqualTo("新增住户");
  }
}
