package org.courtyard.persistence.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.osgi.framework.Bundle;

/**
 * Serves a module bundle's SQL migrations to Flyway straight from the bundle's entries, so Flyway
 * (embedded in this bundle) never has to scan another bundle's class path.
 */
final class BundleMigrations implements ResourceProvider {

  private final Bundle bundle;
  private final String location;

  BundleMigrations(Bundle bundle, String location) {
    this.bundle = bundle;
    this.location = location.replaceAll("^/+|/+$", "");
  }

  @Override
  public LoadableResource getResource(String name) {
    URL url = bundle.getEntry(location + "/" + name);
    return url == null ? null : new Entry(url, name);
  }

  @Override
  public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
    List<LoadableResource> found = new ArrayList<>();
    Enumeration<URL> entries = bundle.findEntries(location, "*", true);
    if (entries == null) {
      return found;
    }
    String root = "/" + location + "/";
    while (entries.hasMoreElements()) {
      URL url = entries.nextElement();
      String path = url.getPath();
      if (path.endsWith("/")) {
        continue;
      }
      int at = path.indexOf(root);
      String relative = at >= 0 ? path.substring(at + root.length()) : path;
      String filename = relative.substring(relative.lastIndexOf('/') + 1);
      if (filename.startsWith(prefix) && endsWithAny(filename, suffixes)) {
        found.add(new Entry(url, relative));
      }
    }
    return found;
  }

  private static boolean endsWithAny(String name, String[] suffixes) {
    for (String s : suffixes) {
      if (name.endsWith(s)) {
        return true;
      }
    }
    return false;
  }

  private final class Entry extends LoadableResource {
    private final URL url;
    private final String relativePath;

    Entry(URL url, String relativePath) {
      this.url = url;
      this.relativePath = relativePath;
    }

    @Override
    public Reader read() {
      try {
        return new InputStreamReader(url.openStream(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read migration " + url, e);
      }
    }

    @Override
    public String getAbsolutePath() {
      return location + "/" + relativePath;
    }

    @Override
    public String getAbsolutePathOnDisk() {
      return bundle.getSymbolicName() + "!/" + getAbsolutePath();
    }

    @Override
    public String getFilename() {
      return relativePath.substring(relativePath.lastIndexOf('/') + 1);
    }

    @Override
    public String getRelativePath() {
      return relativePath;
    }
  }
}
