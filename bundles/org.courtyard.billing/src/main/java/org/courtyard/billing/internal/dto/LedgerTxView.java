package org.courtyard.billing.internal.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A ledger transaction with its entries; debits equal credits. */
public record LedgerTxView(
    UUID txId,
    String kind,
    Long roomId,
    Long billId,
    Long paymentId,
    Long refundId,
    String period,
    UUID reversesTx,
    Instant createdAt,
    List<LedgerEntryView> entries) {}
