package org.courtyard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The message catalogues of every bundle of the repository ({@code bundles/*}): each English
 * catalogue has a Chinese one with the same keys and the same placeholders, every pattern is one
 * {@link MessageFormat} reads as meant, every key the code asks a {@link Texts} for exists, and no
 * problem is built from English strings any more. A repository check run with the API's tests, as
 * every build of a module that uses the API builds the API too.
 */
class ProblemCataloguesTest {

  /** {@code TEXTS.problem(}, {@code TEXTS.text(}, {@code TEXTS.retryLater(}, {@code .title(}. */
  private static final Pattern CALL =
      Pattern.compile("\\bTEXTS\\s*\\.\\s*(problem|text|retryLater|title)\\s*\\(");

  private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+");
  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]*");

  /** A problem built from English strings: a literal title after the type. */
  private static final Pattern ENGLISH_PROBLEM =
      Pattern.compile(
          "(new\\s+(ProblemException|RetryLaterException)\\s*\\(\\s*[\\w.]+\\s*,"
              + "|ProblemException\\s*\\.\\s*(badRequest|notFound|conflict|unprocessable)\\s*\\("
              + "|FieldErrors\\s*\\.\\s*single\\s*\\(|\\.toProblem\\s*\\()"
              + "\\s*[\\w.\"-]+\\s*,\\s*\"");

  /** A shared problem given an English label or detail. */
  private static final Pattern ENGLISH_SHARED =
      Pattern.compile(
          "Problems\\s*\\.\\s*(notFound|changedMeanwhile|staleVersion|outsideScope|duplicate)"
              + "\\s*\\(\\s*\"");

  /**
   * Bundles whose problems are still built from English strings: the list only shrinks. A bundle
   * here still answers in English whatever the request asks for.
   */
  private static final Set<String> NOT_YET_CONVERTED = Set.of();

  private static Path repository;
  private static List<Path> modules;

  @BeforeAll
  static void findRepository() throws IOException {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("bundles"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("the repository root above " + Path.of("").toAbsolutePath()).isNotNull();
    repository = dir;
    try (Stream<Path> list = Files.list(dir.resolve("bundles"))) {
      modules = list.filter(p -> Files.isDirectory(p.resolve("src/main"))).sorted().toList();
    }
    assertThat(modules).isNotEmpty();
  }

  @Test
  void everyCatalogueHasChineseWithTheSameKeysAndPlaceholders() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path english : catalogues()) {
      Path chinese = english.resolveSibling(Texts.BASE_NAME + "_zh.properties");
      String where = repository.relativize(english).toString();
      if (!Files.exists(chinese)) {
        problems.add(where + ": no " + chinese.getFileName());
        continue;
      }
      Map<String, String> en = read(english);
      Map<String, String> zh = read(chinese);
      for (String key : difference(en.keySet(), zh.keySet())) {
        problems.add(where + ": " + key + " has no Chinese");
      }
      for (String key : difference(zh.keySet(), en.keySet())) {
        problems.add(where + ": " + key + " is Chinese only");
      }
      for (Map.Entry<String, String> e : en.entrySet()) {
        String key = e.getKey();
        problems.addAll(patternProblems(where, key, e.getValue()));
        if (zh.containsKey(key)) {
          problems.addAll(patternProblems(where + " (zh)", key, zh.get(key)));
          Set<Integer> enArgs = placeholders(e.getValue());
          Set<Integer> zhArgs = placeholders(zh.get(key));
          if (!enArgs.equals(zhArgs)) {
            problems.add(where + ": " + key + " uses " + enArgs + " in English, " + zhArgs);
          }
          if (!saysSomethingInChinese(zh.get(key))) {
            problems.add(where + ": " + key + " is not translated: " + zh.get(key));
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyKeyTheCodeAsksForExists() throws IOException {
    Map<String, String> api =
        read(
            repository
                .resolve("bundles/org.courtyard.api/src/main/resources/org/courtyard/api/")
                .resolve(Texts.BASE_NAME + ".properties"));
    List<String> problems = new ArrayList<>();
    int calls = 0;
    for (Path module : modules) {
      Set<String> known = new TreeSet<>(api.keySet());
      for (Path catalogue : catalogues(module)) {
        known.addAll(read(catalogue).keySet());
      }
      for (Path source : sources(module)) {
        String code = withoutComments(Files.readString(source));
        Matcher call = CALL.matcher(code);
        while (call.find()) {
          calls++;
          String where = repository.relativize(source) + ":" + line(code, call.start());
          List<String> args = split(arguments(code, call.end() - 1));
          String method = call.group(1);
          if (method.equals("title")) {
            String type = literal(args, 0);
            if (type != null) { // a type held in a constant is checked where its problems are
              requireKey(known, "title." + type, where, problems);
            }
            continue;
          }
          String key =
              args.stream()
                  .map(a -> literal(List.of(a), 0))
                  .filter(l -> l != null && KEY.matcher(l).matches())
                  .findFirst()
                  .orElse(null);
          if (key == null) {
            problems.add(where + ": the key is not a literal, so no check can find it");
            continue;
          }
          requireKey(known, key, where, problems);
          String type = method.equals("text") ? null : literal(args, 1);
          if (type != null && TYPE.matcher(type).matches()) {
            requireKey(known, "title." + type, where, problems);
          }
        }
      }
    }
    assertThat(calls).as("catalogue calls found").isGreaterThan(20);
    assertThat(problems).isEmpty();
  }

  @Test
  void noProblemIsBuiltFromEnglishStrings() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path module : modules) {
      if (NOT_YET_CONVERTED.contains(module.getFileName().toString())) {
        continue;
      }
      for (Path source : sources(module)) {
        String code = withoutComments(Files.readString(source));
        for (Pattern english : List.of(ENGLISH_PROBLEM, ENGLISH_SHARED)) {
          Matcher m = english.matcher(code);
          while (m.find()) {
            problems.add(repository.relativize(source) + ":" + line(code, m.start()));
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  private static void requireKey(Set<String> known, String key, String where, List<String> out) {
    if (!known.contains(key)) {
      out.add(where + ": no message " + key);
    }
  }

  /** What MessageFormat would make of a pattern written as if it were plain text. */
  private static List<String> patternProblems(String where, String key, String pattern) {
    List<String> problems = new ArrayList<>();
    try {
      new MessageFormat(pattern);
    } catch (IllegalArgumentException e) {
      problems.add(where + ": " + key + " is no MessageFormat pattern: " + e.getMessage());
      return problems;
    }
    // every apostrophe doubled, or quoting a brace: a lone one vanishes or swallows a placeholder
    String rest = pattern.replace("''", "").replace("'{'", "").replace("'}'", "");
    if (rest.indexOf('\'') >= 0) {
      problems.add(where + ": " + key + " has a lone apostrophe (write '' for one)");
    }
    Set<Integer> written = new TreeSet<>();
    Matcher m = Pattern.compile("\\{(\\d+)\\}").matcher(pattern.replace("''", ""));
    while (m.find()) {
      written.add(Integer.valueOf(m.group(1)));
    }
    if (!written.equals(placeholders(pattern))) {
      problems.add(where + ": " + key + " has placeholders MessageFormat does not see");
    }
    return problems;
  }

  /** The arguments a pattern shows, found by formatting it with recognisable values. */
  private static Set<Integer> placeholders(String pattern) {
    Object[] args = new Object[10];
    for (int i = 0; i < args.length; i++) {
      args[i] = "\u0001" + i + "\u0002";
    }
    String out;
    try {
      out = new MessageFormat(pattern).format(args);
    } catch (IllegalArgumentException e) {
      return Set.of(-1);
    }
    Set<Integer> used = new TreeSet<>();
    for (int i = 0; i < args.length; i++) {
      if (out.contains((String) args[i])) {
        used.add(i);
      }
    }
    return used;
  }

  /** A Chinese ideograph, or no letters at all ("{0}：{1}"). */
  private static boolean saysSomethingInChinese(String pattern) {
    String text = pattern.replaceAll("\\{\\d+\\}", "");
    return text.codePoints()
            .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
        || text.chars().noneMatch(Character::isLetter);
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> d = new TreeSet<>(a);
    d.removeAll(b);
    return d;
  }

  private static Map<String, String> read(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    Map<String, String> map = new TreeMap<>();
    p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k)));
    return map;
  }

  private static List<Path> catalogues() throws IOException {
    List<Path> all = new ArrayList<>();
    for (Path module : modules) {
      all.addAll(catalogues(module));
    }
    assertThat(all).isNotEmpty();
    return all;
  }

  private static List<Path> catalogues(Path module) throws IOException {
    Path resources = module.resolve("src/main/resources");
    if (!Files.isDirectory(resources)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(resources)) {
      return files
          .filter(p -> p.getFileName().toString().equals(Texts.BASE_NAME + ".properties"))
          .sorted()
          .toList();
    }
  }

  private static List<Path> sources(Path module) throws IOException {
    try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  /** The text from the call's opening parenthesis to its closing one. */
  private static String arguments(String code, int open) {
    int depth = 0;
    for (int i = open; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '"') {
        i = endOfLiteral(code, i);
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return code.substring(open, i + 1);
      }
    }
    return code.substring(open);
  }

  private static int endOfLiteral(String code, int quote) {
    int i = quote + 1;
    while (i < code.length() && code.charAt(i) != '"') {
      i += code.charAt(i) == '\\' ? 2 : 1;
    }
    return i;
  }

  /** The arguments of {@code (a, f(b, c), "d")}, split at its top-level commas. */
  private static List<String> split(String call) {
    List<String> args = new ArrayList<>();
    int depth = 0;
    int start = 1;
    for (int i = 0; i < call.length(); i++) {
      char c = call.charAt(i);
      if (c == '"') {
        i = endOfLiteral(call, i);
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 1) {
        args.add(call.substring(start, i).strip());
        start = i + 1;
      }
    }
    args.add(call.substring(start, Math.max(start, call.length() - 1)).strip());
    return args;
  }

  /** The string of argument {@code index} when it is a literal, else null. */
  private static String literal(List<String> args, int index) {
    if (index >= args.size()) {
      return null;
    }
    Matcher m = LITERAL.matcher(args.get(index));
    return m.matches() ? m.group(1) : null;
  }

  private static String withoutComments(String code) {
    return Stream.of(code.split("\n", -1))
        .map(l -> l.stripLeading().startsWith("*") || l.stripLeading().startsWith("//") ? "" : l)
        .collect(Collectors.joining("\n"));
  }

  private static int line(String code, int offset) {
    return (int) code.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
  }
}
