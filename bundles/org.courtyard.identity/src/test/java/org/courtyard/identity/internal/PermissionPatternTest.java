package org.courtyard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.courtyard.api.rest.DataScope;
import org.junit.jupiter.api.Test;

class PermissionPatternTest {

  @Test
  void idsAndPatternsMatchWhatTheySay() {
    assertThat(PermissionPattern.of("billing.payment.create").matches("billing.payment.create"))
        .isTrue();
    assertThat(PermissionPattern.of("billing.payment.create").matches("billing.refund.create"))
        .isFalse();
    assertThat(PermissionPattern.of("billing.*").matches("billing.refund.create")).isTrue();
    assertThat(PermissionPattern.of("billing.*").matches("billingx.refund.create")).isFalse();
    assertThat(PermissionPattern.of("*.read").matches("estate.room.read")).isTrue();
    assertThat(PermissionPattern.of("*.read").matches("estate.room.readme")).isFalse();
    assertThat(PermissionPattern.of("estate.*.read").matches("estate.room.read")).isTrue();
    assertThat(PermissionPattern.of("estate.*.read").matches("billing.room.read")).isFalse();
    assertThat(PermissionPattern.of("*").matches("security.door.open")).isTrue();
  }

  @Test
  void malformedEntriesAreRefused() {
    for (String bad :
        List.of("", "billing", "billing.payment", "Billing.*", "a.b.c.d", "a..b", "a.b.(c)")) {
      assertThat(PermissionPattern.isWellFormed(bad)).as(bad).isFalse();
    }
    assertThatThrownBy(() -> PermissionPattern.of("billing"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aUserHoldsAPermissionWhereverAGrantOfItsRoleHasIt() {
    Callers.UserState user =
        new Callers.UserState(
            "li.lei",
            true,
            0,
            List.of(
                new Callers.GrantRule(
                    List.of(PermissionPattern.of("estate.*.read")),
                    DataScope.of(List.of(1L), List.of())),
                new Callers.GrantRule(
                    List.of(
                        PermissionPattern.of("*.read"),
                        PermissionPattern.of("billing.payment.create")),
                    DataScope.of(List.of(), List.of(7L)))));
    assertThat(user.scopeFor("estate.room.read")).contains(DataScope.of(List.of(1L), List.of(7L)));
    assertThat(user.scopeFor("billing.payment.create"))
        .contains(DataScope.of(List.of(), List.of(7L)));
    assertThat(user.scopeFor("billing.refund.create")).isEqualTo(Optional.empty());
  }
}
