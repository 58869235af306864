package org.courtyard.api;

/** Names shared between the platform and modules. */
public final class CourtyardConstants {

  /** Factory PID prefix of per-tenant module components: {@code org.courtyard.module.<id>}. */
  public static final String MODULE_FACTORY_PID_PREFIX = "org.courtyard.module.";

  /** Prefix of the Karaf feature of a module: {@code courtyard-module-<id>}. */
  public static final String MODULE_FEATURE_PREFIX = "courtyard-module-";

  /** Service and configuration property naming the tenant an instance serves. */
  public static final String TENANT = "tenant";

  /** Service property naming the module a per-tenant instance or REST resource belongs to. */
  public static final String MODULE = "courtyard.module";

  private CourtyardConstants() {}
}
