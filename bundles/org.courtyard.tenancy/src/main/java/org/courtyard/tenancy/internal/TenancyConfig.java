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

  @AttributeDefinition(
      description =
          "Failed logins of one account (the operator user name, one API token) within the window"
              + " that lock the account out")
  int accountFailures() default 5;

  @AttributeDefinition(description = "Seconds an account stays locked out")
  int accountLockoutSeconds() default 60;

  @AttributeDefinition(
      description =
          "Failed logins from one source address within the window that lock the address out"
              + " (higher than per account: several users may share an address)")
  int addressFailures() default 30;

  @AttributeDefinition(description = "Seconds a source address stays locked out")
  int addressLockoutSeconds() default 60;

  @AttributeDefinition(description = "Seconds within which failed logins are counted")
  int failureWindowSeconds() default 300;

  @AttributeDefinition(
      description =
          "PBKDF2 verifications running at once; 0: half the processors, at least one. The rest"
              + " wait, and get 503 when none frees up in time.")
  int concurrentVerifications() default 0;

  @AttributeDefinition(
      description = "Milliseconds a login waits for a verification slot before it gets 503")
  int verificationWaitMillis() default 500;

  @AttributeDefinition(
      description = "Logins that may wait for a verification slot; more get 503 at once")
  int waitingVerifications() default 16;

  @AttributeDefinition(
      description = "Minutes without a request after which an operator's sign-in session ends")
  int operatorSessionIdleMinutes() default 30;

  @AttributeDefinition(description = "Hours after which an operator's sign-in session ends anyway")
  int operatorSessionHours() default 12;

  @AttributeDefinition(description = "Seconds to wait for a module's tenant instance to start")
  int moduleStartTimeoutSeconds() default 60;
}
