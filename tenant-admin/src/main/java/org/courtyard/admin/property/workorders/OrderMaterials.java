package org.courtyard.admin.property.workorders;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The material used on one order ({@code GET /orders/{id}/materials}), oldest first, those given
 * back included (marked by {@code returnedAt}), and the cost of what was not given back.
 */
public record OrderMaterials(long orderId, String number, List<Use> uses, BigDecimal totalCost)
    implements Serializable {

  public OrderMaterials {
    uses = uses == null ? List.of() : List.copyOf(uses);
  }

  /** Material used: how much, at the unit cost of that moment, and what it cost. */
  public record Use(
      long id,
      long orderId,
      long materialId,
      String code,
      String name,
      String unit,
      BigDecimal quantity,
      BigDecimal unitCost,
      BigDecimal cost,
      String actorKind,
      long actorId,
      Instant at,
      String note,
      Instant returnedAt)
      implements Serializable {}

  /** The body of {@code POST /orders/{id}/materials}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Input(Long materialId, BigDecimal quantity, String note) implements Serializable {}
}
