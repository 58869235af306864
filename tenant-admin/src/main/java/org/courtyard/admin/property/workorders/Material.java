package org.courtyard.admin.property.workorders;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A material of an estate's stores (维修材料) as {@code /workorders/materials} answers it: the quantity
 * in stock (3 decimals) and its moving-average unit cost (yuan). The version changes with the
 * descriptive fields only, not with movements.
 */
public record Material(
    long id,
    long estateId,
    String code,
    String name,
    String unit,
    BigDecimal quantity,
    BigDecimal unitCost,
    boolean active,
    Instant updatedAt,
    int version)
    implements Serializable {

  /** The body of {@code POST /materials} and {@code PUT /materials/{id}}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Input(
      Long estateId,
      String code,
      String name,
      String unit,
      BigDecimal unitCost,
      Boolean active,
      Integer version)
      implements Serializable {}

  /**
   * The body of a receipt (a positive quantity, its unit cost, a note) or of a stocktake correction
   * (a signed quantity and a note saying why, no unit cost).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Change(BigDecimal quantity, BigDecimal unitCost, String note)
      implements Serializable {}

  /**
   * One movement of the stock: {@code receipt}, {@code adjustment}, {@code use} on an order or
   * {@code return}; {@code quantity} signed as the stock moved, {@code balance} what it left.
   */
  public record Movement(
      long id,
      String kind,
      long materialId,
      Instant at,
      BigDecimal quantity,
      BigDecimal unitCost,
      BigDecimal balance,
      BigDecimal unitCostAfter,
      Long orderId,
      String orderNumber,
      Long returnsUseId,
      String actorKind,
      long actorId,
      String note)
      implements Serializable {}
}
