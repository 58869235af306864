package org.courtyard.driver.conformance;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.courtyard.driver.Command;
import org.courtyard.driver.ConfigDescriptor;
import org.courtyard.driver.ConfigField;
import org.courtyard.driver.DecodeResult;
import org.courtyard.driver.Decoded;
import org.courtyard.driver.DeviceConfig;
import org.courtyard.driver.DeviceDriver;
import org.courtyard.driver.DeviceRecord;
import org.courtyard.driver.DeviceRecord.AccessEvent;
import org.courtyard.driver.DeviceRecord.Alarm;
import org.courtyard.driver.DeviceRecord.CommandAck;
import org.courtyard.driver.DeviceRecord.MeterReading;
import org.courtyard.driver.DeviceRecord.ParkingSpaceState;
import org.courtyard.driver.DeviceRecord.PlateRead;
import org.courtyard.driver.DeviceRecord.SensorValue;
import org.courtyard.driver.DriverInfo;
import org.courtyard.driver.EncodeResult;
import org.courtyard.driver.PayloadNumber;
import org.courtyard.driver.Uplink;
import org.courtyard.driver.conformance.ConformanceReport.Check;

/**
 * Checks a driver the way the gateway uses it:
 *
 * <ol>
 *   <li>its {@link DriverInfo} and {@link ConfigDescriptor} are well-formed, and the descriptor's
 *       defaults are a valid configuration;
 *   <li>every good sample decodes with every item {@code GOOD}, the same way twice, without
 *       touching the payload; every bad sample is rejected or flagged, without an exception;
 *   <li>random payloads, and mutations of the good samples (flipped bytes, truncations, appended
 *       garbage), never make {@code decode} throw, return null or take longer than the time limit;
 *   <li>hostile input, each case checked and reported by name, alone and in place of each number of
 *       the good samples: numbers such as {@code 1E-500000000}, {@code 1E-2147483647}, {@code
 *       1E+999999999} or 10,000 digits long, NaN-like text ({@code NaN}, {@code Infinity}, {@code
 *       -0}, {@code 0x1F}, {@code 1_000}, non-ASCII digits), 100,000 levels of nesting, 1 MiB
 *       payloads, invalid UTF-8 and NULs: the same rules as for fuzzing;
 *   <li>in all of these, a {@code GOOD} record is plausible: each number has at most {@value
 *       #MAX_DIGITS} digits before and after the point, each time lies in the years 1970-9999, no
 *       string holds a control character, and no detail holds a NUL (PostgreSQL refuses it);
 *   <li>a command the device type does not know is answered {@code UNSUPPORTED}, not thrown.
 * </ol>
 *
 * The fuzzing is seeded: a failure report names the seed, and {@link #seed(long)} replays it.
 */
public final class DriverConformance {

  private static final Pattern VERSION =
      Pattern.compile("^\\d+\\.\\d+\\.\\d+([.-][0-9A-Za-z.-]+)?$");
  private static final Pattern KEY = Pattern.compile("^[a-zA-Z][a-zA-Z0-9_.]{0,39}$");
  private static final int MAX_HANGS = 3;

  /** What {@link PayloadNumber} lets a driver ask for at most. */
  static final int MAX_DIGITS = PayloadNumber.MAX_DIGITS;

  private static final Instant EARLIEST = Instant.EPOCH;
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private final DeviceDriver driver;
  private final List<Sample> samples = new ArrayList<>();
  private int fuzzPayloads = 5_000;
  private long seed = System.nanoTime();
  private Duration timeLimit = Duration.ofMillis(250);
  private int hangs;

  private DriverConformance(DeviceDriver driver) {
    this.driver = Objects.requireNonNull(driver, "driver");
  }

  public static DriverConformance of(DeviceDriver driver) {
    return new DriverConformance(driver);
  }

