package org.courtyard.workorders.internal;

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
 * Work orders' tiles on the Today screen, for {@code workorders.order.read} in the scope the caller
 * holds it in: orders open, overdue (alert while there are any) and due by the end of today
 * (warning), each drilling into the order list.
 */
@Component(service = TodayTiles.class)
public final class WorkordersTodayTiles implements TodayTiles {

  static final String READ = "workorders.order.read";

  private final WorkordersInstances instances;

  @Activate
  public WorkordersTodayTiles(@Reference WorkordersInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return WorkordersModule.ID;
  }

  @Override
  public List<TodayTile> tiles(TenantPrincipal caller) {
    Optional<DataScope> scope = caller.scopeFor(READ);
    if (scope.isEmpty()) {
      return List.of();
    }
    OrderStatistics.Today t =
        instances.require(caller.tenant()).statistics().today(Reach.staff(scope.get()));
    String open = "new,dispatched,accepted,in_progress,paused";
    return List.of(
        TodayTile.count(
            "workorders.open",
            READ,
            "Open work orders",
            "未完成工单",
            t.open(),
            "/api/v1/workorders/orders?state=" + open),
        TodayTile.count(
                "workorders.overdue",
                READ,
                "Overdue work orders",
                "超时工单",
                t.overdue(),
                "/api/v1/workorders/orders?overdue=true")
            .withTone(t.overdue() > 0 ? TodayTile.Tone.ALERT : TodayTile.Tone.GOOD),
        TodayTile.count(
                "workorders.due-today",
                READ,
                "Work orders due today",
                "今日到期工单",
                t.dueToday(),
                "/api/v1/workorders/orders?state=" + open)
            .withTone(t.dueToday() > 0 ? TodayTile.Tone.WARNING : TodayTile.Tone.NORMAL));
  }
}
