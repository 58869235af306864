package org.courtyard.shell.internal;

import org.apache.felix.service.command.Job;
import org.courtyard.api.ProblemException;

/** Prints problems the way a console user wants them: one readable line, no stack trace. */
final class Shell {

  private Shell() {}

  static Object run(Runnable command) {
    try {
      command.run();
    } catch (ProblemException e) {
      // Shell output is the user interface here, not logging.
      System.err.println("Error: " + e.title() + ". " + e.detail());
      failed(e.title() + ". " + e.detail());
    }
    return null;
  }

  /** Tells {@link ShellAudit} that the running command failed, though it threw nothing. */
  static void failed(String message) {
    Job job = Job.Utils.current();
    if (job != null) {
      job.session().put(ShellAudit.FAILURE, message);
    }
  }
}
