package org.courtyard.residents.internal.entity;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * A vehicle registered to a person, by its normalised plate ({@code 粤B12345}). Current while {@code
 * removedAt} is null; removing a vehicle keeps the record, so that the plate's history stays
 * traceable, and frees the plate for another registration.
 */
@Entity
@Table(name = "residents_vehicle")
public class Vehicle {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "person_id", nullable = false, updatable = false)
  private long personId;

  @Column(name = "plate", nullable = false, updatable = false, length = 16)
  private String plate;

  @Column(name = "color", updatable = false, length = 20)
  private String color;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Timestamp createdAt;

  @Column(name = "removed_at")
  private Timestamp removedAt;

  protected Vehicle() {}

  public Vehicle(long personId, String plate, String color, Instant now) {
    this.personId = personId;
    this.plate = plate;
    this.color = color;
    this.createdAt = Timestamp.from(now);
  }

  /** Takes the vehicle off the register; the caller has checked that it is current. */
  public void remove(Instant now) {
    this.removedAt = Timestamp.from(now);
  }

  public boolean isCurrent() {
    return removedAt == null;
  }

  public Long getId() {
    return id;
  }

  public long getPersonId() {
    return personId;
  }

  public String getPlate() {
    return plate;
  }

  public String getColor() {
    return color;
  }

  public Instant getCreatedAt() {
    return createdAt.toInstant();
  }

  public Instant getRemovedAt() {
    return removedAt == null ? null : removedAt.toInstant();
  }
}
