package org.courtyard.devices.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.courtyard.api.Languages;
import org.courtyard.api.ProblemException;
import org.courtyard.devices.internal.dto.DeviceInput;
import org.junit.jupiter.api.Test;

class DeviceRulesTest {

  private static DeviceInput at(DeviceInput.Location where) {
    return new DeviceInput("d-1", "door-controller", null, "Device", where, null);
  }

  @Test
  void aLocationNamesTheRoomBuildingOrEstateToFindInEstate() {
    assertThat(
            DeviceRules.checkRegistration(
                new DeviceInput(
                    "wm-101",
                    "water-meter",
                    null,
                    "Water meter 101",
                    new DeviceInput.Location("room", "42", null, null),
                    Map.of())))
        .isEqualTo(new DeviceRules.Names(42L, null, null));
    assertThat(
            DeviceRules.checkRegistration(
                at(new DeviceInput.Location("building", "7", null, null))))
        .isEqualTo(new DeviceRules.Names(null, 7L, null));
    assertThat(
            DeviceRules.checkRegistration(
                at(new DeviceInput.Location("gate", "North #1", 3L, null))))
        .isEqualTo(new DeviceRules.Names(null, null, 3L));
    assertThat(
            DeviceRules.checkRegistration(at(new DeviceInput.Location("area", "Lobby", null, 7L))))
        .isEqualTo(new DeviceRules.Names(null, 7L, null));
    // a gate placed nowhere names nothing: the device is tied to no estate
    assertThat(
            DeviceRules.checkRegistration(
                at(new DeviceInput.Location("gate", "North #1", null, null))))
        .isEqualTo(new DeviceRules.Names(null, null, null));
  }

  @Test
  void aBuildingIsNamedByItsIdAndPlacesByPositiveIds() {
    assertThatThrownBy(
            () ->
                DeviceRules.checkRegistration(
                    at(new DeviceInput.Location("building", "Tower A", 0L, -1L))))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.detail())
                    .contains(
                        "location.ref the building's id",
                        "location.estateId an estate's id",
                        "location.buildingId a building's id"));
  }

  @Test
  void aStatedPlaceMustBeWhereTheRoomIs() {
    DeviceInput.Location room = new DeviceInput.Location("room", "42", 1L, 2L);
    DeviceRules.checkStatedPlace(room, 1L, 2L);
    DeviceRules.checkStatedPlace(new DeviceInput.Location("room", "42", null, null), 1L, 2L);
    assertThatThrownBy(() -> DeviceRules.checkStatedPlace(room, 1L, 3L))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.detail())
                  .contains("location.buildingId the building of the location: 3");
              assertThat(e.detail(Languages.CHINESE))
                  .isEqualTo("location.buildingId：应为该位置所在的楼栋 3。");
            });
  }

  @Test
  void everyWrongFieldIsNamedInOneAnswer() {
    assertThatThrownBy(
            () ->
                DeviceRules.checkRegistration(
                    new DeviceInput(
                        "Bad Id",
                        "Water Meter",
                        null,
                        " ",
                        new DeviceInput.Location("room", "not-a-number", null, null),
                        null)))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.detail())
                  .contains(
                      "id 1-64", "type a device type", "name 1-100", "location.ref the room's id");
            });
    assertThatThrownBy(
            () ->
                DeviceRules.checkRegistration(
                    new DeviceInput(
                        "m1",
                        "water-meter",
                        null,
                        "M",
                        new DeviceInput.Location("roof", "x", null, null),
                        null)))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.detail()).contains("location.kind one of"));
  }

  @Test
  void commandNamesAreLowerCaseWordsAndIdsAreChecked() {
    DeviceRules.checkCommandName("set-interval");
    assertThatThrownBy(() -> DeviceRules.checkCommandName("Open Door"))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
    assertThatThrownBy(() -> DeviceRules.checkCommandName(null))
        .isInstanceOf(ProblemException.class);
    assertThat(DeviceRules.validId("wm-101")).isTrue();
    assertThat(DeviceRules.validId("-wm")).isFalse();
    assertThat(DeviceRules.validId(null)).isFalse();
  }
}
