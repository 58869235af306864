package org.courtyard.module.template.internal.entity;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A note: a title, an optional text and a priority from 1 (highest) to 5. */
@Entity
@Table(name = "note")
public class Note {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "title", nullable = false, length = 100)
  private String title;

  @Column(name = "body", length = 2000)
  private String body;

  @Column(name = "priority", nullable = false)
  private int priority;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Timestamp createdAt;

  @Column(name = "updated_at", nullable = false)
  private Timestamp updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private int version;

  protected Note() {}

  public Note(String title, String body, int priority, Instant now) {
    this.title = title;
    this.body = body;
    this.priority = priority;
    this.createdAt = Timestamp.from(now);
    this.updatedAt = this.createdAt;
  }

  public void update(String title, String body, int priority, Instant now) {
    this.title = title;
    this.body = body;
    this.priority = priority;
    this.updatedAt = Timestamp.from(now);
  }

  public Long getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public String getBody() {
    return body;
  }

  public int getPriority() {
    return priority;
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
