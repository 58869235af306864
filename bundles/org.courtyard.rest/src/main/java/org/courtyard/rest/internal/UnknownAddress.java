package org.courtyard.rest.internal;

import javax.ws.rs.Path;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Texts;

/**
 * The API's answer for an address under {@code /api} that no server takes ({@code /api}, {@code
 * /api/v2/...}): 404 problem+json, where CXF would answer with an HTML page of its own. Served at
 * the root, the address every other server's is longer than, so CXF chooses it only when nothing
 * else matches.
 */
@Path("/")
public final class UnknownAddress {

  private static final Texts TEXTS = Texts.of(UnknownAddress.class);

  /** Every method, every path below the root. */
  @Path("{path: .*}")
  public Object anything() {
    throw notFound();
  }

  static ProblemException notFound() {
    return TEXTS.problem(404, "not-found", "unknown-address.not-found");
  }
}
