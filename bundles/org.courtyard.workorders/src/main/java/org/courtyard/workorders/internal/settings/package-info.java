/**
 * A tenant's work-order settings and working calendar as the managers edit them: {@link
 * org.courtyard.workorders.internal.settings.TenantSettings} reads and replaces them under their
 * versions, {@link org.courtyard.workorders.internal.settings.SettingsRules} checks an edit field
 * by field with the rules {@link org.courtyard.workorders.internal.deadlines.DayHours} and the
 * schema's CHECK constraints hold, so a refused edit names its field instead of failing in the
 * database.
 */
package org.courtyard.workorders.internal.settings;
