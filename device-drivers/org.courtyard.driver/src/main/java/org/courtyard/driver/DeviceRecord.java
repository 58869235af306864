package org.courtyard.driver;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A normalized reading or event, the same whatever the vendor. Modules consume these: billing takes
 * {@link MeterReading}s, security takes {@link AccessEvent}s and {@link Alarm}s, parking takes
 * {@link ParkingSpaceState}s and {@link PlateRead}s.
 */
public sealed interface DeviceRecord {

  /** When the device measured or saw it (its own clock if the payload has one). */
  Instant at();

  /** What a meter's register shows: a running total, never a delta. */
  enum MeterKind {
    WATER,
    ELECTRICITY,
    GAS,
    HEAT
  }

  /**
   * A meter's register value.
   *
   * @param channel the register within the device (a device may carry several meters), e.g. {@code
   *     water} or {@code 1}
   * @param unit as the device reports it, e.g. {@code m3}, {@code kWh}
   */
  record MeterReading(String channel, MeterKind kind, BigDecimal value, String unit, Instant at)
      implements DeviceRecord {
    public MeterReading {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(unit, "unit");
      Objects.requireNonNull(at, "at");
    }
  }

  /** How someone identified themselves at a door or gate. */
  enum CredentialKind {
    CARD,
    PIN,
    QR,
    FACE,
    REMOTE
  }

  /**
   * Someone (or something) asked a door or gate to open.
   *
   * @param door the door or lane within the controller
   * @param credential what was presented (card number, PIN id, QR token id), never a secret
   * @param reason the controller's reason when denied, else null
   */
  record AccessEvent(
      String door,
      CredentialKind credentialKind,
      String credential,
      boolean granted,
      String reason,
      Instant at)
      implements DeviceRecord {
    public AccessEvent {
      Objects.requireNonNull(door, "door");
      Objects.requireNonNull(credentialKind, "credentialKind");
      Objects.requireNonNull(credential, "credential");
      Objects.requireNonNull(at, "at");
    }
  }

  /** What a device can raise an alarm about. */
  enum AlarmKind {
    DOOR_FORCED,
    DOOR_HELD_OPEN,
    SMOKE,
    WATER_LEAK,
    TAMPER,
    LOW_BATTERY,
    SENSOR_FAULT
  }

  /**
   * An alarm condition began ({@code active}) or ended.
   *
   * @param source where on the device, e.g. the door or the sensor channel
   */
  record Alarm(AlarmKind kind, String source, boolean active, String detail, Instant at)
      implements DeviceRecord {
    public Alarm {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * A measured quantity that is not a meter total.
   *
   * @param quantity e.g. {@code temperature}, {@code humidity}, {@code co2}, {@code battery}
   */
  record SensorValue(String quantity, BigDecimal value, String unit, Instant at)
      implements DeviceRecord {
    public SensorValue {
      Objects.requireNonNull(quantity, "quantity");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(unit, "unit");
      Objects.requireNonNull(at, "at");
    }
  }

  /** A parking space became free or occupied. */
  record ParkingSpaceState(String space, boolean occupied, Instant at) implements DeviceRecord {
    public ParkingSpaceState {
      Objects.requireNonNull(space, "space");
      Objects.requireNonNull(at, "at");
    }
  }

  /** Which way a vehicle passes a lane. */
  enum Direction {
    ENTRY,
    EXIT
  }

  /** The background colour of a Chinese plate, which tells its kind. */
  enum PlateColour {
    /** Ordinary small cars. */
    BLUE,
    /** Large vehicles, learners. */
    YELLOW,
    /** New-energy vehicles (8 characters). */
    GREEN,
    /** Police, military, armed police. */
    WHITE,
    /** Foreign-owned, Hong Kong and Macao vehicles. */
    BLACK,
    OTHER
  }

  /**
   * A plate-reading camera saw a vehicle at a lane (since 1.2).
   *
   * @param lane the lane within the camera or its controller, e.g. {@code in-1}
   * @param plate as the camera read it, or null when it read none (a car without a plate, or one it
   *     could not read); modules store it in the one form {@code org.courtyard.api.Plates} gives
   * @param colour the plate's colour when the camera tells it, else null
   * @param confidence how sure the camera is of the plate, 0 to 100
   * @param snapshot the camera's reference to its picture of the vehicle (a path or id there),
   *     never the picture itself, or null
   */
  record PlateRead(
      String lane,
      Direction direction,
      String plate,
      PlateColour colour,
      int confidence,
      String snapshot,
      Instant at)
      implements DeviceRecord {
    public PlateRead {
      Objects.requireNonNull(lane, "lane");
      Objects.requireNonNull(direction, "direction");
      Objects.requireNonNull(at, "at");
      if (confidence < 0 || confidence > 100) {
        throw new IllegalArgumentException("confidence " + confidence + " is not 0-100");
      }
    }
  }

  /** The device's answer to a {@link Command}, matched by the command's id. */
  record CommandAck(long commandId, boolean success, String detail, Instant at)
      implements DeviceRecord {
    public CommandAck {
      Objects.requireNonNull(at, "at");
    }
  }
}
