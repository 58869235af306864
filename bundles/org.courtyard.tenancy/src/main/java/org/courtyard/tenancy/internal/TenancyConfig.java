package org.courtyard.tenancy.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Courtyard tenancy",
    description = "Onboarding, credentials and module enablement")
@interface TenancyConfig {

  @AttributeDefinition(
      description =
          "Where the first-run operator password is written (mode 0600). Empty: operator-password.txt"
              + " in ${courtyard.home}, else in ${karaf.base}.")
  String operatorPasswordFile() default "";

  @AttributeDefinition(description = "PBKDF2 iterations for operator passwords")
  int passwordIterations() default 310_000;

  @AttributeDefinition(
      description =
          "PBKDF2 iterations for API token secrets (256 random bits each, so the work factor only"
              + " guards against a stolen table, not guessing)")
  int tokenIterations() default 50_000;

  @AttributeDefinition(description = "Seconds a verified credential is remembered in memory")
  int credentialCacheSeconds() default 300;

  @AttributeDefinition(description = "Seconds to wait for a module's tenant instance to start")
  int moduleStartTimeoutSeconds() default 60;
}
