package org.courtyard.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.courtyard.security.internal.RuleProblems.thrown;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.courtyard.api.Languages;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Text;
import org.junit.jupiter.api.Test;

class DeviceScopeTest {

  private final List<Collection<String>> asked = new ArrayList<>();
  private final DeviceScope estate1 =
      DeviceScope.of(
          List.of("gate-1", "door-2"),
          ids -> {
            asked.add(ids);
            throw ProblemException.notFound(
                "device-not-found", "Device not found", "This tenant has no device x.");
          });

  @Test
  void theWholeCompanyReachesEveryDeviceAndRowsTiedToNone() {
    assertThat(DeviceScope.ALL.isAll()).isTrue();
    assertThat(DeviceScope.ALL.reaches(List.of("anything"))).isTrue();
    assertThat(DeviceScope.ALL.reaches(List.of())).isTrue();
    assertThat(DeviceScope.ALL.reachesNone()).isFalse();
    DeviceScope.ALL.require(List.of("unknown"));
  }

  @Test
  void aNarrowScopeReachesARowOnlyWhenItReachesAllOfItsDevices() {
    assertThat(estate1.reaches(List.of("gate-1"))).isTrue();
    assertThat(estate1.reaches(List.of("gate-1", "door-2"))).isTrue();
    // a credential that also opens a door elsewhere, a route also walking elsewhere
    assertThat(estate1.reaches(List.of("gate-1", "gate-9"))).isFalse();
    // a route of app tags only is tied to no place
    assertThat(estate1.reaches(List.of())).isFalse();
    assertThat(List.of(estate1.idArray())).containsExactlyInAnyOrder("gate-1", "door-2");
    assertThat(DeviceScope.of(List.of(), ids -> {}).reachesNone()).isTrue();
  }

  @Test
  void aWriteNamingADeviceOutsideIsAnsweredByTheDevicesModulesNotFound() {
    estate1.require(List.of("door-2"));
    assertThat(asked).isEmpty();
    ProblemException e = thrown(() -> estate1.require(List.of("door-2", "gate-9")));
    assertThat(e.status()).isEqualTo(404);
    assertThat(e.type()).isEqualTo("device-not-found");
    assertThat(asked).containsExactly(List.of("door-2", "gate-9"));
  }

  @Test
  void aWriteTiedToNothingNeedsTheWholeCompany() {
    ProblemException e = DeviceScope.outside(Text.plain("A route of app tags only"));
    assertThat(e.status()).isEqualTo(403);
    assertThat(e.type()).isEqualTo("outside-scope");
    assertThat(e.title()).isEqualTo("Outside your scope");
    assertThat(e.detail())
        .isEqualTo(
            "A route of app tags only is tied to no estate or building: that needs the"
                + " permission granted for the whole company.");
    assertThat(e.detail(Languages.CHINESE))
        .isEqualTo("A route of app tags only不属于任何小区或楼栋：此操作需要针对整个公司授予的权限。");
  }
}
