package org.courtyard.billing.internal.dto;

import java.math.BigDecimal;

public record LedgerEntryView(String account, BigDecimal debit, BigDecimal credit) {}
