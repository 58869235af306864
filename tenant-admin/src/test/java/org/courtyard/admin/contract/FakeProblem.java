package org.courtyard.admin.contract;

/** Thrown by a {@link FakeArea} to answer with a problem+json. */
public final class FakeProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient FakeResponse response;

  public FakeProblem(int status, String type, String title, String detail) {
    super(type + ": " + detail);
    this.response = FakeResponse.problem(status, type, title, detail);
  }

  public FakeResponse response() {
    return response;
  }
}
