package org.courtyard.parking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.courtyard.api.rest.PermissionCheck;
import org.junit.jupiter.api.Test;

/** Every operation names one permission the module declares, and every declared one is used. */
class ParkingPermissionsTest {

  @Test
  void everyOperationNamesOnePermissionTheModuleDeclaresAndEachIsNeeded() {
    assertThat(PermissionCheck.problems(new ParkingModule())).isEmpty();
  }
}
