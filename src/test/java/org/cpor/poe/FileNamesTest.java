package org.cpor.poe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A PoE file's name as it is kept. */
class FileNamesTest {

  static Stream<Arguments> names() {
    return Stream.of(
        Arguments.of("an ordinary name stays", "signed-poe.pdf", "signed-poe.pdf"),
        Arguments.of("no name", null, ""),
        Arguments.of("paths are not kept", "C:\\Users\\ada/poe.pdf", "C:_Users_ada_poe.pdf"),
        Arguments.of("line breaks become spaces", "a\n# Heading\n<img src=x onerror=alert(1)>.pdf",
            "a # Heading <img src=x onerror=alert(1)>.pdf"),
        Arguments.of("tabs and other control characters too", "a\tb\u0000c\r.pdf", "a b c .pdf"),
        Arguments.of("a right-to-left override cannot disguise the extension", "invoice\u202Efdp.exe", "invoicefdp.exe"),
        Arguments.of("zero-width characters go", "po\u200Be\uFEFF.pdf", "poe.pdf"),
        Arguments.of("trimmed", "  poe.pdf \n", "poe.pdf"),
        Arguments.of("only invisible characters leave nothing", "\u200B\n\t", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void normalise(String name, String fileName, String expected) {
    assertThat(FileNames.normalise(fileName)).isEqualTo(expected);
  }

  @Test
  void aNameOf255Characters_isKept() {
    String name = "x".repeat(251) + ".pdf";
    assertThat(FileNames.normalise(name)).isEqualTo(name);
  }

  @Test
  void aLongerName_isShortenedTo255KeepingItsExtension() {
    String shortened = FileNames.normalise("x".repeat(300) + ".docx");
    assertThat(shortened).hasSize(255).endsWith("x.docx");
  }

  @Test
  void shortening_neverSplitsACharacterThatNeedsTwo() {
    String shortened = FileNames.normalise("x".repeat(250) + "😀😀😀.pdf");
    assertThat(shortened).isEqualTo("x".repeat(250) + ".pdf");
  }
}
