/**
 * The MQTT broker as the platform sees it: whoever decides who may connect and which topics they
 * may use provides a {@link org.courtyard.broker.MqttAuthority}; the broker, embedded or external,
 * is a {@link org.courtyard.broker.MqttBroker}; the gateway that consumes device messages is a
 * {@link org.courtyard.broker.MqttConsumer}, which the broker waits for before it stops.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.courtyard.broker;
