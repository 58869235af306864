/**
 * The module template: a small, complete business module (notes) that a new module is copied from
 * (see the bundle's README). Each class is one job, and every module has the same ones:
 *
 * <ul>
 *   <li>{@link org.courtyard.module.template.internal.TemplateModule} tells the platform the module
 *       exists.
 *   <li>{@link org.courtyard.module.template.internal.TemplateTenant} is a tenant's instance,
 *       created by the platform for each tenant that enables the module; it owns the tenant's
 *       EntityManagerFactory and the services.
 *   <li>{@link org.courtyard.module.template.internal.NoteService} and {@link
 *       org.courtyard.module.template.internal.NoteRules} hold the rules of one aggregate.
 *   <li>{@link org.courtyard.module.template.internal.NotesResource} is that aggregate's REST
 *       resource, under {@code /api/v1/template/notes}; {@link
 *       org.courtyard.module.template.internal.TemplateInstances} finds the caller's instance for
 *       every resource of the module.
 * </ul>
 *
 * <p>Nothing is exported. A module whose data other modules need exports a versioned API package at
 * its root (as estate's {@code EstateDirectory}) instead of letting them reach in here.
 */
package org.courtyard.module.template.internal;
