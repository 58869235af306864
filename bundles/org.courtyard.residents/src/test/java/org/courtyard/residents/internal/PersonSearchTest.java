package org.courtyard.residents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonSearchTest {

  @Test
  void aBlankQueryFindsEveryone() {
    assertThat(PersonSearch.of(null)).isNull();
    assertThat(PersonSearch.of(" \u3000 ")).isNull();
  }

  @Test
  void aNameIsSearchedAnywhereWithoutRegardToCase() {
    PersonSearch search = PersonSearch.of(" Lei ");

    assertThat(search.namePattern()).isEqualTo("%lei%");
    assertThat(search.phoneSuffix()).isNull();
  }

  @Test
  void aPhoneNumberIsSearchedByItsLastDigitsInStoredForm() {
    assertThat(PersonSearch.of("138 1234 5678").phoneSuffix()).isEqualTo("8613812345678");
    assertThat(PersonSearch.of("5678").phoneSuffix()).isEqualTo("5678");
    assertThat(PersonSearch.of("567").phoneSuffix()).isNull();
  }

  @Test
  void aPlateIsSearchedNormalised() {
    PersonSearch search = PersonSearch.of("粤b·123");

    assertThat(search.platePattern()).isEqualTo("%粤B123%");
    assertThat(search.phoneSuffix()).isNull();
  }

  @Test
  void likeWildcardsInTheQueryMatchOnlyThemselves() {
    assertThat(PersonSearch.contains("50%_off!")).isEqualTo("%50!%!_off!!%");
    assertThat(PersonSearch.of("%").namePattern()).isEqualTo("%!%%");
  }

  @Test
  void aVeryLongQueryIsCutWithoutSplittingACharacter() {
    PersonSearch search = PersonSearch.of("𠀀".repeat(150));

    // 100 characters outside the BMP, each two UTF-16 units, between the two wildcards
    assertThat(search.namePattern()).hasSize(2 + 200);
  }
}
