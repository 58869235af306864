/**
 * Materials and their stock per estate (维修材料库存): the materials of an estate's stores with their
 * quantity and moving-average unit cost ({@link
 * org.courtyard.workorders.internal.stock.Materials}), stock in and stocktake corrections, and
 * material used on work orders and given back ({@link
 * org.courtyard.workorders.internal.stock.MaterialUses}). The stock never goes below zero, also
 * under concurrent use: every take is one conditional update. The field rules are {@link
 * org.courtyard.workorders.internal.stock.StockRules}.
 */
package org.courtyard.workorders.internal.stock;
