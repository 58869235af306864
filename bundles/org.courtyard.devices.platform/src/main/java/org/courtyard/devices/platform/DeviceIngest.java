package org.courtyard.devices.platform;

import java.util.List;
import org.courtyard.api.TenantModule;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where the gateway stores a tenant's device messages: the devices module's per-tenant instance,
 * registered with the module property {@value #MODULE} and its tenant. While a tenant has none, the
 * gateway holds the tenant's messages (the broker keeps them) or, when the tenant has not enabled
 * the module, lets them go.
 */
@ConsumerType
public interface DeviceIngest extends TenantModule {

  /** The id of the devices module, whose instances store the tenants' device messages. */
  String MODULE = "devices";

  /**
   * Stores a batch in one transaction: each decoded message unless its (device, sequence) is stored
   * already, with its good records and the answers to commands; each refused message with its
   * reason; each device's counters and last-seen time. The gateway acknowledges the messages to the
   * broker only once this returned.
   *
   * @throws RuntimeException when nothing was stored: an {@link java.sql.SQLException} cause of
   *     class 22, 23 or 54 (PostgreSQL refused the data) has the gateway split the batch, anything
   *     else has it retry
   */
  StoredBatch store(List<DecodedMessage> decoded, List<RefusedMessage> refused);
}