  /** Adds the samples under {@code dir} (see {@link Sample#load}). */
  public DriverConformance samples(Path dir) {
    samples.addAll(Sample.load(dir));
    return this;
  }

  public DriverConformance sample(Sample sample) {
    samples.add(sample);
    return this;
  }

  /** How many random and mutated payloads to decode; 5,000 unless set. */
  public DriverConformance fuzzPayloads(int count) {
    this.fuzzPayloads = count;
    return this;
  }

  public DriverConformance seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** How long one decode may take; 250 ms unless set (the gateway's own limit is lower). */
  public DriverConformance timeLimit(Duration limit) {
    this.timeLimit = limit;
    return this;
  }

  public ConformanceReport run() {
    List<Check> checks = new ArrayList<>();
    DriverInfo info = attempt(checks, "info() answers", driver::info);
    ConfigDescriptor descriptor =
        attempt(checks, "configDescriptor() answers", driver::configDescriptor);
    if (info == null || descriptor == null) {
      return new ConformanceReport(driver.getClass().getName(), checks);
    }
    checkInfo(info, checks);
    DeviceConfig config =
        attempt(checks, "the descriptor's defaults configure a device", descriptor::defaults);
    checkDescriptor(descriptor, checks);
    if (config == null || info.deviceTypes().isEmpty()) {
      return new ConformanceReport(info.id(), checks);
    }
    ExecutorService[] worker = {newWorker()};
    hangs = 0;
    try {
      checkSamples(info, config, worker, checks);
      checkFuzz(info, config, worker, checks);
      checkHostile(info, config, worker, checks);
      checkCommands(info, config, checks);
    } finally {
      worker[0].shutdownNow();
    }
    return new ConformanceReport(info.id(), checks);
  }

  private void checkInfo(DriverInfo info, List<Check> checks) {
    checks.add(
        check(
            "driver id " + info.id() + " matches " + DriverInfo.ID_PATTERN,
            DriverInfo.validId(info.id()),
            null));
    checks.add(
        check(
            "driver name and vendor are given",
            !info.name().isBlank() && !info.vendor().isBlank(),
            null));
    checks.add(
        check(
            "version " + info.version() + " is major.minor.micro[-qualifier]",
            VERSION.matcher(info.version()).matches(),
            null));
    checks.add(check("at least one device type", !info.deviceTypes().isEmpty(), null));
    for (String type : info.deviceTypes()) {
      checks.add(
          check(
              "device type " + type + " matches " + DriverInfo.TYPE_PATTERN,
              DriverInfo.validDeviceType(type),
              null));
    }
    checks.add(
        check(
            "device types are distinct",
            new HashSet<>(info.deviceTypes()).size() == info.deviceTypes().size(),
            info.deviceTypes().toString()));
  }

  private void checkDescriptor(ConfigDescriptor descriptor, List<Check> checks) {
    Set<String> keys = new HashSet<>();
    for (ConfigField f : descriptor.fields()) {
      checks.add(
          check(
              "setting " + f.key() + " has a valid key",
              KEY.matcher(f.key()).matches(),
              KEY.pattern()));
      checks.add(check("setting " + f.key() + " is declared once", keys.add(f.key()), null));
      checks.add(check("setting " + f.key() + " has a label", !f.label().isBlank(), null));
      if (f.type() == ConfigField.Type.CHOICE) {
        checks.add(check("choice " + f.key() + " has options", !f.options().isEmpty(), null));
      }
      if (f.defaultValue() != null) {
        String problem = f.problem(f.defaultValue());
        checks.add(check("default of " + f.key() + " is valid", problem == null, problem));
      }
    }
    List<String> problems = descriptor.problems(Map.of("conformance.unknown", "x"));
    checks.add(
        check(
            "the descriptor refuses an unknown setting",
            problems.stream().anyMatch(p -> p.contains("conformance.unknown")),
            problems.toString()));
  }

  private void checkSamples(
      DriverInfo info, DeviceConfig config, ExecutorService[] worker, List<Check> checks) {
    if (samples.stream().noneMatch(Sample::good)) {
      checks.add(
          check("at least one good sample payload", false, "put samples in good/<device type>/"));
    }
    for (String type : info.deviceTypes()) {
      if (samples.stream().noneMatch(s -> s.good() && s.deviceType().equals(type))) {
        checks.add(
            check("a good sample for device type " + type, false, "none in good/" + type + "/"));
      }
    }
    for (Sample s : samples) {
      String name = "sample " + s.name();
      if (!info.serves(s.deviceType())) {
        checks.add(check(name + ": device type is one of the driver's", false, s.deviceType()));
        continue;
      }
      byte[] copy = s.payload().clone();
      Outcome first = decode(worker, s.deviceType(), copy, config);
      if (first.failure != null) {
        checks.add(check(name + " decodes", false, first.failure));
        continue;
      }
      checks.add(
          check(name + " leaves the payload as it was", Arrays.equals(copy, s.payload()), null));
      DecodeResult r = first.result;
      if (s.good()) {
        List<Decoded> bad = r.items().stream().filter(d -> !d.isGood()).toList();
        checks.add(
            check(
                name + " is accepted with every item GOOD",
                r.accepted() && bad.isEmpty(),
                r.accepted()
                    ? (bad.isEmpty() ? null : bad.toString())
                    : r.status() + ": " + r.detail()));
        Outcome second = decode(worker, s.deviceType(), s.payload().clone(), config);
        checks.add(
            check(
                name + " decodes the same way twice",
                second.result != null && second.result.equals(r),
                second.failure));
      } else {
        boolean flagged = !r.accepted() || r.items().stream().anyMatch(d -> !d.isGood());
        checks.add(check(name + " is rejected or flagged", flagged, r.toString()));
        if (!r.accepted()) {
          checks.add(
              check(
                  name + " says why it was rejected",
                  r.detail() != null && !r.detail().isBlank(),
                  null));
        }
      }
    }
  }

  private void checkFuzz(
      DriverInfo info, DeviceConfig config, ExecutorService[] worker, List<Check> checks) {
    Random random = new Random(seed);
    List<Sample> good = samples.stream().filter(Sample::good).toList();
    int failures = 0;
    String firstFailure = null;
    long slowestNanos = 0;
    for (int i = 0; i < fuzzPayloads && hangs < MAX_HANGS; i++) {
      String type = info.deviceTypes().get(random.nextInt(info.deviceTypes().size()));
      byte[] payload;
      if (!good.isEmpty() && random.nextBoolean()) {
        Sample base = good.get(random.nextInt(good.size()));
        type = base.deviceType();
        payload = mutate(base.payload(), random);
      } else {
        payload = new byte[random.nextInt(1025)];
        random.nextBytes(payload);
        if (random.nextInt(4) == 0) {
          // printable noise reaches deeper into text formats than arbitrary bytes do
          for (int b = 0; b < payload.length; b++) {
            payload[b] = (byte) (32 + Math.floorMod(payload[b], 95));
          }
        }
      }
      long start = System.nanoTime();
      Outcome o = decode(worker, type, payload, config);
      slowestNanos = Math.max(slowestNanos, System.nanoTime() - start);
      if (o.failure != null) {
        failures++;
        if (o.hung) {
          hangs++;
        }
        if (firstFailure == null) {
          firstFailure =
              "payload #"
                  + i
                  + " ("
                  + type
                  + ", "
                  + payload.length
                  + " bytes "
                  + java.util.HexFormat.of().formatHex(payload, 0, Math.min(payload.length, 48))
                  + (payload.length > 48 ? "…" : "")
                  + "): "
                  + o.failure;
        }
      }
    }
    checks.add(
        check(
            "fuzzing with "
                + fuzzPayloads
                + " random and mutated payloads (seed "
                + seed
                + "):"
                + " no exception, no null, no decode over "
                + timeLimit.toMillis()
                + " ms",
            failures == 0,
            failures == 0
                ? String.format(java.util.Locale.ROOT, "slowest decode %.1f ms", slowestNanos / 1e6)
                : failures
                    + " failed"
                    + (hangs >= MAX_HANGS ? " (stopped after " + hangs + " hangs)" : "")
                    + "; first: "
                    + firstFailure));
  }

  private void checkHostile(
      DriverInfo info, DeviceConfig config, ExecutorService[] worker, List<Check> checks) {
    List<Sample> good = samples.stream().filter(Sample::good).toList();
    String rules = ": no exception, no null, no decode over " + timeLimit.toMillis() + " ms";
    for (HostileInput.Case c : HostileInput.cases(info.deviceTypes(), good)) {
      String name = "hostile input, " + c.name() + rules;
      if (hangs >= MAX_HANGS) {
        checks.add(check(name, false, "not run: stopped after " + hangs + " hangs"));
        continue;
      }
      List<HostileInput.Variant> variants = c.variants().get();
      int failures = 0;
      String firstFailure = null;
      long slowestNanos = 0;
      for (HostileInput.Variant v : variants) {
        if (hangs >= MAX_HANGS) {
          break;
        }
        long start = System.nanoTime();
        Outcome o = decode(worker, v.deviceType(), v.payload(), config);
        slowestNanos = Math.max(slowestNanos, System.nanoTime() - start);
        if (o.failure != null) {
          failures++;
          if (o.hung) {
            hangs++;
          }
          if (firstFailure == null) {
            firstFailure = v.where() + " (" + v.deviceType() + "): " + o.failure;
          }
        }
      }
      checks.add(
          check(
              name,
              failures == 0,
              failures == 0
                  ? String.format(
                      java.util.Locale.ROOT,
                      "%d payloads, slowest decode %.1f ms",
                      variants.size(),
                      slowestNanos / 1e6)
                  : failures
                      + " of "
                      + variants.size()
                      + " payloads failed"
                      + (hangs >= MAX_HANGS ? " (stopped after " + hangs + " hangs)" : "")
                      + "; first: "
                      + firstFailure));
    }
  }

  private void checkCommands(DriverInfo info, DeviceConfig config, List<Check> checks) {
    for (String type : info.deviceTypes()) {
      String name = "an unknown command for " + type + " is UNSUPPORTED";
      try {
        EncodeResult r =
            driver.encode(new Command(1, "conformance-unknown-command", Map.of()), type, config);
        checks.add(
            check(
                name,
                r != null && r.status() == EncodeResult.Status.UNSUPPORTED,
                String.valueOf(r)));
      } catch (RuntimeException e) {
        checks.add(check(name, false, "threw " + e));
      }
    }
  }

  private static byte[] mutate(byte[] base, Random random) {
    switch (random.nextInt(4)) {
      case 0 -> {
        byte[] b = base.clone();
        int flips = 1 + random.nextInt(3);
        for (int i = 0; i < flips && b.length > 0; i++) {
          b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return b;
      }
      case 1 -> {
        return Arrays.copyOf(base, base.length == 0 ? 0 : random.nextInt(base.length));
      }
      case 2 -> {
        byte[] tail = new byte[1 + random.nextInt(64)];
        random.nextBytes(tail);
        byte[] b = Arrays.copyOf(base, base.length + tail.length);
        System.arraycopy(tail, 0, b, base.length, tail.length);
        return b;
      }
      default -> {
        byte[] b = base.clone();
        if (b.length > 0) {
          b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        }
        return b;
      }
    }
  }

  private record Outcome(DecodeResult result, String failure, boolean hung) {}

  private Outcome decode(
      ExecutorService[] worker, String type, byte[] payload, DeviceConfig config) {
    Uplink uplink =
        new Uplink("conformance-device", type, payload, Instant.parse("2026-01-01T00:00:00Z"));
    Future<DecodeResult> f = worker[0].submit(() -> driver.decode(uplink, config));
    try {
      DecodeResult r = f.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
      if (r == null) {
        return new Outcome(null, "returned null", false);
      }
      String implausible = implausible(r);
      return new Outcome(r, implausible, false);
    } catch (TimeoutException e) {
      f.cancel(true);
      // the worker thread may never come back: give later decodes a fresh one
      worker[0].shutdownNow();
      worker[0] = newWorker();
      return new Outcome(null, "did not return within " + timeLimit.toMillis() + " ms", true);
    } catch (ExecutionException e) {
      return new Outcome(null, "threw " + e.getCause(), false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(null, "interrupted", false);
    }
  }

  /** Why a result could not be stored as it is, or null when it can. */
  static String implausible(DecodeResult r) {
    if (r.detail() != null && r.detail().indexOf('\u0000') >= 0) {
      return "its detail holds a NUL";
    }
    int item = 0;
    for (Decoded d : r.items()) {
      item++;
      if (d.detail() != null && d.detail().indexOf('\u0000') >= 0) {
        return "item " + item + "'s detail holds a NUL";
      }
      if (!d.isGood()) {
        continue;
      }
      String problem = implausible(d.record());
      if (problem != null) {
        return "GOOD item " + item + " (" + d.record().getClass().getSimpleName() + ") " + problem;
      }
    }
    return null;
  }

  private static String implausible(DeviceRecord record) {
    if (record.at().isBefore(EARLIEST) || record.at().isAfter(LATEST)) {
      return "is timed " + record.at() + ", outside the years 1970-9999";
    }
    List<BigDecimal> numbers = new ArrayList<>();
    List<String> strings = new ArrayList<>();
    if (record instanceof MeterReading m) {
      numbers.add(m.value());
      strings.addAll(List.of(m.channel(), m.unit()));
    } else if (record instanceof SensorValue v) {
      numbers.add(v.value());
      strings.addAll(List.of(v.quantity(), v.unit()));
    } else if (record instanceof AccessEvent a) {
      strings.addAll(List.of(a.door(), a.credential()));
      strings.add(a.reason());
    } else if (record instanceof Alarm a) {
      strings.add(a.source());
      strings.add(a.detail());
    } else if (record instanceof ParkingSpaceState p) {
      strings.add(p.space());
    } else if (record instanceof CommandAck c) {
      strings.add(c.detail());
    } else if (record instanceof PlateRead r) {
      strings.add(r.lane());
      strings.add(r.plate());
      strings.add(r.snapshot());
    }
    for (BigDecimal n : numbers) {
      // precision and scale only: the number itself may be too big to print
      long before = (long) n.precision() - n.scale();
      if (before > MAX_DIGITS || n.scale() > MAX_DIGITS) {
        return "has a number of precision "
            + n.precision()
            + " and scale "
            + n.scale()
            + ", beyond "
            + MAX_DIGITS
            + " digits before or after the point";
      }
    }
    for (String s : strings) {
      if (s != null && s.chars().anyMatch(Character::isISOControl)) {
        return "has a control character in \""
            + s.replaceAll("\\p{Cc}", "\uFFFD").substring(0, Math.min(s.length(), 40))
            + "\"";
      }
    }
    return null;
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, "driver-conformance-decode");
          t.setDaemon(true);
          return t;
        });
  }

  private static <T> T attempt(List<Check> checks, String name, Supplier<T> call) {
    try {
      T value = call.get();
      checks.add(check(name, value != null, value == null ? "returned null" : null));
      return value;
    } catch (RuntimeException e) {
      checks.add(check(name, false, "threw " + e));
      return null;
    }
  }

  private static Check check(String name, boolean passed, String detail) {
    return new Check(
        name, passed, passed && detail != null && detail.length() > 200 ? null : detail);
  }
}
