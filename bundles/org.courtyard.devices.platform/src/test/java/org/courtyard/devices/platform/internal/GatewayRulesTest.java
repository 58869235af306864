package org.courtyard.devices.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The gateway's decisions that need no broker or database: what to retry, whose topic it is. */
class GatewayRulesTest {

  @Test
  void dataThePostgresRefusesIsSplitOffWhileALostDatabaseIsWaitedFor() {
    assertTrue(IngestWriter.isDataError(new SQLException("NUL in jsonb", "22P05")));
    assertTrue(IngestWriter.isDataError(new SQLException("out of range", "22003")));
    assertTrue(IngestWriter.isDataError(new SQLException("check", "23514")));
    assertFalse(IngestWriter.isDataError(new SQLException("connection refused", "08001")));
    assertFalse(IngestWriter.isDataError(new SQLException("admin shutdown", "57P01")));
    assertFalse(IngestWriter.isDataError(new SQLException("pool timeout")));
  }

  @Test
  void theSqlCauseIsFoundUnderWrappers() {
    SQLException sql = new SQLException("x", "22P05");
    assertSame(sql, IngestWriter.sqlCause(new IllegalStateException(new RuntimeException(sql))));
    assertNull(IngestWriter.sqlCause(new IllegalStateException("no database involved")));
  }

  @Test
  void theTenantOfAnUpTopic() {
    assertEquals("acme", Arrivals.tenantOf("t/acme/d/wm-1/up").value());
    assertNull(Arrivals.tenantOf("t/Bad/d/wm-1/up"));
    assertNull(Arrivals.tenantOf("t/acme/d/wm-1/up/extra"));
    assertNull(Arrivals.tenantOf("x/acme/d/wm-1/up"));
  }
}
