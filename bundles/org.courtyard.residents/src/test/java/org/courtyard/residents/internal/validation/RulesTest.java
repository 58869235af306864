package org.courtyard.residents.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TextRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RulesTest {

  private final FieldErrors errors = new FieldErrors();

  private List<String> messages() {
    return errors.errors().stream().map(e -> e.get("field") + " " + e.get("message")).toList();
  }

  private Rules.Identity identity(String type, String number) {
    return Rules.identity(type, number, "idType", "idNumber", errors::add);
  }

  @Test
  void namesAreTrimmedAndMeasuredInCharacters() {
    assertThat(Rules.name("\u3000 张三 ", "fullName", errors::add)).isEqualTo("张三");
    assertThat(Rules.name("王".repeat(100), "fullName", errors::add)).hasSize(100);
    assertThat(Rules.name("王".repeat(101), "fullName", errors::add)).isNull();
    assertThat(Rules.name(" ", "fullName", errors::add)).isNull();
    assertThat(Rules.name("Li\nLei", "fullName", errors::add)).isNull();

    assertThat(messages())
        .containsExactly(
            "fullName must be at most 100 characters (got 101)",
            "fullName is required",
            "fullName must not contain line breaks, tabs or other control characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"li.lei@example.com", "wang+home@mail.example.cn", "a@b.c"})
  void acceptsEmailAddresses(String email) {
    assertThat(Rules.email(email, "email", errors::add)).isEqualTo(email);
    assertThat(errors.isEmpty()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"li.lei", "li lei@example.com", "@example.com", "a@b", "a@@b.c"})
  void refusesWhatIsNoEmailAddress(String email) {
    assertThat(Rules.email(email, "email", errors::add)).isNull();
    assertThat(messages()).singleElement().asString().startsWith("email is not an e-mail address");
  }

  @Test
  void aBlankOptionalValueIsAbsent() {
    assertThat(Rules.email("  ", "email", errors::add)).isNull();
    assertThat(Rules.note(null, "note", errors::add)).isNull();
    assertThat(TextRules.optionalLine("", "color", Rules.COLOR_MAX, errors::add)).isNull();
    assertThat(errors.isEmpty()).isTrue();
  }

  @Test
  void notesMaySpanLinesButHoldNoOtherControlCharacters() {
    assertThat(Rules.note("Owner abroad.\r\nCall the daughter.\tThanks", "note", errors::add))
        .contains("\r\n");
    assertThat(Rules.note("bell\u0007", "note", errors::add)).isNull();
    assertThat(Rules.note("x".repeat(1001), "note", errors::add)).isNull();

    assertThat(messages())
        .containsExactly(
            "note must not contain control characters other than line breaks and tabs",
            "note must be at most 1000 characters (got 1001)");
  }

  @Test
  void anIdNumberWithoutTypeIsAResidentIdentityNumber() {
    Rules.Identity id = identity(null, "11010519491231002x");

    assertThat(id).isEqualTo(new Rules.Identity(IdType.RESIDENT_ID, "11010519491231002X"));
    assertThat(id.typeValue()).isEqualTo("resident_id");
  }

  @Test
  void anInvalidResidentIdentityNumberIsReportedOnTheNumber() {
    assertThat(identity("resident_id", "110101199003071234")).isNull();

    assertThat(messages())
        .singleElement()
        .asString()
        .startsWith("idNumber is not a valid resident");
  }

  @Test
  void passportNumbersAreFreeTextInUpperCase() {
    assertThat(identity("Passport", " e12345678 "))
        .isEqualTo(new Rules.Identity(IdType.PASSPORT, "E12345678"));
    assertThat(identity("other", "港澳通行证 C1234567"))
        .isEqualTo(new Rules.Identity(IdType.OTHER, "港澳通行证 C1234567"));
    assertThat(identity("passport", "X".repeat(33))).isNull();

    assertThat(messages()).containsExactly("idNumber must be at most 32 characters (got 33)");
  }

  @Test
  void withoutANumberTheTypeIsKeptAndNothingIsChecked() {
    assertThat(identity("resident_id", " "))
        .isEqualTo(new Rules.Identity(IdType.RESIDENT_ID, null));
    assertThat(identity(null, null)).isEqualTo(new Rules.Identity(null, null));
    assertThat(identity(null, null).typeValue()).isNull();
    assertThat(errors.isEmpty()).isTrue();
  }

  @Test
  void anUnknownIdTypeIsReported() {
    assertThat(identity("driving_licence", "123")).isNull();

    assertThat(messages())
        .containsExactly(
            "idType must be one of resident_id, passport, other (got \"driving_licence\")");
  }

  @Test
  void rolesAreParsedInAnyLetterCase() {
    assertThat(Rules.role(" Owner ", "role", errors::add)).isEqualTo(OccupancyRole.OWNER);
    assertThat(Rules.role("landlord", "role", errors::add)).isNull();
    assertThat(Rules.role(null, "role", errors::add)).isNull();

    assertThat(messages())
        .containsExactly(
            "role must be one of owner, occupant, tenant, family (got \"landlord\")",
            "role is required");
  }

  @Test
  void datesAreRequiredAndPlausible() {
    assertThat(Rules.date(LocalDate.of(2024, 3, 1), "moveIn", errors::add))
        .isEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(Rules.date(null, "moveIn", errors::add)).isNull();
    assertThat(Rules.date(LocalDate.of(1024, 3, 1), "moveIn", errors::add)).isNull();

    assertThat(messages())
        .containsExactly(
            "moveIn is required",
            "moveIn must be between 1900-01-01 and 2199-12-31 (got 1024-03-01)");
  }

  @Test
  void allProblemsOfARequestAreAnsweredTogether() {
    Rules.name(null, "fullName", errors::add);
    PhoneNumbers.phone("12", "phone", errors::add);
    TextRules.required(null, "version", errors::add);

    assertThatThrownBy(errors::throwIfAny)
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> {
              assertThat(p.status()).isEqualTo(422);
              assertThat(p.type()).isEqualTo("validation-failed");
              @SuppressWarnings("unchecked")
              List<Map<String, Object>> list =
                  (List<Map<String, Object>>) p.extensions().get("errors");
              assertThat(list)
                  .extracting(e -> e.get("field"))
                  .containsExactly("fullName", "phone", "version");
            });
  }
}
