package org.courtyard.workorders.internal.dto;

import java.math.BigDecimal;

/** A category of the tenant's catalogue, with its deadlines per priority. */
public record CategoryView(
    long id,
    String code,
    String nameEn,
    String nameZh,
    String kind,
    String dispatchMode,
    boolean paid,
    BigDecimal priceMin,
    BigDecimal priceMax,
    boolean returnVisit,
    String skill,
    boolean workingHours,
    boolean active,
    Minutes responseMinutes,
    Minutes resolutionMinutes,
    int version) {}
