package org.courtyard.rest.internal;

import javax.ws.rs.Path;
import org.courtyard.api.ProblemException;

/**
 * The API's answer for an address under {@code /api} that no server takes ({@code /api}, {@code
 * /api/v2/...}): 404 problem+json, where CXF would answer with an HTML page of its own. Served at
 * the root, the address every other server's is longer than, so CXF chooses it only when nothing
 * else matches.
 */
@Path("/")
public final class UnknownAddress {

  /** Every method, every path below the root. */
  @Path("{path: .*}")
  public Object anything() {
    throw notFound();
  }

  static ProblemException notFound() {
    return ProblemException.notFound(
        "not-found",
        "Not found",
        "Nothing is served at this address; the API is under /api/v1 (its operations are listed"
            + " in /api/v1/openapi.json).");
  }
}
