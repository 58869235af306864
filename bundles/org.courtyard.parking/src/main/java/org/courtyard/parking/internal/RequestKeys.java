package org.courtyard.parking.internal;

import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.courtyard.api.Texts;
import org.courtyard.parking.internal.dto.BookingView;
import org.courtyard.parking.internal.dto.PaymentView;

/**
 * The optional {@code Idempotency-Key} of a new lease or reservation: printable ASCII, at most 200
 * characters. The same key again answers 200 with the booking it made and {@code
 * Idempotent-Replayed: true}, so a client that lost the answer never books twice; with another
 * body, 422 {@code idempotency-key-reused}.
 */
final class RequestKeys {

  static final String HEADER = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";
  static final int MAX = 200;

  private static final Texts TEXTS = Texts.of(RequestKeys.class);

  private RequestKeys() {}

  /** The key, or null without one; 400 {@code invalid-idempotency-key} when it is malformed. */
  static String of(String key) {
    if (key == null) {
      return null;
    }
    if (key.isEmpty() || key.length() > MAX || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
      throw TEXTS.problem(400, "invalid-idempotency-key", "booking.key-invalid", MAX);
    }
    return key;
  }

  /** 201 with the new grant's or coupon's address, or 200 with the one made before. */
  static Response answer(UriInfo uri, String path, Discounts.Made made) {
    if (made.replayed()) {
      return Response.ok(made.discount()).header(REPLAYED, "true").build();
    }
    return Response.created(
            uri.getBaseUriBuilder().path(path).path(String.valueOf(made.discount().id())).build())
        .entity(made.discount())
        .build();
  }

  /** 201 with the new payment's address, or 200 with the one made before. */
  static Response answer(UriInfo uri, String paymentsPath, StayPayments.Paid paid) {
    PaymentView p = paid.payment();
    if (paid.replayed()) {
      return Response.ok(p).header(REPLAYED, "true").build();
    }
    return Response.created(
            uri.getBaseUriBuilder().path(paymentsPath).path(String.valueOf(p.id())).build())
        .entity(p)
        .build();
  }

  /** 201 with the new booking's address, or 200 with the one made before. */
  static Response answer(UriInfo uri, Bookings.Made made) {
    BookingView b = made.booking();
    if (made.replayed()) {
      return Response.ok(b).header(REPLAYED, "true").build();
    }
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(b.id())).build())
        .entity(b)
        .build();
  }
}
