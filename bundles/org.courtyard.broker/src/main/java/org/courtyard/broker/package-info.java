/**
 * The MQTT broker as the platform sees it: whoever decides who may connect and which topics they
 * may use provides a {@link org.courtyard.broker.MqttAuthority}; the broker, embedded or external,
 * is a {@link org.courtyard.broker.MqttBroker}.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.courtyard.broker;
