package org.courtyard.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.courtyard.api.ProblemException;
import org.courtyard.api.ResidentContacts;
import org.courtyard.api.RetryLaterException;
import org.courtyard.api.Tenant;
import org.courtyard.api.TenantService;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Text;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.identity.internal.dto.CodeSentView;
import org.courtyard.identity.internal.dto.ResidentCodeInput;
import org.courtyard.identity.internal.dto.ResidentVerifyInput;
import org.courtyard.identity.internal.dto.ResidentView;
import org.courtyard.identity.internal.dto.TokenView;
import org.courtyard.messaging.Address;
import org.courtyard.messaging.Message;
import org.courtyard.messaging.Messages;
import org.courtyard.messaging.Sending;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Residents sign in with their phone number or e-mail address and a one-time code: six digits,
 * valid five minutes, five tries, at most one a minute and five an hour per address. Asking for a
 * code answers the same whether or not the address belongs to a resident, so nobody learns who
 * lives where; the code goes out through {@link Messages} (e-mail, the log in development, SMS when
 * a channel brings it). The right code makes the person's account on first use and opens a session
 * like a staff member's, whose access token names the person: the residents' own pages ({@code
 * my-...} permissions) show that person's rooms and nothing else.
 */
final class ResidentSignIn {

  private static final Logger LOG = LoggerFactory.getLogger(ResidentSignIn.class);
  private static final Texts TEXTS = Texts.of(ResidentSignIn.class);

  static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
  static final int TRIES = 5;
  static final Duration RESEND_AFTER = Duration.ofMinutes(1);
  static final int PER_HOUR = 5;
  private static final String PURPOSE = "sign-in-code";
  private static final String VERIFY = "POST /auth/resident/verify";

  private final TenantService tenants;
  private final TenantStores stores;
  private final Sessions sessions;
  private final AuditLog audit;
  private final SecureRandom random = new SecureRandom();
  private volatile ResidentContacts contacts;
  private volatile Messages messages;

  ResidentSignIn(TenantService tenants, TenantStores stores, Sessions sessions, AuditLog audit) {
    this.tenants = tenants;
    this.stores = stores;
    this.sessions = sessions;
    this.audit = audit;
  }

  /** The residents module's contacts, while it is installed; null otherwise. */
  void contacts(ResidentContacts contacts) {
    this.contacts = contacts;
  }

  /** The message channels, while the messaging bundle runs; null otherwise. */
  void messages(Messages messages) {
    this.messages = messages;
  }

  /** Where a code is asked for or checked: the company and one normalized address. */
  private record Where(TenantSlug tenant, String tenantName, String kind, String address) {
    String key() {
      return kind + ":" + address;
    }

    String masked() {
      return new Address(kind, address).masked();
    }
  }

  CodeSentView requestCode(ResidentCodeInput in, String source) {
    if (in == null) {
      throw missing();
    }
    Where where = where(in.tenant(), in.phone(), in.email());
    List<ResidentContacts.Contact> persons = persons(where);
    String code = persons.isEmpty() ? null : String.format("%06d", random.nextInt(1_000_000));
    stores
        .of(where.tenant())
        .transaction(
            c -> {
              throttle(c, where.key());
              store(c, where.key(), code);
              return null;
            });
    if (code == null) {
      LOG.debug("No resident of {} at {}: no code sent", where.tenant(), where.masked());
    } else {
      send(where, code, language(in.language()));
    }
    return new CodeSentView(where.masked(), CODE_LIFETIME.toSeconds(), RESEND_AFTER.toSeconds());
  }

  /**
   * Checks the code and signs the resident in. Every attempt on an existing company leaves one row
   * in its audit log: the sign-in in the session's transaction, a refusal on its own.
   */
  TokenView verify(ResidentVerifyInput in, String source, String userAgent) {
    if (in == null) {
      throw missing();
    }
    Where where = where(in.tenant(), in.phone(), in.email());
    try {
      return signIn(where, in, source, userAgent);
    } catch (ProblemException refused) {
      audit.record(
          Sessions.signInAudit(where.tenant(), "resident", "?", where.masked(), VERIFY, source),
          refused.status() + " " + refused.type());
      throw refused;
    }
  }

