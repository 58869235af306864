package org.courtyard.devices.platform;

import java.util.List;

/**
 * What storing a batch came to.
 *
 * @param stored the messages stored now, in the order given; not those stored before (redeliveries)
 * @param duplicates how many of the batch were stored before
 */
public record StoredBatch(List<DecodedMessage> stored, int duplicates) {}
