package org.courtyard.estate;

import java.util.List;
import org.courtyard.api.TenantSlug;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What another module keeps that refers to a tenant's rooms, buildings or estates: bills, payments,
 * meters, occupancies, devices. Modules register an implementation as a service (whiteboard);
 * before estate deletes a room, building or estate it asks every registered one, inside the
 * delete's transaction, and refuses the delete with 409 {@code referenced}, naming what refers to
 * it, when any answers something.
 *
 * <p>An implementation reads only its own module's tables. It answers empty for a tenant that has
 * never used the module, and should answer from its tables even while the module is disabled for
 * the tenant (the data is kept). A failure is not "nothing refers": throw, and the delete fails.
 */
@ConsumerType
public interface RoomReferences {

  /**
   * What of this module refers to {@code places} of {@code tenant}, one entry per kind of record
   * with at least one; empty when nothing does.
   */
  List<Referrer> referencesTo(TenantSlug tenant, Places places);
}
