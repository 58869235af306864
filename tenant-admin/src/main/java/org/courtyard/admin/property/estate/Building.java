package org.courtyard.admin.property.estate;

import java.io.Serializable;

/** A building (楼栋) of an estate; {@code floors} may be unknown. */
public record Building(
    long id, long estateId, String code, String name, Integer floors, int version)
    implements Serializable {}
