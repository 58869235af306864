package org.courtyard.launcher;

/** The PostgreSQL the platform will use, open for as long as Karaf runs. */
interface Database extends AutoCloseable {

  JdbcSettings jdbc();

  /** One line for the banner, without secrets. */
  String description();

  /** Stops what the launcher started; never throws, as it runs on the way out. */
  @Override
  void close();
}
