package org.courtyard.admin.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.courtyard.admin.contract.OperatorApiContract;

/**
 * The console's tests run against {@code FakeOperatorApi}; this runs the same contract against the
 * real platform, started from the built distribution, so the fake cannot drift from it unnoticed.
 */
public class PlatformContractE2E extends OperatorApiContract {

  private static RunningCourtyard courtyard() {
    try {
      return RunningCourtyard.shared();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("Courtyard did not start", e);
    }
  }

  @Override
  protected String baseUrl() {
    return courtyard().apiUrl();
  }

  @Override
  protected String password() {
    try {
      return courtyard().operatorPassword();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
