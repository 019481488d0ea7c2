package org.cpor.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

  @Test
  void noHeader_isNoKey() {
    assertThat(IdempotencyKey.of(List.of())).isEmpty();
  }

  @ParameterizedTest(name = "{0} names {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "8e03978e-40d5-43e8-bc93-6894a57f9324|8e03978e-40d5-43e8-bc93-6894a57f9324",
      "'\"8e03978e-40d5-43e8-bc93-6894a57f9324\"'|8e03978e-40d5-43e8-bc93-6894a57f9324",
      "'  order-42\t'|order-42",
      "a|a",
      "'!#$%&()*+,-./:;<=>?@[]^_`{|}~'|'!#$%&()*+,-./:;<=>?@[]^_`{|}~'"})
  void bareOrQuoted_namesTheKey(String header, String key) {
    assertThat(IdempotencyKey.of(List.of(header))).isEqualTo(Optional.of(new IdempotencyKey(key)));
  }

  @Test
  void longestKey_is255Characters() {
    assertThat(IdempotencyKey.of(List.of("k".repeat(255)))).contains(new IdempotencyKey("k".repeat(255)));
    assertThatThrownBy(() -> IdempotencyKey.of(List.of("k".repeat(256))))
        .isInstanceOf(IdempotencyKey.Invalid.class).hasMessage("may have at most 255 characters (it has 256)");
    assertThatThrownBy(() -> IdempotencyKey.of(List.of("\"" + "k".repeat(256) + "\"")))
        .isInstanceOf(IdempotencyKey.Invalid.class).hasMessageContaining("at most 255");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\"\""})
  void empty_isRefused(String header) {
    assertThatThrownBy(() -> IdempotencyKey.of(List.of(header)))
        .isInstanceOf(IdempotencyKey.Invalid.class).hasMessageStartingWith("must not be empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {"two words", "tab\there", "line\nbreak", "nul\0", "ключ", "café", "a\"b", "a\\b", "\"unterminated",
      "\"a\"b\"", "del\u007f"})
  void spacesControlsNonAsciiQuotesAndBackslashes_areRefused(String header) {
    assertThatThrownBy(() -> IdempotencyKey.of(List.of(header)))
        .isInstanceOf(IdempotencyKey.Invalid.class)
        .hasMessageStartingWith("may hold only visible ASCII characters")
        .hasMessageNotContaining(header);
  }

  @Test
  void twoHeaders_areRefused() {
    assertThatThrownBy(() -> IdempotencyKey.of(List.of("a", "a")))
        .isInstanceOf(IdempotencyKey.Invalid.class).hasMessage("must be sent once (the request has 2 of them)");
  }
}
