package org.courtyard.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * A module's per-tenant instances, as a module's resource or exported service finds them: bound
 * through a DS reference, and looked up in the service registry when a request arrives between an
 * instance's registration and its bind (DS binds asynchronously to the platform reporting the
 * module enabled). Feed it from a {@code MULTIPLE}/{@code DYNAMIC} reference and the component's
 * activate.
 */
public final class TenantInstances<T extends TenantModule> {

  private static final Texts TEXTS = Texts.api();

  private final Class<T> type;
  private final String moduleId;
  private final Map<TenantSlug, T> bound = new ConcurrentHashMap<>();
  private volatile BundleContext context;

  public TenantInstances(Class<T> type, String moduleId) {
    this.type = type;
    this.moduleId = moduleId;
  }

  public void activate(BundleContext context) {
    this.context = context;
  }

  public void bind(T instance) {
    bound.put(instance.tenant(), instance);
  }

  /** Only if still the bound one: a replacement may have been bound before the old one left. */
  public void unbind(T instance) {
    bound.remove(instance.tenant(), instance);
  }

  /** The tenant's instance, or null when the tenant has not enabled the module. */
  public T find(TenantSlug tenant) {
    T instance = bound.get(tenant);
    return instance != null ? instance : lookUp(tenant);
  }

  /**
   * @throws ProblemException 404 {@code module-not-enabled} when the tenant has no running instance
   */
  public T require(TenantSlug tenant) {
    T instance = find(tenant);
    if (instance == null) {
      throw TEXTS.problem(
          404, "module-not-enabled", "tenant-instances.not-enabled", moduleId, tenant);
    }
    return instance;
  }

  /**
   * The LDAP filter of the tenant's running instance of the module: the one place that says how a
   * (tenant, module) instance is found among the services. The slug and the module id are validated
   * identifiers, safe inside a filter.
   */
  public static String filter(TenantSlug tenant, String moduleId) {
    return "(&(objectClass="
        + TenantModule.class.getName()
        + ")("
        + CourtyardConstants.TENANT
        + "="
        + tenant.value()
        + ")("
        + CourtyardConstants.MODULE
        + "="
        + moduleId
        + "))";
  }

  private T lookUp(TenantSlug tenant) {
    BundleContext ctx = context;
    if (ctx == null) {
      return null;
    }
    try {
      for (ServiceReference<?> ref : references(ctx, tenant, moduleId)) {
        Object found = ctx.getService(ref);
        if (found != null) {
          ctx.ungetService(ref);
          if (type.isInstance(found)) {
            return type.cast(found);
          }
        }
      }
    } catch (InvalidSyntaxException e) {
      throw new IllegalStateException(e);
    }
    return null;
  }

  /** Whether the tenant has a running instance of the module, asked of the service registry. */
  public static boolean isRunning(BundleContext context, TenantSlug tenant, String moduleId) {
    try {
      return references(context, tenant, moduleId).length > 0;
    } catch (InvalidSyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ServiceReference<?>[] references(
      BundleContext context, TenantSlug tenant, String moduleId) throws InvalidSyntaxException {
    ServiceReference<?>[] refs =
        context.getServiceReferences((String) null, filter(tenant, moduleId));
    return refs == null ? new ServiceReference<?>[0] : refs;
  }
}
