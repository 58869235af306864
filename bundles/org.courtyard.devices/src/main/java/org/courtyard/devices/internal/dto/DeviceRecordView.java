package org.courtyard.devices.internal.dto;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A stored record of a device: its kind, time and the record's fields. */
public record DeviceRecordView(long seq, int item, String kind, Instant at, JsonNode data) {}
