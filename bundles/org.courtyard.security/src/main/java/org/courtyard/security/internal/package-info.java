/**
 * The security module (安防管理): the access log, alarms, access credentials and guard patrol, fed by
 * the tenant's devices. It has the shape of every module (see the module template):
 *
 * <ul>
 *   <li>{@link org.courtyard.security.internal.SecurityModule} tells the platform the module
 *       exists; {@link org.courtyard.security.internal.SecurityTenant} is a tenant's instance and
 *       only wires the services.
 *   <li>One service per aggregate holds the SQL ({@link org.courtyard.security.internal.AccessLog},
 *       {@link org.courtyard.security.internal.Alarms}, {@link
 *       org.courtyard.security.internal.Credentials} with {@link
 *       org.courtyard.security.internal.CredentialPushes}, {@link
 *       org.courtyard.security.internal.Patrols}), and a rules class beside it the rules ({@code
 *       AccessRules}, {@code AlarmRules}, {@code CredentialRules}, {@code PatrolRules}). Security
 *       uses plain JDBC: its writes are batches from devices and its lists keyset queries.
 *   <li>One thin REST resource per aggregate under {@code /api/v1/security} ({@code
 *       AccessEventsResource}, {@code DoorsResource}, {@code AlarmsResource}, {@code
 *       CredentialsResource}, {@code PatrolResource}), sharing {@link
 *       org.courtyard.security.internal.SecurityInstances} for the caller's instance and devices.
 *   <li>{@link org.courtyard.security.internal.SecurityEvents} takes the devices' records ({@link
 *       org.courtyard.security.internal.DeviceReports} stores them) and runs the device-offline
 *       check and the daily patrol rounds on the platform's shared workers.
 * </ul>
 */
package org.courtyard.security.internal;
