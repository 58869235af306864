/**
 * The driver contract (shaped like Eclipse Kura's Driver API, cut down to what MQTT devices need).
 * A vendor's bundle registers a {@link org.courtyard.driver.DeviceDriver} service; Courtyard's
 * device gateway hands it each uplink payload of the vendor's devices and gets back normalized
 * {@link org.courtyard.driver.DeviceRecord records}, each with its own {@link
 * org.courtyard.driver.RecordStatus status}, and asks it to encode commands for the downlink.
 *
 * <p>Device-level faults (a bad checksum, a value out of range, an unknown frame type) are reported
 * as statuses, never as exceptions. An exception, or a decode that does not return in time, counts
 * against the driver, and a driver that keeps failing is quarantined.
 *
 * <p>Payloads come from devices and from whoever can publish on their topics: read their numbers
 * with {@link org.courtyard.driver.PayloadNumber}, which bounds a number's length and digits before
 * any arithmetic ({@code new BigDecimal("1E-500000000").setScale(2)} does not return).
 *
 * <p>1.2: {@link org.courtyard.driver.DeviceRecord.PlateRead}, a plate-reading camera's read at a
 * lane.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.courtyard.driver;
