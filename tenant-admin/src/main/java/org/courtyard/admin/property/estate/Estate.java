package org.courtyard.admin.property.estate;

import java.io.Serializable;

/** An estate (小区) as {@code GET /estate/estates} answers it. */
public record Estate(long id, String code, String name, String address, int version)
    implements Serializable {}