  private TokenView signIn(Where where, ResidentVerifyInput in, String source, String userAgent) {
    String code = TextRules.trimToNull(in.code());
    if (code == null || !code.matches("[0-9]{6}")) {
      throw new ProblemException(
          400,
          "invalid-code",
          TEXTS.text("residents.six-digits-title"),
          TEXTS.text("residents.six-digits"),
          Map.of());
    }
    List<ResidentContacts.Contact> persons = persons(where);
    UUID sid = UUID.randomUUID();
    String secret = sessions.secret();
    Instant expires = Instant.now().plus(sessions.refreshLifetime());
    Outcome outcome =
        stores
            .of(where.tenant())
            .transaction(
                c -> {
                  Outcome checked = check(c, where.key(), code);
                  if (checked != null) {
                    return checked;
                  }
                  ResidentContacts.Contact person = choose(persons, in.personId());
                  if (person == null) {
                    return persons.isEmpty() ? Outcome.wrong(0) : Outcome.choose(persons);
                  }
                  consume(c, where.key());
                  Sessions.Holder holder = account(c, person, where);
                  if (holder == null) {
                    return Outcome.DISABLED;
                  }
                  Sessions.insertSession(
                      c, sid, null, holder.id(), secret, expires, source, userAgent);
                  AuditLog.insert(
                      c,
                      Sessions.signInAudit(
                          where.tenant(),
                          "resident",
                          Long.toString(person.personId()),
                          holder.name(),
                          VERIFY,
                          source),
                      "ok");
                  return new Outcome(holder, 0, List.of());
                });
    if (outcome.holder != null) {
      return sessions.answer(where.tenant(), outcome.holder, sid, secret, expires);
    }
    if (outcome == Outcome.DISABLED) {
      throw TEXTS.problem(403, "resident-disabled", "residents.disabled");
    }
    if (!outcome.choices.isEmpty()) {
      throw TEXTS.problem(
          409,
          "choose-person",
          Map.of(
              "persons",
              outcome.choices.stream()
                  .map(p -> Map.of("personId", p.personId(), "fullName", p.fullName()))
                  .toList()),
          "residents.choose-person");
    }
    Map<String, Object> triesLeft = Map.of("triesLeft", outcome.triesLeft);
    if (outcome.triesLeft <= 0) {
      throw TEXTS.problem(401, "invalid-code", triesLeft, "residents.code-used-up");
    }
    throw outcome.triesLeft == 1
        ? TEXTS.problem(401, "invalid-code", triesLeft, "residents.wrong-code-try", 1)
        : TEXTS.problem(
            401, "invalid-code", triesLeft, "residents.wrong-code-tries", outcome.triesLeft);
  }

  /** What checking a code came to; {@code holder} set when the resident is signed in. */
  private record Outcome(
      Sessions.Holder holder, int triesLeft, List<ResidentContacts.Contact> choices) {
    static final Outcome DISABLED = new Outcome(null, 0, List.of());

    static Outcome wrong(int triesLeft) {
      return new Outcome(null, triesLeft, List.of());
    }

    static Outcome choose(List<ResidentContacts.Contact> persons) {
      return new Outcome(null, 0, persons);
    }
  }

  private static ResidentContacts.Contact choose(
      List<ResidentContacts.Contact> persons, Long personId) {
    if (persons.size() == 1 && (personId == null || persons.get(0).personId() == personId)) {
      return persons.get(0);
    }
    return persons.stream()
        .filter(p -> personId != null && p.personId() == personId)
        .findFirst()
        .orElse(null);
  }

