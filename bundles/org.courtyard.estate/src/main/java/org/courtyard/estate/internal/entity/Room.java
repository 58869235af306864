package org.courtyard.estate.internal.entity;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * A room or apartment (房间). {@code type} and {@code status} hold the lower-case values of {@code
 * RoomType} and {@code RoomStatus}, exactly what the table's CHECK constraints allow.
 */
@Entity
@Table(name = "room")
public class Room {

  /**
   * Ids come from {@code room_id_seq} in blocks of this size rather than from IDENTITY, so that the
   * INSERTs of a bulk import can be batched; the migration sets the sequence's increment to match.
   */
  public static final int ID_BLOCK = 50;

  @Id
  @SequenceGenerator(
      name = "estate_room_id",
      sequenceName = "room_id_seq",
      allocationSize = ID_BLOCK)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "estate_room_id")
  private Long id;

  @Column(name = "unit_id", nullable = false, updatable = false)
  private long unitId;

  @Column(name = "building_id", nullable = false, updatable = false)
  private long buildingId;

  /** The building's estate, copied so that scoped lists need no join (V2__estate_scope). */
  @Column(name = "estate_id", nullable = false, updatable = false)
  private long estateId;

  @Column(name = "number", nullable = false, length = 32)
  private String number;

  @Column(name = "floor", nullable = false)
  private int floor;

  @Column(name = "area", nullable = false, precision = 10, scale = 2)
  private BigDecimal area;

  @Column(name = "type", nullable = false, length = 16)
  private String type;

  @Column(name = "status", nullable = false, length = 16)
  private String status;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Timestamp createdAt;

  @Column(name = "updated_at", nullable = false)
  private Timestamp updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private int version;

  protected Room() {}

  public Room(
      long estateId,
      long unitId,
      long buildingId,
      String number,
      int floor,
      BigDecimal area,
      String type,
      String status,
      Instant now) {
    this.estateId = estateId;
    this.unitId = unitId;
    this.buildingId = buildingId;
    this.number = number;
    this.floor = floor;
    this.area = area;
    this.type = type;
    this.status = status;
    this.createdAt = Timestamp.from(now);
    this.updatedAt = this.createdAt;
  }

  public void update(
      String number, int floor, BigDecimal area, String type, String status, Instant now) {
    this.number = number;
    this.floor = floor;
    this.area = area;
    this.type = type;
    this.status = status;
    this.updatedAt = Timestamp.from(now);
  }

  public Long getId() {
    return id;
  }

  public long getUnitId() {
    return unitId;
  }

  public long getBuildingId() {
    return buildingId;
  }

  public long getEstateId() {
    return estateId;
  }

  public String getNumber() {
    return number;
  }

  public int getFloor() {
    return floor;
  }

  public BigDecimal getArea() {
    return area;
  }

  public String getType() {
    return type;
  }

  public String getStatus() {
    return status;
  }

  public Instant getCreatedAt() {
    return createdAt.toInstant();
  }

  public Instant getUpdatedAt() {
    return updatedAt.toInstant();
  }

  public int getVersion() {
    return version;
  }
}
