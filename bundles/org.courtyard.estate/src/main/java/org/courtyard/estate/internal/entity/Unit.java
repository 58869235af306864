package org.courtyard.estate.internal.entity;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A unit (单元): one stairwell or entrance section of a building. */
@Entity
@Table(name = "unit")
public class Unit {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "building_id", nullable = false, updatable = false)
  private long buildingId;

  /** The building's estate, copied so that scoped lists need no join (V2__estate_scope). */
  @Column(name = "estate_id", nullable = false, updatable = false)
  private long estateId;

  @Column(name = "code", nullable = false, length = 32)
  private String code;

  @Column(name = "name", nullable = false, length = 100)
  private String name;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Timestamp createdAt;

  @Column(name = "updated_at", nullable = false)
  private Timestamp updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private int version;

  protected Unit() {}

  public Unit(long estateId, long buildingId, String code, String name, Instant now) {
    this.estateId = estateId;
    this.buildingId = buildingId;
    this.code = code;
    this.name = name;
    this.createdAt = Timestamp.from(now);
    this.updatedAt = this.createdAt;
  }

  public void update(String code, String name, Instant now) {
    this.code = code;
    this.name = name;
    this.updatedAt = Timestamp.from(now);
  }

  public Long getId() {
    return id;
  }

  public long getBuildingId() {
    return buildingId;
  }

  public long getEstateId() {
    return estateId;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
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
