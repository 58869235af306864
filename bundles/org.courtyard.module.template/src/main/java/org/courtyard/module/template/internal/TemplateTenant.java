package org.courtyard.module.template.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.TenantModule;
import org.courtyard.api.TenantPersistence;
import org.courtyard.api.TenantStatistics;
import org.courtyard.api.jpa.JpaTenantModule;
import org.courtyard.module.template.internal.entity.Note;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The template module of one tenant: one instance per factory configuration the platform creates
 * when the tenant enables the module. {@link JpaTenantModule} opens and probes its storage before
 * the service is registered, so "instance present" means "module enabled and ready". It only wires
 * the services: no SQL and no rules here.
 */
@Component(
    name = TemplateTenant.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    // immediate: the EntityManagerFactory is built before the service is registered, so the
    // tenant's first request is not the one that pays for it
    immediate = true,
    service = {TenantModule.class, TemplateTenant.class},
    property = CourtyardConstants.MODULE + "=" + TemplateModule.ID)
@Designate(ocd = TemplateTenant.Config.class, factory = true)
public final class TemplateTenant extends JpaTenantModule implements TenantStatistics {

  /** Factory PID, equal to {@code TemplateModule#factoryPid()} by construction. */
  static final String PID = CourtyardConstants.MODULE_FACTORY_PID_PREFIX + TemplateModule.ID;

  /** Every entity of the module: the EntityManagerFactory knows only these. */
  private static final List<Class<?>> ENTITIES = List.of(Note.class);

  @ObjectClassDefinition(
      id = PID,
      name = "Courtyard template module, per tenant",
      description = "Created by the platform when a tenant enables the template module.")
  @interface Config {

    @AttributeDefinition(name = "Tenant", description = "Slug of the tenant this instance serves.")
    String tenant();
  }

  private final NoteService notes;

  @Activate
  public TemplateTenant(
      Config config, @Reference(name = "persistence") TenantPersistence persistence) {
    super(config.tenant(), TemplateModule.ID, persistence, ENTITIES, "SELECT n.id FROM Note n");
    this.notes = new NoteService(tenant(), transactions(), Clock.systemUTC());
  }

  @Deactivate
  void deactivate() {
    close();
  }

  /** What the operator's statistics show of this tenant's module. */
  @Override
  public Map<String, Object> statistics() {
    return Map.of(
        "notes",
        transactions()
            .read(
                em -> em.createQuery("SELECT COUNT(n) FROM Note n", Long.class).getSingleResult()));
  }

  /** The tenant's notes. A module with several aggregates has one service per aggregate here. */
  NoteService notes() {
    return notes;
  }
}
