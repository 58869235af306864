package org.courtyard.apiversions;

import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.osgi.Jar;
import aQute.bnd.service.diff.Delta;
import aQute.bnd.service.diff.Diff;
import aQute.bnd.service.diff.Tree;
import aQute.bnd.service.diff.Type;
import aQute.bnd.version.Version;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks a bundle's exported packages against the API committed in {@code baseline/}: a package
 * whose API changed must carry a version that says how (removed or changed member: next major;
 * added member: next minor; anything else bnd notices: next micro), counted from the version the
 * baseline recorded. bnd's differ decides what a change is, so {@code @ProviderType} and
 * {@code @ConsumerType} count as they do in bnd's own baselining.
 *
 * <p>The baseline is one text file per package ({@code baseline/<package>.txt}), not per bundle, so
 * a package that moves to another bundle keeps its history. A package without a file fails the
 * check: otherwise a new package would go unchecked for ever.
 *
 * <p>Run by every bundle at {@code verify} (the root pom's {@code api-baseline} execution) with the
 * arguments {@code check|add|refresh <bundle jar> <baseline dir> <packaging>}. {@code add} records
 * the packages that have no baseline yet; {@code refresh} records the current API of every package,
 * but only of those that pass the check: it cannot hide an unbumped change.
 */
public final class ApiBaseline {

  static final String VERSION_ANNOTATION = "org.osgi.annotation.versioning.Version";

  private static final Diff.Ignore VERSION_MARKS =
      diff ->
          diff.getType() == Type.VERSION
              || (diff.getType() == Type.ANNOTATED && VERSION_ANNOTATION.equals(diff.getName()));

  private ApiBaseline() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4 || !List.of("check", "add", "refresh").contains(args[0])) {
      throw new IllegalArgumentException(
          "usage: ApiBaseline check|add|refresh <bundle jar> <baseline dir> <packaging>, got "
              + Arrays.toString(args));
    }
    if (!"jar".equals(args[3])) {
      return; // a parent pom: no bundle
    }
    File jar = new File(args[1]);
    if (!jar.isFile()) {
      throw new IllegalStateException("no bundle to check at " + jar);
    }
    Path baselines = Path.of(args[2]);
    List<PackageApi> exported = exportedApi(jar);
    List<String> problems = check(exported, baselines);
    if (!args[0].equals("check")) {
      List<PackageApi> recorded =
          args[0].equals("refresh")
              ? exported
              : exported.stream()
                  .filter(api -> !Files.exists(baselines.resolve(fileName(api.name()))))
                  .toList();
      for (String written : record(recorded, baselines, problems)) {
        System.out.println("[api-baseline] recorded " + written);
      }
      problems = check(exported, baselines);
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "API baseline check of "
              + jar.getName()
              + " failed:\n"
              + String.join("\n", problems)
              + "\nSee docs/ARCHITECTURE.md section 8 (API versions).");
    }
    for (PackageApi api : exported) {
      System.out.println(
          "[api-baseline] "
              + api.name()
              + " "
              + api.version()
              + ": version agrees with the API's"
              + " changes since baseline/"
              + fileName(api.name()));
    }
  }

  /** One exported package's API as bnd sees it, with the version the bundle exports it at. */
  record PackageApi(String name, Version version, Tree.Data tree) {}

  static List<PackageApi> exportedApi(File bundle) throws Exception {
    try (Jar jar = new Jar(bundle)) {
      Tree api = new DiffPluginImpl().tree(jar).get("<api>");
      List<PackageApi> packages = new ArrayList<>();
      if (api == null) {
        return packages;
      }
      for (Tree element : api.getChildren()) {
        if (element.getType() == Type.PACKAGE) {
          Tree.Data data = withoutJdkInternals(element.serialize());
          packages.add(new PackageApi(data.name, versionOf(data), data));
        }
      }
      return packages;
    }
  }

  static List<String> check(List<PackageApi> exported, Path baselines) throws Exception {
    List<String> problems = new ArrayList<>();
    for (PackageApi api : exported) {
      Path file = baselines.resolve(fileName(api.name()));
      if (!Files.isRegularFile(file)) {
        problems.add(
            "  "
                + api.name()
                + " "
                + api.version()
                + ": no baseline "
                + file.getFileName()
                + " yet. Record it: mvn -o verify -Dcourtyard.baseline=add -pl <bundle>");
        continue;
      }
      Tree.Data recorded =
          ApiText.read(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
      Version before = versionOf(recorded);
      DiffPluginImpl differ = new DiffPluginImpl();
      Diff diff = differ.deserialize(api.tree()).diff(differ.deserialize(recorded));
      Delta delta = diff.getDelta(VERSION_MARKS);
      Version needed = bump(delta, before);
      Version now = api.version().getWithoutQualifier();
      if (now.compareTo(before.getWithoutQualifier()) < 0) {
        problems.add(
            "  "
                + api.name()
                + " "
                + now
                + ": lower than the baseline's "
                + before
                + " ("
                + file
                + ")");
      } else if (now.compareTo(needed) < 0) {
        StringBuilder text = new StringBuilder();
        text.append("  ")
            .append(api.name())
            .append(" is ")
            .append(now)
            .append(" but its API has a ")
            .append(delta)
            .append(" change against ")
            .append(file.getFileName())
            .append(" (")
            .append(before)
            .append("): @Version in its package-info.java must be at least ")
            .append(needed);
        List<String> changes = new ArrayList<>();
        describe(diff, changes);
        int shown = Math.min(changes.size(), 40);
        for (String change : changes.subList(0, shown)) {
          text.append("\n      ").append(change);
        }
        if (shown < changes.size()) {
          text.append("\n      … and ").append(changes.size() - shown).append(" more");
        }
        problems.add(text.toString());
      }
    }
    return problems;
  }

  /** Writes the baseline of every package without a problem; returns the files written. */
  static List<String> record(List<PackageApi> exported, Path baselines, List<String> problems)
      throws IOException {
    Files.createDirectories(baselines);
    List<String> written = new ArrayList<>();
    for (PackageApi api : exported) {
      Path file = baselines.resolve(fileName(api.name()));
      if (Files.exists(file)
          && problems.stream().anyMatch(p -> p.startsWith("  " + api.name() + " "))) {
        continue; // never record over an unbumped change
      }
      String text =
          ApiText.write(
              api.tree(),
              List.of(
                  "The exported API of " + api.name() + " " + api.version() + ", as bnd sees it.",
                  "The build fails when the package's API differs from this without the version"
                      + " bump the",
                  "difference needs. After a release, record it again: docs/ARCHITECTURE.md"
                      + " section 8."));
      if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        written.add(file.toString());
      }
    }
    return written;
  }

  static String fileName(String packageName) {
    return packageName + ".txt";
  }

  static Version bump(Delta delta, Version before) {
    Version base = before.getWithoutQualifier();
    return switch (delta) {
      case IGNORED, UNCHANGED -> base;
      case MICRO, CHANGED -> new Version(base.getMajor(), base.getMinor(), base.getMicro() + 1);
      case MINOR, ADDED -> new Version(base.getMajor(), base.getMinor() + 1, 0);
      case MAJOR, REMOVED -> new Version(base.getMajor() + 1, 0, 0);
    };
  }

  private static Version versionOf(Tree.Data pkg) {
    if (pkg.children != null) {
      for (Tree.Data child : pkg.children) {
        if (child.type == Type.VERSION) {
          return Version.parseVersion(child.name);
        }
      }
    }
    return Version.emptyVersion;
  }

  /**
   * Members inherited from the JDK carry the JDK's internal annotations (Object.clone() is
   * {@code @IntrinsicCandidate}); they say nothing about Courtyard's API and differ between JDK
   * builds.
   */
  private static Tree.Data withoutJdkInternals(Tree.Data node) {
    if (node.children != null) {
      node.children =
          Arrays.stream(node.children)
              .filter(c -> !(c.type == Type.ANNOTATED && c.name.startsWith("jdk.internal.")))
              .map(ApiBaseline::withoutJdkInternals)
              .toArray(Tree.Data[]::new);
      if (node.children.length == 0) {
        node.children = null;
      }
    }
    return node;
  }

  /** The changed elements, each named by its path: "removed METHOD Foo > bar()". */
  private static void describe(Diff diff, List<String> out) {
    describe(diff, "", out);
  }

  private static void describe(Diff diff, String path, List<String> out) {
    Delta delta = diff.getDelta(VERSION_MARKS);
    if (delta == Delta.UNCHANGED || delta == Delta.IGNORED) {
      return;
    }
    String here = path.isEmpty() ? diff.getName() : path + " > " + diff.getName();
    if (delta == Delta.ADDED || delta == Delta.REMOVED) {
      Tree tree = delta == Delta.ADDED ? diff.getNewer() : diff.getOlder();
      Delta meaning = delta == Delta.ADDED ? tree.ifAdded() : tree.ifRemoved();
      out.add(
          delta.name().toLowerCase() + " " + diff.getType() + " " + here + " (" + meaning + ")");
      return;
    }
    if (diff.getChildren().isEmpty()) {
      out.add("changed " + diff.getType() + " " + here + " (" + delta + ")");
      return;
    }
    for (Diff child : diff.getChildren()) {
      describe(child, diff.getType() == Type.PACKAGE ? "" : here, out);
    }
  }
}
