package org.cpor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.cpor.web.DisplayText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What Camunda Forms get of free text: one line, with Markdown and HTML inert. */
class DisplayTextTest {

  static Stream<Arguments> singleLines() {
    return Stream.of(
        Arguments.of("plain text stays", "Contoso Teams rollout", "Contoso Teams rollout"),
        Arguments.of("null is empty", null, ""),
        Arguments.of("line breaks and tabs become one space", "a\r\n# b\n\tc", "a # b c"),
        Arguments.of("next line, line and paragraph separators", "a\u0085b\u2028c\u2029d", "a b c d"),
        Arguments.of("other control characters", "a\u0000b\u001bc\u007fd", "a b c d"),
        Arguments.of("bidirectional overrides and isolates go", "invoice\u202Efdp.exe\u2066x\u2069", "invoicefdp.exex"),
        Arguments.of("zero-width characters and the byte-order mark go", "\uFEFFa\u200Bb\u200Cc\u200Dd\u2060e", "abcde"),
        Arguments.of("ends are trimmed, runs of spaces collapse", "  a  \n\n  b  ", "a b"),
        Arguments.of("letters of any script stay", "Árvíztűrő tükörfúrógép 😀", "Árvíztűrő tükörfúrógép 😀"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("singleLines")
  void singleLine(String name, String value, String expected) {
    assertThat(DisplayText.singleLine(value)).isEqualTo(expected);
  }

  static Stream<Arguments> escapes() {
    return Stream.of(
        Arguments.of("plain text, e-mail addresses and dates stay readable", "ada@contoso.com, 2026-12-02, Smith-Jones",
            "ada@contoso.com, 2026-12-02, Smith-Jones"),
        Arguments.of("a heading after a line break stays on the line, escaped", "a\n# Heading", "a \\# Heading"),
        Arguments.of("HTML and entities", "<img src=x onerror=alert(1)> &lt;", "\\<img src=x onerror=alert\\(1\\)\\> \\&lt;"),
        Arguments.of("an unclosed link element", "<a href=javascript:alert(1)>x", "\\<a href=javascript:alert\\(1\\)\\>x"),
        Arguments.of("links and images", "![i](http://x.example/i.png) [l](y)",
            "\\!\\[i\\]\\(http\\://x.example/i.png\\) \\[l\\]\\(y\\)"),
        Arguments.of("emphasis, code, strike-through, tables", "*a* _b_ `c` ~~d~~ e|f", "\\*a\\* \\_b\\_ \\`c\\` \\~\\~d\\~\\~ e\\|f"),
        Arguments.of("backslashes themselves", "a\\b\\", "a\\\\b\\\\"),
        Arguments.of("bare addresses do not become links", "see www.evil.example or https://evil.example",
            "see www\\.evil.example or https\\://evil.example"),
        Arguments.of("invisible characters go before escaping", "a\u202E<b>", "a\\<b\\>"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("escapes")
  void escape(String name, String value, String expected) {
    assertThat(DisplayText.escape(value)).isEqualTo(expected);
  }

  static Stream<Arguments> shortenings() {
    return Stream.of(
        Arguments.of("what fits stays", "abc", 3, "abc"),
        Arguments.of("cut with an ellipsis", "abcdef", 4, "abc…"),
        Arguments.of("never between a backslash and what it escapes", "ab\\#c", 4, "ab…"),
        Arguments.of("an escaped backslash stays whole", "a\\\\bc", 4, "a\\\\…"),
        Arguments.of("never inside a character that needs two", "ab😀cd", 4, "ab…"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shortenings")
  void shorten(String name, String escaped, int max, String expected) {
    assertThat(DisplayText.shorten(escaped, max)).isEqualTo(expected);
  }
}
