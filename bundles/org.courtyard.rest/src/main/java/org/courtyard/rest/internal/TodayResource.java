package org.courtyard.rest.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.courtyard.api.Tenant;
import org.courtyard.api.TenantService;
import org.courtyard.api.Workers;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantExtension;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.api.rest.TodayTiles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code GET /api/v1/today}: the numbers a property company's staff open the day with, gathered
 * from the {@link TodayTiles} of the modules the tenant has enabled (a whiteboard: the platform
 * knows no module). Any signed-in caller may ask; each module shows only the tiles whose permission
 * the caller holds, in the scope held.
 */
@Component(service = TenantExtension.class, configurationPid = TodayResource.PID)
@Designate(ocd = TodayResource.Config.class)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public final class TodayResource implements TenantExtension {

  static final String PID = "org.courtyard.rest.today";

  @ObjectClassDefinition(id = PID, name = "Courtyard Today screen")
  @interface Config {
    @AttributeDefinition(
        name = "Time limit (ms)",
        description =
            "How long the Today screen waits for the modules' tiles; a module that takes longer"
                + " is named missing")
    long timeoutMillis() default 3000;
  }

  private final TenantService tenants;
  private final TodayBoard board;

  @Activate
  public TodayResource(
      @Reference TenantService tenants, @Reference Workers workers, Config config) {
    this.tenants = tenants;
    this.board = new TodayBoard(workers, Duration.ofMillis(Math.max(1, config.timeoutMillis())));
  }

  @Deactivate
  void deactivate() {
    board.close();
  }

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "removeTiles")
  void addTiles(TodayTiles tiles) {
    board.add(tiles);
  }

  void removeTiles(TodayTiles tiles) {
    board.remove(tiles);
  }

  @Override
  public String path() {
    return "today";
  }

  @Doc(
      summary = "Get the Today screen",
      description =
          "The numbers of the tenant's enabled modules that the caller may see (open alarms,"
              + " devices offline or faulty, bills and collections of this month, arrears), each"
              + " in the caller's data scope for its permission, with 12-month charts where a"
              + " module has them. A module that fails or is slow is listed in missing and the"
              + " others are answered.")
  @Permission(Permission.SELF)
  @GET
  public TodayView today(@Context SecurityContext security) {
    TenantPrincipal caller = TenantPrincipal.principalOf(security);
    List<String> enabled =
        tenants.find(caller.tenant().value()).map((Tenant t) -> t.modules).orElse(List.of());
    TodayBoard.Result result = board.tiles(caller, enabled);
    return new TodayView(
        caller.tenant().value(),
        Instant.now(),
        result.tiles().stream().map(TodayView.Tile::of).toList(),
        result.missing());
  }
}
