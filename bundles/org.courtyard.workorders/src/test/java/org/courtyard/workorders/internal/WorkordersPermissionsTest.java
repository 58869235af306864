package org.courtyard.workorders.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.courtyard.api.rest.PermissionCheck;
import org.junit.jupiter.api.Test;

/**
 * The platform refuses a staff member an operation unless a role grants the permission the method
 * names, and the role editor offers only what the descriptor declares: an operation without one, or
 * naming one that is not declared, could be granted to no one but the owner.
 */
class WorkordersPermissionsTest {

  @Test
  void everyOperationNamesOnePermissionTheModuleDeclaresAndEachIsNeeded() {
    assertThat(PermissionCheck.problems(new WorkordersModule())).isEmpty();
  }
}
