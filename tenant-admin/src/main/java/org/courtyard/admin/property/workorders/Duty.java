package org.courtyard.admin.property.workorders;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import java.util.List;

/**
 * A technician's shifts ({@code GET /technicians/{id}/duty}) beginning on the days {@code from} to
 * {@code to} in the company's zone: each a day and wall times, {@code to} not after {@code from}
 * ending the next day.
 */
public record Duty(long userId, String from, String to, String timeZone, List<Shift> shifts)
    implements Serializable {

  public Duty {
    shifts = shifts == null ? List.of() : List.copyOf(shifts);
  }

  /** One shift, as read and as written ({@code day}, {@code from}, {@code to}). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Shift(String day, String from, String to) implements Serializable {}
}
