package org.courtyard.workorders.internal.dto;

import java.time.Instant;
import java.util.List;

/**
 * What the resident said about an order and what customer service heard back: the rating, the
 * return visits, and whether the category asks for a reached return visit before closing.
 */
public record FeedbackView(Rating rating, List<Visit> returnVisits, boolean returnVisitRequired) {

  public record Rating(int score, String comment, Instant at) {}

  public record Visit(
      long id, long userId, Instant at, boolean reached, Integer satisfaction, String note) {}
}
