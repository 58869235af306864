package org.courtyard.broker.internal;

import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.hooks.weaving.WeavingHook;

/**
 * Registers {@link MoquetteDupFix} and {@link MoquetteInflightWindow} before anything in this
 * bundle can load Moquette's classes: the bundle activator runs before its Declarative Services
 * components are activated.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class Activator implements BundleActivator {

  @Override
  public void start(BundleContext context) {
    context.registerService(WeavingHook.class, new MoquetteDupFix(context.getBundle()), null);
    context.registerService(
        WeavingHook.class, new MoquetteInflightWindow(context.getBundle()), null);
  }

  @Override
  public void stop(BundleContext context) {
    // the registration ends with the bundle
  }
}
