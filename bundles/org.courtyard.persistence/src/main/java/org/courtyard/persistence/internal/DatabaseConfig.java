package org.courtyard.persistence.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Courtyard database",
    description = "The PostgreSQL database holding the platform registry and every tenant schema.")
@interface DatabaseConfig {

  @AttributeDefinition(description = "JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/courtyard")
  String url();

  @AttributeDefinition(description = "Database user")
  String user() default "postgres";

  @AttributeDefinition(type = AttributeType.PASSWORD, description = "Database password")
  String password() default "";

  @AttributeDefinition(description = "Maximum connections in the shared pool")
  int maxPoolSize() default 20;

  @AttributeDefinition(description = "Idle connections kept open")
  int minIdle() default 2;

  @AttributeDefinition(description = "Milliseconds a request waits for a free connection")
  long connectionTimeoutMs() default 10_000;

  @AttributeDefinition(
      description =
          "Milliseconds a statement on a pooled connection (tenants' and the platform's) may run,"
              + " lock waits included, before PostgreSQL cancels it; 0 for no limit. Migrations are"
              + " exempt; bulk paths raise it for their transaction with SET LOCAL")
  long statementTimeoutMs() default 30_000;
}
