package org.courtyard.residents.internal.entity;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * A person's relation to a room for a period: owner, occupant, tenant (renter) or family member.
 * Current while {@code moveOut} is null. Never edited and never deleted: the only change an
 * occupancy sees is being ended, and a correction is an ended occupancy plus a new one, so the
 * history of a room stays what it was. {@code role} holds the lower-case value of {@code
 * OccupancyRole}; {@code sharePercent} is only ever set for owners.
 */
@Entity
@Table(name = "residents_occupancy")
public class Occupancy {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "person_id", nullable = false, updatable = false)
  private long personId;

  @Column(name = "room_id", nullable = false, updatable = false)
  private long roomId;

  /**
   * The room's estate and building, copied from estate's {@code EstateDirectory} when the occupancy
   * is recorded (a room never moves), so that scoped lists filter in SQL. Null until the backfill
   * has filled occupancies recorded before #11: in no scope but the whole company's.
   */
  @Column(name = "estate_id", updatable = false)
  private Long estateId;

  @Column(name = "building_id", updatable = false)
  private Long buildingId;

  @Column(name = "role", nullable = false, updatable = false, length = 16)
  private String role;

  @Column(name = "share_percent", updatable = false, precision = 5, scale = 2)
  private BigDecimal sharePercent;

  @Column(name = "move_in", nullable = false, updatable = false)
  private LocalDate moveIn;

  @Column(name = "move_out")
  private LocalDate moveOut;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Timestamp createdAt;

  protected Occupancy() {}

  public Occupancy(
      long personId,
      long roomId,
      long estateId,
      long buildingId,
      String role,
      BigDecimal sharePercent,
      LocalDate moveIn,
      Instant now) {
    this.personId = personId;
    this.roomId = roomId;
    this.estateId = estateId;
    this.buildingId = buildingId;
    this.role = role;
    this.sharePercent = sharePercent;
    this.moveIn = moveIn;
    this.createdAt = Timestamp.from(now);
  }

  /** Ends the occupancy; the caller has checked that it is current and the date is valid. */
  public void end(LocalDate moveOut) {
    this.moveOut = moveOut;
  }

  public boolean isCurrent() {
    return moveOut == null;
  }

  public Long getId() {
    return id;
  }

  public long getPersonId() {
    return personId;
  }

  public long getRoomId() {
    return roomId;
  }

  public Long getEstateId() {
    return estateId;
  }

  public Long getBuildingId() {
    return buildingId;
  }

  public String getRole() {
    return role;
  }

  public BigDecimal getSharePercent() {
    return sharePercent;
  }

  public LocalDate getMoveIn() {
    return moveIn;
  }

  public LocalDate getMoveOut() {
    return moveOut;
  }

  public Instant getCreatedAt() {
    return createdAt.toInstant();
  }
}
