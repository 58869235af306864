package org.courtyard.workorders.internal.attachments;

import java.time.Instant;

/**
 * A photo or file of an order as lists show it, without its bytes: those are at {@code
 * .../attachments/{id}}, the thumbnail (when {@code thumbnail}) at {@code
 * .../attachments/{id}/thumbnail}.
 *
 * @param eventId the step it shows; null for the order itself
 * @param contentType the type sniffed from the bytes
 * @param sha256 hex SHA-256 of the bytes, the ETag they are served with
 * @param width in pixels, for the images the server reads; null otherwise
 * @param uploadedByKind {@code staff} (a user id, -1 for the company's token or an API key) or
 *     {@code resident} (a person id)
 */
public record AttachmentView(
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
    Instant uploadedAt) {}
