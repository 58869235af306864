package org.courtyard.admin.property.workorders;

import java.io.Serializable;
import java.time.Instant;

/**
 * A photo or file of an order as {@code GET /orders/{id}/attachments} lists it, without its bytes;
 * {@code thumbnail} tells whether {@code .../{aid}/thumbnail} has one. {@code eventId} names the
 * step it belongs to, null for the order itself.
 */
public record Attachment(
    long id,
    long orderId,
    Long eventId,
    String fileName,
    String contentType,
    int size,
    String sha256,
    Integer width,
    Integer height,
    boolean thumbnail,
    String uploadedByKind,
    long uploadedById,
    Instant uploadedAt)
    implements Serializable {}
