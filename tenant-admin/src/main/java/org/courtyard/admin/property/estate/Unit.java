package org.courtyard.admin.property.estate;

import java.io.Serializable;

/** A unit (单元) of a building. */
public record Unit(long id, long buildingId, long estateId, String code, String name, int version)
    implements Serializable {}
