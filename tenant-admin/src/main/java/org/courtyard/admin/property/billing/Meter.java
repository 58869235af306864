package org.courtyard.admin.property.billing;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A room's meter (水表 / 电表 / 燃气表) and what billing reads of it. */
public record Meter(
    long id,
    long roomId,
    String type,
    String serial,
    LocalDate installedAt,
    LocalDate removedAt,
    int version)
    implements Serializable {

  /**
   * A reading (抄表): {@code source} manual, csv or device; an {@code implausible} one was stored
   * anyway for someone to check, {@code reason} saying why (only in the answer that stored it).
   */
  public record Reading(
      long id,
      long meterId,
      Instant readAt,
      BigDecimal value,
      boolean replacement,
      String source,
      boolean implausible,
      String reason)
      implements Serializable {}

  /** What a CSV import stored: every row, some flagged implausible. */
  public record Imported(
      int readingsImported, int metersRead, int implausibleCount, List<Implausible> implausible)
      implements Serializable {

    public Imported {
      implausible = implausible == null ? List.of() : List.copyOf(implausible);
    }
  }

  /** A reading stored with the implausible flag, by the file's line. */
  public record Implausible(int line, String serial, BigDecimal value, String reason)
      implements Serializable {}
}