  /**
   * Null when the code is right; otherwise the outcome, a wrong code costing a try (the last one
   * ends the code).
   */
  private Outcome check(Connection c, String key, String code) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select code_hash, salt, tries_left from resident_code where address = ?"
                + " and code_hash is not null and expires_at > now() and tries_left > 0"
                + " for update")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Outcome.wrong(0);
        }
        if (MessageDigest.isEqual(
            rs.getString(1).getBytes(StandardCharsets.US_ASCII),
            mac(rs.getString(2), code).getBytes(StandardCharsets.US_ASCII))) {
          return null;
        }
        int left = rs.getInt(3) - 1;
        try (PreparedStatement u =
            c.prepareStatement(
                "update resident_code set tries_left = ?,"
                    + " code_hash = case when ? > 0 then code_hash end where address = ?")) {
          u.setInt(1, left);
          u.setInt(2, left);
          u.setString(3, key);
          u.executeUpdate();
        }
        return Outcome.wrong(left);
      }
    }
  }

  private static void consume(Connection c, String key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update resident_code set code_hash = null, tries_left = 0 where address = ?")) {
      ps.setString(1, key);
      ps.executeUpdate();
    }
  }

  /** The person's account, made on first sign-in; null when it is disabled. */
  private static Sessions.Holder account(Connection c, ResidentContacts.Contact person, Where where)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into resident_account (person_id, display_name, last_kind, last_address,"
                + " last_login_at) values (?, ?, ?, ?, now()) on conflict (person_id) do update"
                + " set display_name = excluded.display_name, last_kind = excluded.last_kind,"
                + " last_address = excluded.last_address, last_login_at = now()"
                + " returning id, status, token_version")) {
      ps.setLong(1, person.personId());
      ps.setString(2, TextRules.clip(person.fullName(), 100));
      ps.setString(3, where.kind());
      ps.setString(4, where.masked());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (!ResidentAccounts.ACTIVE.equals(rs.getString(2))) {
          return null;
        }
        return Sessions.Holder.resident(
            new ResidentView(rs.getLong(1), person.personId(), person.fullName()), rs.getInt(3));
      }
    }
  }

  /**
   * At most one code a minute and {@value #PER_HOUR} an hour per address, counted whether or not
   * anyone lives there.
   */
  private static void throttle(Connection c, String key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into resident_code (address) values (?) on conflict do nothing")) {
      ps.setString(1, key);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "select extract(epoch from now() - last_sent_at), sent_in_window,"
                + " extract(epoch from window_start + interval '1 hour' - now())"
                + " from resident_code where address = ? for update")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        double sinceLast = rs.getDouble(1);
        int sent = rs.getInt(2);
        double windowLeft = rs.getDouble(3);
        if (sent > 0 && sinceLast < RESEND_AFTER.toSeconds()) {
          throw tooSoon((long) Math.ceil(RESEND_AFTER.toSeconds() - sinceLast));
        }
        if (sent >= PER_HOUR && windowLeft > 0) {
          throw tooSoon((long) Math.ceil(windowLeft));
        }
      }
    }
  }

  private void store(Connection c, String key, String code) throws SQLException {
    String salt = code == null ? null : sessions.secret();
    try (PreparedStatement ps =
        c.prepareStatement(
            "update resident_code set code_hash = ?, salt = ?, expires_at = ?, tries_left = ?,"
                + " last_sent_at = now(),"
                + " sent_in_window = case when window_start + interval '1 hour' <= now() then 1"
                + " else sent_in_window + 1 end,"
                + " window_start = case when window_start + interval '1 hour' <= now() then now()"
                + " else window_start end"
                + " where address = ?")) {
      ps.setString(1, code == null ? null : mac(salt, code));
      ps.setString(2, salt);
      ps.setTimestamp(3, Timestamp.from(Instant.now().plus(CODE_LIFETIME)));
      ps.setInt(4, code == null ? 0 : TRIES);
      ps.setString(5, key);
      ps.executeUpdate();
    }
  }

  private void send(Where where, String code, Locale language) {
    Messages channels = messages;
    if (channels == null) {
      throw notSent(TEXTS.text("residents.no-messaging"), 30);
    }
    boolean zh = "zh".equals(language.getLanguage());
    String company = where.tenantName();
    String subject = zh ? "【" + company + "】登录验证码" : company + ": your sign-in code";
    String text =
        zh
            ? "您的登录验证码是 "
                + code
                + "，"
                + CODE_LIFETIME.toMinutes()
                + " 分钟内有效。请勿告诉他人；如非本人操作，请忽略。\n\n——"
                + company
            : "Your sign-in code is "
                + code
                + ". It is valid for "
                + CODE_LIFETIME.toMinutes()
                + " minutes. Do not share it; if you did not ask for it, ignore this message.\n\n"
                + company;
    Address to =
        ResidentContacts.PHONE.equals(where.kind())
            ? Address.phone(where.address())
            : Address.email(where.address());
    Sending sending =
        channels.send(Message.text(where.tenant(), to, PURPOSE, language, subject, text));
    if (!sending.isAccepted()) {
      LOG.warn("Sign-in code for {} not taken: {}", to, sending);
      throw notSent(
          switch (sending.refusal()) {
            case NO_CHANNEL -> TEXTS.text("residents.no-channel");
            case THROTTLED -> TEXTS.text("residents.throttled");
            case BUSY -> TEXTS.text("residents.busy");
          },
          Math.max(1, sending.retryAfter().toSeconds()));
    }
  }

  private List<ResidentContacts.Contact> persons(Where where) {
    ResidentContacts directory = contacts;
    return directory == null
        ? List.of()
        : directory.reachableAt(where.tenant(), where.kind(), where.address());
  }

  private Where where(String tenantSlug, String phone, String email) {
    String slug = tenantSlug == null ? "" : tenantSlug.strip().toLowerCase(Locale.ROOT);
    boolean byPhone = TextRules.trimToNull(phone) != null;
    boolean byEmail = TextRules.trimToNull(email) != null;
    if (slug.isEmpty() || byPhone == byEmail) {
      throw missing();
    }
    Optional<Tenant> tenant = TenantSlug.isValid(slug) ? tenants.find(slug) : Optional.empty();
    if (tenant.isEmpty()) {
      throw TEXTS.problem(404, "unknown-company", "residents.unknown-company", slug);
    }
    Sessions.requireActive(tenant.get());
    String kind = byPhone ? ResidentContacts.PHONE : ResidentContacts.EMAIL;
    String raw = byPhone ? phone : email;
    ResidentContacts directory = contacts;
    String address =
        directory == null
            ? raw.strip().toLowerCase(Locale.ROOT)
            : directory.normalize(kind, raw).orElseThrow(() -> invalidAddress(byPhone));
    return new Where(TenantSlug.of(slug), tenant.get().name, kind, address);
  }

  private static Locale language(String language) {
    return language != null && language.strip().toLowerCase(Locale.ROOT).startsWith("en")
        ? Locale.ENGLISH
        : Locale.SIMPLIFIED_CHINESE;
  }

  private static String mac(String salt, String code) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(code.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ProblemException missing() {
    return TEXTS.problem(400, "missing-address", "residents.missing-address");
  }

  /** 422 {@code invalid-address}, titled after what the address was meant to be. */
  private static ProblemException invalidAddress(boolean phone) {
    return phone
        ? new ProblemException(
            422,
            "invalid-address",
            TEXTS.text("residents.not-a-phone-title"),
            TEXTS.text("residents.not-a-phone"),
            Map.of())
        : new ProblemException(
            422,
            "invalid-address",
            TEXTS.text("residents.not-an-email-title"),
            TEXTS.text("residents.not-an-email"),
            Map.of());
  }

  private static RetryLaterException tooSoon(long seconds) {
    return TEXTS.retryLater(429, "too-many-codes", seconds, "residents.too-many-codes", seconds);
  }

  private static RetryLaterException notSent(Text why, long seconds) {
    return new RetryLaterException(
        503, "code-not-sent", TEXTS.title("code-not-sent"), why, seconds);
  }
}
