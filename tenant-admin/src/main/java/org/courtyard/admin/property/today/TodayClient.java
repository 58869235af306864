package org.courtyard.admin.property.today;

import org.courtyard.admin.api.TenantApi;

/** The Today screen's endpoint: {@code GET /today}. */
public final class TodayClient {

  private final TenantApi api;

  public TodayClient(TenantApi api) {
    this.api = api;
  }

  public TodayTiles tiles() {
    return api.get("today", TodayTiles.class);
  }
}
