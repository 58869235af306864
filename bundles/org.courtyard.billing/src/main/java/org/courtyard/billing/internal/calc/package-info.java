/**
 * The pure arithmetic of billing, without database or container: fee amounts with proration and
 * rounding, tiered tariffs and metered consumption, the rules meter readings must meet, splitting
 * payments across bills, aging of arrears and the balance rule of ledger transactions. Everything
 * here is deterministic and unit-tested.
 */
package org.courtyard.billing.internal.calc;
