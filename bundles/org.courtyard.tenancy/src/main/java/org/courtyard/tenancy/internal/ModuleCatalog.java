package org.courtyard.tenancy.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.karaf.features.Dependency;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.ModuleDescriptor;
import org.courtyard.api.ModuleInfo;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Texts;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The modules this container offers: every module feature, and the descriptors the installed
 * modules register (whiteboard). A module's feature is installed the first time a tenant needs it.
 */
final class ModuleCatalog {

  private static final Logger LOG = LoggerFactory.getLogger(ModuleCatalog.class);

  private static final Texts TEXTS = Texts.of(ModuleCatalog.class);

  /** An installed module: its descriptor and the bundle that registered it. */
  static final class Registered {
    final ModuleDescriptor descriptor;
    final Bundle bundle;

    Registered(ModuleDescriptor descriptor, Bundle bundle) {
      this.descriptor = descriptor;
      this.bundle = bundle;
    }
  }

  private final FeaturesService features;
  private final long startTimeoutMs;
  private final Map<String, Registered> descriptors = new ConcurrentHashMap<>();
  private final Object featureLock = new Object();

  /**
   * @param startTimeoutMs how long to wait for a freshly installed module's descriptor
   */
  ModuleCatalog(FeaturesService features, long startTimeoutMs) {
    this.features = features;
    this.startTimeoutMs = startTimeoutMs;
  }

  void added(ModuleDescriptor d, ServiceReference<ModuleDescriptor> ref) {
    descriptors.put(d.id(), new Registered(d, ref.getBundle()));
    synchronized (descriptors) {
      descriptors.notifyAll();
    }
  }

  void removed(ModuleDescriptor d) {
    descriptors.computeIfPresent(d.id(), (k, r) -> r.descriptor == d ? null : r);
  }

  /** The module if it is installed and started; null otherwise. Installs nothing. */
  Registered installed(String module) {
    return descriptors.get(module);
  }

  /** The ids of the modules installed now. */
  List<String> installedIds() {
    return new ArrayList<>(descriptors.keySet());
  }

  List<ModuleInfo> available() {
    Map<String, ModuleInfo> result = new LinkedHashMap<>();
    try {
      for (Feature f : features.listFeatures()) {
        if (f.getName().startsWith(CourtyardConstants.MODULE_FEATURE_PREFIX)) {
          String id = f.getName().substring(CourtyardConstants.MODULE_FEATURE_PREFIX.length());
          Registered r = descriptors.get(id);
          result.put(
              id,
              r == null
                  ? new ModuleInfo(
                      id,
                      f.getDescription() == null ? id : f.getDescription(),
                      "",
                      f.getVersion(),
                      featureRequires(f),
                      false)
                  : info(r, f.getVersion()));
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("listing features failed", e);
    }
    descriptors.forEach(
        (id, r) -> result.putIfAbsent(id, info(r, r.bundle.getVersion().toString())));
    List<ModuleInfo> list = new ArrayList<>(result.values());
    list.sort((a, b) -> a.id.compareTo(b.id));
    return list;
  }

  /**
   * What a module not yet installed requires, as far as its feature says: the other module features
   * it pulls in. Once installed, its descriptor's {@code requires()} is the answer.
   */
  private static List<String> featureRequires(Feature f) {
    List<String> requires = new ArrayList<>();
    for (Dependency d : f.getDependencies()) {
      if (d.getName().startsWith(CourtyardConstants.MODULE_FEATURE_PREFIX)) {
        requires.add(d.getName().substring(CourtyardConstants.MODULE_FEATURE_PREFIX.length()));
      }
    }
    return requires;
  }

  private static ModuleInfo info(Registered r, String version) {
    ModuleDescriptor d = r.descriptor;
    return new ModuleInfo(d.id(), d.title(), d.description(), version, d.requires(), true);
  }

  /**
   * The descriptor of {@code module}, installing the module's feature first if needed and waiting
   * for the module to register it.
   *
   * @throws ProblemException 404 for an unknown module, 503 when it was installed but did not start
   */
  Registered require(String module) {
    Registered r = descriptors.get(module);
    if (r != null) {
      return r;
    }
    if (module == null || !module.matches("^[a-z][a-z0-9_-]{1,63}$")) {
      throw unknownModule(module);
    }
    install(module);
    long deadline = System.currentTimeMillis() + startTimeoutMs;
    synchronized (descriptors) {
      while ((r = descriptors.get(module)) == null) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          throw TEXTS.problem(503, "module-unavailable", "module.not-started", module);
        }
        try {
          descriptors.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
    return r;
  }

  private void install(String module) {
    String featureName = CourtyardConstants.MODULE_FEATURE_PREFIX + module;
    synchronized (featureLock) {
      try {
        Feature f = features.getFeature(featureName);
        if (f == null) {
          throw unknownModule(module);
        }
        if (!features.isInstalled(f)) {
          long start = System.nanoTime();
          // Shared infrastructure is in the platform feature, so this adds bundles and refreshes
          // none.
          features.installFeature(
              featureName, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
          LOG.info(
              "Installed feature {} in {} ms",
              featureName,
              (System.nanoTime() - start) / 1_000_000);
        }
      } catch (ProblemException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("installing " + featureName + " failed", e);
      }
    }
  }

  private static ProblemException unknownModule(String module) {
    return TEXTS.problem(404, "module-not-found", "module.unknown", module);
  }
}
