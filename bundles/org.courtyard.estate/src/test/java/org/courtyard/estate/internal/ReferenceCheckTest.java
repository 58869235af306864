package org.courtyard.estate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.courtyard.api.Languages;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TenantSlug;
import org.courtyard.estate.Places;
import org.courtyard.estate.Referrer;
import org.courtyard.estate.RoomReferences;
import org.junit.jupiter.api.Test;

class ReferenceCheckTest {

  private static final TenantSlug ACME = TenantSlug.of("acme");

  @Test
  void aRoomNothingRefersToMayGo() {
    RoomReferences none = (tenant, places) -> List.of();
    RoomReferences zero = (tenant, places) -> List.of(Referrer.of("billing", 0, "bill", "bills"));
    new ReferenceCheck(ACME, () -> List.of(none, zero))
        .refuseIfReferenced(EstateService.ROOM, 12, Places.room(12));
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyModulesReferencesAreNamed() {
    RoomReferences billing =
        (tenant, places) ->
            List.of(
                Referrer.of("billing", 3, "bill", "bills"),
                Referrer.of("billing", 1, "payment", "payments"));
    RoomReferences residents =
        (tenant, places) ->
            places.roomIds.contains(12L)
                ? List.of(Referrer.of("residents", 1, "occupancy", "occupancies"))
                : List.of();
    assertThatThrownBy(
            () ->
                new ReferenceCheck(ACME, () -> List.of(billing, residents))
                    .refuseIfReferenced(EstateService.ROOM, 12, Places.room(12)))
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> {
              assertThat(p.status()).isEqualTo(409);
              assertThat(p.type()).isEqualTo("referenced");
              assertThat(p.detail()).startsWith("Room 12 has 3 bills, 1 payment and 1 occupancy;");
              assertThat(p.detail(Languages.CHINESE))
                  .startsWith("房间 12 仍被以下记录引用：3 bills, 1 payment and 1 occupancy；");
              assertThat((List<Object>) p.extensions().get("references"))
                  .containsExactly(
                      Map.<String, Object>of("module", "billing", "kind", "bills", "count", 3L),
                      Map.<String, Object>of("module", "billing", "kind", "payments", "count", 1L),
                      Map.<String, Object>of(
                          "module", "residents", "kind", "occupancies", "count", 1L));
            });
  }

  @Test
  void oneKindReadsAsOne() {
    assertThat(ReferenceCheck.list(List.of(Referrer.of("devices", 1, "device", "devices"))))
        .isEqualTo("1 device");
    assertThat(
            ReferenceCheck.list(
                List.of(
                    Referrer.of("billing", 2, "bill", "bills"),
                    Referrer.of("devices", 2, "device", "devices"))))
        .isEqualTo("2 bills and 2 devices");
  }
}
