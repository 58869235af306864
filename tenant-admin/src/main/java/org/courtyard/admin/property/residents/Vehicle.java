package org.courtyard.admin.property.residents;

import java.io.Serializable;
import java.time.Instant;

/** A person's vehicle by its plate; on the register while {@code removedAt} is null. */
public record Vehicle(
    long id, long personId, String plate, String color, Instant createdAt, Instant removedAt)
    implements Serializable {}
