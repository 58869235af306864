package org.courtyard.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered as a service by every business module. The platform finds modules through these
 * services: a module's Flyway migrations are read from its bundle under {@code db/<id>/}, and its
 * per-tenant instances are DS components whose factory PID is {@link #factoryPid()}.
 */
@ConsumerType
public interface ModuleDescriptor {

  /**
   * Short identifier, also the Karaf feature suffix: module {@code estate} ships feature {@code
   * courtyard-module-estate}.
   */
  String id();

  /** Human-readable name, English. */
  String title();

  /** One line for the module list. */
  String description();

  /** Ids of the modules a tenant must have enabled before this one. */
  List<String> requires();

  /** The ConfigAdmin factory PID of the module's per-tenant component. */
  default String factoryPid() {
    return CourtyardConstants.MODULE_FACTORY_PID_PREFIX + id();
  }

  /**
   * Whether the module registers a {@code ModuleResource}; the platform then waits for its API to
   * be published before it reports the module enabled.
   */
  default boolean publishesApi() {
    return true;
  }

  /**
   * The permissions the module's resource methods name in {@code @Permission}, one per operation
   * kind; the platform collects them for roles and the OpenAPI document.
   */
  default List<PermissionDef> permissions() {
    return List.of();
  }

  /** Classpath folder of the module's Flyway migrations inside its bundle. */
  default String migrationLocation() {
    return "db/" + id();
  }
}
