package org.courtyard.parking.internal.reports;

import java.time.LocalDate;

/** A monthly card in force that ends soon: its holder to ask about renewing. */
public record ExpiringCard(
    long cardId,
    long lotId,
    String lotCode,
    String plate,
    String holderName,
    String holderPhone,
    LocalDate lastDay,
    int daysLeft) {}
