package org.courtyard.api.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.courtyard.api.PermissionDef;
import org.courtyard.api.TenantSlug;
import org.junit.jupiter.api.Test;

class DataScopeTest {

  @Test
  void aRowIsCoveredByItsEstateOrItsBuilding() {
    DataScope scope = DataScope.of(List.of(1L), List.of(20L));
    assertThat(scope.covers(1L, 10L)).isTrue(); // estate granted whole
    assertThat(scope.covers(2L, 20L)).isTrue(); // building granted alone
    assertThat(scope.covers(2L, 21L)).isFalse();
    assertThat(scope.covers(2L, null)).isFalse(); // estate-level row of an estate not granted whole
    assertThat(scope.covers(null, null)).isFalse(); // a company-level row
    assertThat(DataScope.ALL.covers(null, null)).isTrue();
    assertThat(DataScope.NONE.covers(1L, 10L)).isFalse();
  }

  @Test
  void unionsWidenAndTheCompanyAbsorbsEverything() {
    DataScope a = DataScope.of(List.of(1L), List.of());
    DataScope b = DataScope.of(List.of(2L), List.of(30L));
    assertThat(a.union(b)).isEqualTo(DataScope.of(List.of(1L, 2L), List.of(30L)));
    assertThat(a.union(DataScope.ALL)).isSameAs(DataScope.ALL);
    assertThat(a.union(DataScope.NONE)).isEqualTo(a);
    assertThat(b.estateArray()).containsExactly(2L);
    assertThat(b.buildingArray()).containsExactly(30L);
  }

  @Test
  void aPrincipalIsBoundToTheScopeOfTheOperationsPermission() {
    TenantPrincipal staff =
        new TenantPrincipal(
            TenantSlug.of("acme"),
            TenantPrincipal.Kind.STAFF,
            "7",
            "li.lei",
            p ->
                p.equals("estate.room.read")
                    ? Optional.of(DataScope.of(List.of(1L), List.of()))
                    : Optional.empty());
    assertThat(staff.scope()).isEqualTo(DataScope.NONE);
    assertThat(staff.scopeFor("billing.payment.create")).isEmpty();
    DataScope rooms = staff.scopeFor("estate.room.read").orElseThrow();
    assertThat(staff.bound(rooms).scope()).isEqualTo(rooms);
    assertThat(staff.getName()).isEqualTo("acme/staff:li.lei");
    TenantPrincipal owner = new TenantPrincipal(TenantSlug.of("acme"), "AbCdEf");
    assertThat(owner.scopeFor("anything.at.all")).contains(DataScope.ALL);
    assertThat(owner.getName()).isEqualTo("acme/AbCdEf");
  }

  @Test
  void permissionIdsHaveThreeLowerCaseParts() {
    assertThat(
            PermissionDef.money("billing.payment.create", "Record payments", "登记缴费").movesMoney())
        .isTrue();
    assertThat(PermissionDef.of("security.patrol.check-in", "Check in", "巡更打卡").action())
        .isEqualTo("check-in");
    for (String bad : List.of("billing", "billing.payment", "Billing.payment.create", "a.b.c.d")) {
      assertThatThrownBy(() -> PermissionDef.of(bad, "x", "x"))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
