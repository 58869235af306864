package org.courtyard.module.template.internal;

import javax.ws.rs.core.SecurityContext;
import org.courtyard.api.TenantInstances;
import org.courtyard.api.rest.TenantPrincipal;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * What the module's REST resources share: the caller's {@link TemplateTenant}, found by the tenant
 * of the verified credential and nothing else, so no path, query or header reaches another tenant.
 * Every resource of the module (one per aggregate) takes this component rather than binding the
 * instances itself.
 */
@Component(service = TemplateInstances.class)
public final class TemplateInstances {

  private final TenantInstances<TemplateTenant> tenants =
      new TenantInstances<>(TemplateTenant.class, TemplateModule.ID);

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "unbindTenant")
  void bindTenant(TemplateTenant instance) {
    tenants.bind(instance);
  }

  void unbindTenant(TemplateTenant instance) {
    tenants.unbind(instance);
  }

  @Activate
  void activate(BundleContext context) {
    tenants.activate(context);
  }

  /** The caller's instance; 404 {@code module-not-enabled} when the tenant has none running. */
  TemplateTenant of(SecurityContext security) {
    return tenants.require(TenantPrincipal.of(security));
  }
}
