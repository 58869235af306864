package org.courtyard.module.template.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManagerFactory;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.TenantModule;
import org.courtyard.api.TenantPersistence;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.TenantStatistics;
import org.courtyard.api.jpa.Transactions;
import org.courtyard.module.template.internal.entity.Note;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The template module of one tenant: one instance per factory configuration the platform creates
 * when the tenant enables the module. It is registered only once its EntityManagerFactory works, so
 * "instance present" means "module enabled and ready".
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
public final class TemplateTenant implements TenantModule, TenantStatistics {

  /** Factory PID, equal to {@code TemplateModule#factoryPid()} by construction. */
  static final String PID = CourtyardConstants.MODULE_FACTORY_PID_PREFIX + TemplateModule.ID;

  private static final Logger LOG = LoggerFactory.getLogger(TemplateTenant.class);

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

  private final TenantSlug tenant;
  private final TenantPersistence persistence;
  private final Transactions transactions;
  private final NoteService notes;

  @Activate
  public TemplateTenant(
      Config config, @Reference(name = "persistence") TenantPersistence persistence) {
    this.tenant = TenantSlug.of(config.tenant());
    this.persistence = persistence;
    EntityManagerFactory emf =
        persistence.entityManagerFactory(
            tenant, TemplateModule.ID, TemplateTenant.class.getClassLoader(), ENTITIES);
    try {
      this.transactions = new Transactions(emf);
      // One cheap query now: a missing table or a broken mapping fails the enable, and the first
      // user request does not pay for EclipseLink's lazy session login.
      transactions.read(
          em ->
              em.createQuery("SELECT n.id FROM Note n", Long.class)
                  .setMaxResults(1)
                  .getResultList());
      this.notes = new NoteService(tenant, transactions, Clock.systemUTC());
    } catch (RuntimeException e) {
      persistence.close(tenant, TemplateModule.ID);
      throw e;
    }
    LOG.info("Template module ready for tenant {}", tenant);
  }

  @Deactivate
  void deactivate() {
    persistence.close(tenant, TemplateModule.ID);
    LOG.info("Template module stopped for tenant {}", tenant);
  }

  /** What the operator's statistics show of this tenant's module. */
  @Override
  public Map<String, Object> statistics() {
    return Map.of(
        "notes",
        transactions.read(
            em -> em.createQuery("SELECT COUNT(n) FROM Note n", Long.class).getSingleResult()));
  }

  @Override
  public TenantSlug tenant() {
    return tenant;
  }

  @Override
  public String moduleId() {
    return TemplateModule.ID;
  }

  /** The tenant's notes. A module with several aggregates has one service per aggregate here. */
  NoteService notes() {
    return notes;
  }
}
