package org.courtyard.identity.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Web origins ({@code https://host[:port]}) and the addresses federated sign-in accepts: a
 * provider's and the place a sign-in returns to. Both must be https, except on the machine itself
 * ({@code http://localhost}, {@code http://127.0.0.1}, {@code http://[::1]}), as OAuth's rules for
 * native apps allow. A return target must be on the request's own origin or on one the company
 * allowed, so that no one can use a sign-in to send a browser, with tokens, elsewhere.
 */
final class Origins {

  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");
  private static final int MAX_LENGTH = 2000;

  private Origins() {}

  /** The origin of an absolute http(s) address, lower case, without its default port. */
  static Optional<String> of(URI uri) {
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!"https".equals(scheme) && !"http".equals(scheme)) {
      return Optional.empty();
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      return Optional.empty();
    }
    int port = uri.getPort();
    boolean defaultPort =
        port == -1
            || ("https".equals(scheme) && port == 443)
            || ("http".equals(scheme) && port == 80);
    return Optional.of(
        scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
  }

  /** Whether {@code uri} is https, or http to this machine. */
  static boolean secureOrLoopback(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    return "https".equals(scheme) || ("http".equals(scheme) && LOOPBACK.contains(host));
  }

  /**
   * A provider's address (its issuer or an endpoint it publishes): absolute, https or loopback
   * http, no user info, no fragment.
   */
  static Optional<URI> providerAddress(String raw) {
    URI uri = parse(raw).orElse(null);
    if (uri == null
        || of(uri).isEmpty()
        || !secureOrLoopback(uri)
        || uri.getRawUserInfo() != null
        || uri.getRawFragment() != null) {
      return Optional.empty();
    }
    return Optional.of(uri);
  }

  /** An origin a company allows sign-ins to return to, as given ({@code https://host[:port]}). */
  static Optional<String> allowedOrigin(String raw) {
    URI uri = parse(raw).orElse(null);
    if (uri == null
        || !secureOrLoopback(uri)
        || uri.getRawUserInfo() != null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null
        || !(uri.getRawPath() == null
            || uri.getRawPath().isEmpty()
            || uri.getRawPath().equals("/"))) {
      return Optional.empty();
    }
    return of(uri);
  }

  /**
   * Where a sign-in may send the browser: an absolute http(s) address on {@code requestOrigin} or
   * on one of {@code allowed}, or a path ({@code /admin/}) on {@code requestOrigin}. No user info
   * and no fragment (the tokens go there).
   */
  static Optional<URI> returnTarget(String raw, String requestOrigin, Collection<String> allowed) {
    if (raw == null || raw.length() > MAX_LENGTH || raw.indexOf('\\') >= 0) {
      return Optional.empty();
    }
    String s = raw.strip();
    if (s.startsWith("/")) {
      if (s.startsWith("//")) {
        return Optional.empty();
      }
      s = requestOrigin + s;
    }
    URI uri = parse(s).orElse(null);
    if (uri == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      return Optional.empty();
    }
    Optional<String> origin = of(uri);
    if (origin.isEmpty()
        || !(origin.get().equals(requestOrigin) || allowed.contains(origin.get()))) {
      return Optional.empty();
    }
    return Optional.of(uri);
  }

  private static Optional<URI> parse(String raw) {
    if (raw == null || raw.isBlank() || raw.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(raw.strip());
      return uri.isAbsolute() && !uri.isOpaque() ? Optional.of(uri) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
