package org.courtyard.admin.property.workorders;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * What the resident said about an order and what customer service heard back ({@code GET
 * /orders/{id}/feedback}): the rating (null until given), the return visits (回访), and whether
 * closing waits for a return visit that reached the resident.
 */
public record Feedback(Rating rating, List<Visit> returnVisits, boolean returnVisitRequired)
    implements Serializable {

  public Feedback {
    returnVisits = returnVisits == null ? List.of() : List.copyOf(returnVisits);
  }

  /** The resident's stars (1 to 5) and comment. */
  public record Rating(int score, String comment, Instant at) implements Serializable {}

  /** A return visit: reached or not, satisfaction 1 to 5 when reached, a note. */
  public record Visit(
      long id, long userId, Instant at, boolean reached, Integer satisfaction, String note)
      implements Serializable {}

  /** The body of {@code POST /orders/{id}/return-visits}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record VisitInput(Boolean reached, Integer satisfaction, String note)
      implements Serializable {}

  /** The body of {@code POST /orders/{id}/replies}: the answer to a complaint. */
  public record Reply(String text) implements Serializable {}
}
