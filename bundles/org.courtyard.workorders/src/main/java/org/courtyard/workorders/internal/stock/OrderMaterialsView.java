package org.courtyard.workorders.internal.stock;

import java.math.BigDecimal;
import java.util.List;

/**
 * The material used on one work order, oldest first, those given back included (marked), and the
 * total cost of what was not given back.
 */
public record OrderMaterialsView(
    long orderId, String number, List<UseView> uses, BigDecimal totalCost) {}
