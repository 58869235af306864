package org.courtyard.security.internal;

import java.util.List;
import java.util.Optional;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.api.rest.TodayTile;
import org.courtyard.api.rest.TodayTiles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Security's tiles on the Today screen, for {@code security.alarm.read} in the scope the caller
 * holds it in (the alarms of the devices placed there, as the alarm list shows them): open alarms
 * nobody has taken charge of yet (alert while there are any), and those acknowledged but not yet
 * resolved. Each drills into the alarm list of that state.
 */
@Component(service = TodayTiles.class)
public final class SecurityTodayTiles implements TodayTiles {

  static final String ALARMS = "security.alarm.read";

  private final SecurityInstances instances;

  @Activate
  public SecurityTodayTiles(@Reference SecurityInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return SecurityModule.ID;
  }

  @Override
  public List<TodayTile> tiles(TenantPrincipal caller) {
    Optional<DataScope> scope = caller.scopeFor(ALARMS);
    if (scope.isEmpty()) {
      return List.of();
    }
    SecurityTenant tenant = instances.require(caller.tenant());
    Alarms.Open open = tenant.alarms().open(instances.scope(caller.tenant(), scope.get()));
    return List.of(
        TodayTile.count(
                "security.open-alarms",
                ALARMS,
                "Open alarms",
                "未处理告警",
                open.raised(),
                "/api/v1/security/alarms?status=raised")
            .withTone(open.raised() > 0 ? TodayTile.Tone.ALERT : TodayTile.Tone.GOOD),
        TodayTile.count(
                "security.alarms-in-hand",
                ALARMS,
                "Alarms being handled",
                "处理中告警",
                open.acknowledged(),
                "/api/v1/security/alarms?status=acknowledged")
            .withTone(open.acknowledged() > 0 ? TodayTile.Tone.WARNING : TodayTile.Tone.NORMAL));
  }
}
