package org.courtyard.driver.conformance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What anyone who can publish on a device's topic may send (#9): numbers that make {@code
 * BigDecimal} arithmetic hang or allocate gigabytes, NaN-like text, 10,000-digit values, deeply
 * nested JSON, 1 MiB payloads, invalid UTF-8 and NULs. Each case is tried as a whole payload for
 * every device type, and in place of each number of each good text sample, so that it reaches the
 * code that reads numbers whatever the format.
 */
final class HostileInput {

  /** A named hostile input and the payloads it becomes. */
  record Case(String name, Supplier<List<Variant>> variants) {}

  /** One payload of a case: where it came from, for the report. */
  record Variant(String where, String deviceType, byte[] payload) {}

  static final int MIB = 1 << 20;
  private static final int NESTING = 100_000;
  private static final int MAX_NUMBERS_PER_SAMPLE = 16;

  /** A hostile value this big goes in place of each sample's first number only. */
  private static final int BIG = 64 * 1024;

  private static final Pattern NUMBER =
      Pattern.compile(
          "(?<![A-Za-z0-9_.])-?[0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?(?![A-Za-z0-9_])");

  private HostileInput() {}

  /** The texts put in place of a number, and alone. */
  static List<String[]> numbers() {
    return List.of(
        new String[] {"1E-500000000", "1E-500000000"},
        new String[] {"1E-2147483647", "1E-2147483647"},
        new String[] {"1E-2147483648", "1E-2147483648"},
        new String[] {"1E+999999999", "1E+999999999"},
        new String[] {"-1E+999999999", "-1E+999999999"},
        new String[] {"1E+2147483647", "1E+2147483647"},
        new String[] {"1E309 (beyond a double)", "1E309"},
        new String[] {"4.9E-325 (below a double)", "4.9E-325"},
        new String[] {"10,000 nines", "9".repeat(10_000)},
        new String[] {"0.(9,999 zeros)1", "0." + "0".repeat(9_999) + "1"},
        new String[] {"1E-9999 written out", "1" + "0".repeat(9_999) + "E-9999"},
        new String[] {"NaN", "NaN"},
        new String[] {"Infinity", "Infinity"},
        new String[] {"-Infinity", "-Infinity"},
        new String[] {"-0", "-0"},
        new String[] {"0x1F", "0x1F"},
        new String[] {"1_000", "1_000"},
        new String[] {"Arabic-Indic digits ١٢٣", "١٢٣"},
        new String[] {"fullwidth digits １２３", "１２３"});
  }

  static List<Case> cases(List<String> deviceTypes, List<Sample> goodSamples) {
    List<Sample> text = goodSamples.stream().filter(s -> isText(s.payload())).toList();
    List<Case> cases = new ArrayList<>();
    for (String[] number : numbers()) {
      byte[] bytes = number[1].getBytes(StandardCharsets.UTF_8);
      cases.add(new Case("number " + number[0], () -> aloneAndInPlace(deviceTypes, text, bytes)));
    }
    byte[] brackets = nested("[", "]");
    cases.add(new Case("100,000 levels of [", () -> aloneAndInPlace(deviceTypes, text, brackets)));
    byte[] objects = nested("{\"a\":", "}");
    cases.add(
        new Case("100,000 levels of {\"a\":", () -> aloneAndInPlace(deviceTypes, text, objects)));
    byte[] open = "[".repeat(NESTING).getBytes(StandardCharsets.US_ASCII);
    cases.add(new Case("100,000 unclosed [", () -> aloneAndInPlace(deviceTypes, text, open)));
    byte[] digits = new byte[MIB];
    Arrays.fill(digits, (byte) '7');
    cases.add(new Case("a 1 MiB number", () -> aloneAndInPlace(deviceTypes, text, digits)));
    cases.add(new Case("a 1 MiB payload", () -> padded(deviceTypes, goodSamples)));
    for (String[] utf8 :
        List.of(
            new String[] {"C080", "overlong NUL"},
            new String[] {"EDA080", "a lone surrogate"},
            new String[] {"F4908080", "beyond U+10FFFF"},
            new String[] {"FFFE", "bytes never in UTF-8"},
            new String[] {"E282", "a truncated sequence"})) {
      byte[] bytes = HexFormat.of().parseHex(utf8[0]);
      cases.add(
          new Case(
              "invalid UTF-8 " + utf8[0] + " (" + utf8[1] + ")",
              () -> aloneAndInPlace(deviceTypes, text, bytes)));
    }
    cases.add(new Case("a NUL byte", () -> aloneAndInPlace(deviceTypes, text, new byte[] {0})));
    cases.add(
        new Case(
            "an escaped NUL \\u0000",
            () ->
                aloneAndInPlace(deviceTypes, text, "\\u0000".getBytes(StandardCharsets.US_ASCII))));
    return cases;
  }

  private static List<Variant> padded(List<String> deviceTypes, List<Sample> goodSamples) {
    List<Variant> padded = new ArrayList<>();
    for (Sample s : goodSamples) {
      byte[] p = Arrays.copyOf(s.payload(), s.payload().length + MIB);
      Arrays.fill(p, s.payload().length, p.length, (byte) ' ');
      padded.add(new Variant(s.name() + " followed by 1 MiB of spaces", s.deviceType(), p));
    }
    for (String type : deviceTypes) {
      padded.add(new Variant("1 MiB of zero bytes", type, new byte[MIB]));
    }
    return padded;
  }

  private static byte[] nested(String open, String close) {
    return (open.repeat(NESTING) + "1" + close.repeat(NESTING)).getBytes(StandardCharsets.UTF_8);
  }

  /** {@code hostile} as the whole payload for each type, and in place of each sample's numbers. */
  private static List<Variant> aloneAndInPlace(
      List<String> deviceTypes, List<Sample> textSamples, byte[] hostile) {
    List<Variant> variants = new ArrayList<>();
    for (String type : deviceTypes) {
      variants.add(new Variant("the whole payload", type, hostile));
    }
    for (Sample s : textSamples) {
      // ISO-8859-1 maps each byte to one char, so match offsets are byte offsets
      String latin1 = new String(s.payload(), StandardCharsets.ISO_8859_1);
      Matcher m = NUMBER.matcher(latin1);
      int n = 0;
      int most = hostile.length > BIG ? 1 : MAX_NUMBERS_PER_SAMPLE;
      while (m.find() && n < most) {
        n++;
        byte[] p = new byte[s.payload().length - (m.end() - m.start()) + hostile.length];
        System.arraycopy(s.payload(), 0, p, 0, m.start());
        System.arraycopy(hostile, 0, p, m.start(), hostile.length);
        System.arraycopy(
            s.payload(), m.end(), p, m.start() + hostile.length, s.payload().length - m.end());
        variants.add(
            new Variant(s.name() + ", number " + n + " (" + m.group() + ")", s.deviceType(), p));
      }
    }
    return variants;
  }

  /** Valid UTF-8 without control characters other than tab and line ends: worth editing. */
  static boolean isText(byte[] payload) {
    String s;
    try {
      s = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(payload)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
    return !s.isEmpty()
        && s.chars()
            .noneMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
  }
}
