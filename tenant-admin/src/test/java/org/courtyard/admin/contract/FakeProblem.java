package org.courtyard.admin.contract;

/** Thrown by a {@link FakeArea} to answer with a problem+json. */
public final class FakeProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient FakeResponse response;

  public FakeProblem(int status, String type, String title, String detail) {
    this(status, type, title, detail, java.util.Map.of());
  }

  public FakeProblem(
      int status,
      String type,
      String title,
      String detail,
      java.util.Map<String, Object> extensions) {
    super(type + ": " + detail);
    this.response = FakeResponse.problem(status, type, title, detail, extensions);
  }

  public FakeResponse response() {
    return response;
  }
}
