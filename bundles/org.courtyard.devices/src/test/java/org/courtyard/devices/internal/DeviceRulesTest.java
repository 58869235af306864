package org.courtyard.devices.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.courtyard.api.ProblemException;
import org.courtyard.devices.internal.dto.DeviceInput;
import org.junit.jupiter.api.Test;

class DeviceRulesTest {

  @Test
  void aDeviceInARoomIsPlacedByTheRoomsId() {
    Long room =
        DeviceRules.checkRegistration(
            new DeviceInput(
                "wm-101",
                "water-meter",
                null,
                "Water meter 101",
                new DeviceInput.Location("room", "42"),
                Map.of()));
    assertThat(room).isEqualTo(42L);
    assertThat(
            DeviceRules.checkRegistration(
                new DeviceInput(
                    "gate-1",
                    "door-controller",
                    null,
                    "North gate",
                    new DeviceInput.Location("gate", "North #1"),
                    null)))
        .isNull();
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
                        new DeviceInput.Location("room", "not-a-number"),
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
                        new DeviceInput.Location("roof", "x"),
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
