package org.courtyard.workorders.internal.dto;

import java.math.BigDecimal;

/** A category as staff write it; {@code version} is required when updating. */
public record CategoryInput(
    String code,
    String nameEn,
    String nameZh,
    String kind,
    String dispatchMode,
    Boolean paid,
    BigDecimal priceMin,
    BigDecimal priceMax,
    Boolean returnVisit,
    String skill,
    Boolean workingHours,
    Boolean active,
    Minutes responseMinutes,
    Minutes resolutionMinutes,
    Integer version) {}
