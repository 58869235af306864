package org.courtyard.tenancy.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.ModuleDescriptor;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TenantInstances;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Texts;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A module's instance for one tenant: a ConfigAdmin factory configuration that DS turns into a
 * component, started and stopped here and waited for until it serves or is gone.
 */
final class ModuleInstances {

  private static final Texts TEXTS = Texts.of(ModuleInstances.class);

  private final BundleContext context;
  private final ConfigurationAdmin configAdmin;
  private final long timeoutMs;

  ModuleInstances(BundleContext context, ConfigurationAdmin configAdmin, long timeoutMs) {
    this.context = context;
    this.configAdmin = configAdmin;
    this.timeoutMs = timeoutMs;
  }

  /**
   * Creates the tenant's instance configuration unless it exists, and returns once the instance
   * (and the module's published API, if it has one) serves.
   *
   * @throws ProblemException 503 when it does not start in time
   */
  void start(TenantSlug s, ModuleDescriptor d) {
    try {
      Configuration config = configAdmin.getFactoryConfiguration(d.factoryPid(), s.value(), "?");
      Dictionary<String, Object> props = new Hashtable<>();
      props.put(CourtyardConstants.TENANT, s.value());
      config.updateIfDifferent(props);
      if (!ServiceWaiter.awaitPresent(context, TenantInstances.filter(s, d.id()), timeoutMs)) {
        config.delete();
        throw TEXTS.problem(
            503, "module-start-timeout", "module.start-timeout", d.id(), s, timeoutMs / 1000);
      }
      awaitActivation(TenantInstances.filter(s, d.id()));
      if (d.publishesApi()
          && !ServiceWaiter.awaitPresent(
              context,
              "(&(objectClass=org.courtyard.api.rest.PublishedApi)("
                  + CourtyardConstants.MODULE
                  + "="
                  + d.id()
                  + "))",
              timeoutMs)) {
        throw TEXTS.problem(
            503, "module-start-timeout", "module.api-timeout", d.id(), timeoutMs / 1000);
      }
    } catch (IOException e) {
      throw new IllegalStateException("configuring " + d.id() + " for " + s + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * DS may register a component's service before its activation has finished; getting the service
   * waits for it, so "enabled" is only reported once the instance can serve.
   */
  private void awaitActivation(String filter) {
    try {
      ServiceReference<?>[] refs = context.getServiceReferences((String) null, filter);
      if (refs != null) {
        for (ServiceReference<?> ref : refs) {
          if (context.getService(ref) != null) {
            context.ungetService(ref);
          }
        }
      }
    } catch (InvalidSyntaxException e) {
      throw new IllegalArgumentException(filter, e);
    }
  }

  /** Deletes the tenant's instance configurations of the module and waits until DS stopped them. */
  void stop(TenantSlug s, String module) {
    try {
      Configuration[] configs =
          configAdmin.listConfigurations(
              "(&(service.factoryPid="
                  + CourtyardConstants.MODULE_FACTORY_PID_PREFIX
                  + module
                  + ")("
                  + CourtyardConstants.TENANT
                  + "="
                  + s.value()
                  + "))");
      if (configs != null) {
        for (Configuration c : configs) {
          c.delete();
        }
      }
      ServiceWaiter.awaitAbsent(context, TenantInstances.filter(s, module), timeoutMs);
    } catch (IOException | InvalidSyntaxException e) {
      throw new IllegalStateException("stopping " + module + " for " + s + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
