package org.cpor.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.cpor.support.IntegrationTest;
import org.cpor.web.Limits;
import org.junit.jupiter.api.Test;

/**
 * What partners' text becomes in Tasklist's forms: ValidateClaimForm renders {@code poeLinks} as Markdown (a text
 * component): there every value is escaped, cannot add a heading, a link, an image or HTML, nor hide the next entry.
 * The text areas show their values as written (no backslashes), each on its own line.
 */
class TaskDisplayValuesTest extends IntegrationTest {

  /**
   * A list item linking one PoE file: relative, in a new tab; the link text has no unescaped angle bracket, the target is
   * the file's download.
   */
  private static final Pattern POE_ITEM = Pattern.compile("^- <a class=\"cpor-link\" href=\"\\.\\./\\.\\./\\.\\./\\.\\./api/poe/"
      + "[0-9a-f-]{36}\" target=\"_blank\" rel=\"noopener\">(?:[^\\\\<>]|\\\\.)*</a> application/pdf, \\d+ bytes, .*");
  private static final String OPEN = " target=\"_blank\" rel=\"noopener\">";

  private String variable(String claimId, String taskKey, String name) {
    return (String) tasks.getVariableLocal(task(claimId, taskKey).getId(), name);
  }

  private String storedName(String poeId) {
    return jdbc.sql("select file_name from poe_files where id = ?").param(poeId).query(String.class).single();
  }

  /** The text without its backslash escapes, i.e. what is left that Markdown would act on. */
  private static String unescaped(String markdown) {
    return markdown.replaceAll("\\\\.", "");
  }

  private static String lineWith(String text, String marker) {
    return Arrays.stream(text.split("\n")).filter(line -> line.contains(marker)).findFirst().orElseThrow();
  }

  private void assertInertPoeList(String claimId, String marker) {
    String links = variable(claimId, "Task_ValidateClaim", "poeLinks");
    List<String> lines = List.of(links.split("\n"));
    assertThat(lines).as("one list item per file").hasSize(2).allSatisfy(line -> assertThat(line).matches(POE_ITEM));
    String item = lineWith(links, marker);
    String linkText = item.substring(item.indexOf(OPEN) + OPEN.length(), item.indexOf("</a>"));
    assertThat(unescaped(linkText)).as("nothing in the name acts as Markdown or HTML").doesNotContain("#", "<", ">", "[", "]", "(", ")");
  }

  @Test
  void fileNameWithALineBreakAHeadingAndAnImage_isKeptPlainAndListedInert() throws Exception {
    String hostile = uploadPoe("fabrikam-admin", "a\n# Heading\n<img src=x onerror=alert(1)>.pdf", PDF);
    String plain = uploadPoe("fabrikam-admin", "second.pdf", PDF);

    assertThat(storedName(hostile)).isEqualTo("a # Heading <img src=x onerror=alert(1)>.pdf")
        .doesNotContainPattern("\\p{Cntrl}");
    String claimId = submit(Map.of("poeIds", List.of(hostile, plain)));

    assertInertPoeList(claimId, "Heading");
    assertThat(lineWith(variable(claimId, "Task_ValidateClaim", "poeLinks"), "Heading"))
        .contains("api/poe/" + hostile + "\"" + OPEN + "a \\# Heading \\<img src=x onerror=alert\\(1\\)\\>.pdf</a>");
  }

  @Test
  void fileNameWithAnUnclosedLink_doesNotHideTheNextFile() throws Exception {
    String hostile = uploadPoe("fabrikam-admin", "<a href=javascript:alert(1)>click.pdf", PDF);
    String plain = uploadPoe("fabrikam-admin", "second.pdf", PDF);
    String claimId = submit(Map.of("poeIds", List.of(hostile, plain)));

    assertInertPoeList(claimId, "click");
    assertThat(lineWith(variable(claimId, "Task_ValidateClaim", "poeLinks"), "second.pdf"))
        .startsWith("- <a class=\"cpor-link\" href=\"../../../../api/poe/" + plain + "\"" + OPEN + "second.pdf</a>");
  }

  @Test
  void fileNameWithBidiOverridesAndZeroWidthCharacters_isKeptWithoutThem() throws Exception {
    String poe = uploadPoe("fabrikam-admin", "in\u200Bvoice\u202Efdp\u2066.pdf", PDF);
    assertThat(storedName(poe)).isEqualTo("invoicefdp.pdf");
  }

  @Test
  void claimNameAndCommentWithMarkdownAndHtml_areShownAsWrittenOnTheirOwnLines() throws Exception {
    String claimId = submit(Map.of("name", "Contoso\n# Owned <img src=x onerror=alert(1)>",
        "comment", "Done.\n\n# Heading\n<a href=javascript:alert(1)>click\n- [link](https://evil.example) **bold**"));
    String summary = variable(claimId, "Task_ValidateClaim", "claimSummary");

    assertThat(summary.split("\n")).as("no value adds a line")
        .allSatisfy(line -> assertThat(line).doesNotStartWith("#").doesNotStartWith("<").doesNotStartWith("- "))
        .filteredOn(line -> line.startsWith("Claim: ") || line.startsWith("Comment: ")).hasSize(2);
    assertThat(lineWith(summary, "Claim: ")).isEqualTo("Claim: Contoso # Owned <img src=x onerror=alert(1)> (" + claimId + ")");
    assertThat(lineWith(summary, "Comment: ")).isEqualTo("Comment: Done. # Heading <a href=javascript:alert(1)>click "
        + "- [link](https://evil.example) **bold**");
    assertThat(summary).contains("ada@contoso.com");
  }

  @Test
  void contactsAnswerAndQuestion_areShownAsWrittenOnTheirOwnLines() throws Exception {
    String claimId = submit(Map.of("customerContact", Map.of("name", "Ada\n# Lovelace", "title", "CIO <b>", "email", "ada@contoso.com")));
    validate(claimId, "INFORMATION_REQUESTED", "MISSING_POE", "Where is it?\n# Please [sign](https://x.example)");

    String question = variable(claimId, "Task_ProvideInformation", "informationQuestion");
    assertThat(question.split("\n")).hasSize(3);
    assertThat(lineWith(question, "Question: ")).isEqualTo("Question: Where is it? # Please [sign](https://x.example)");

    postJson("/api/claims/" + claimId + "/information", Map.of("comment", "Here:\n![img](x.png) <script>"), "fabrikam-admin")
        .andExpect(status().isOk());
    String summary = variable(claimId, "Task_ValidateClaim", "claimSummary");
    assertThat(lineWith(summary, "Customer contact: ")).startsWith("Customer contact: Ada # Lovelace, CIO <b>, ada@contoso.com");
    assertThat(lineWith(summary, "Partner's answer")).endsWith("): Here: ![img](x.png) <script>");
    assertThat(lineWith(summary, "Last question: ")).isEqualTo("Last question: Where is it? # Please [sign](https://x.example)");
  }

  @Test
  void disputeJustification_isShownAsWrittenOnItsLine() throws Exception {
    String claimId = submit(Map.of());
    validate(claimId, "REJECTED", "INSUFFICIENT_POE", "Unsigned");
    postJson("/api/claims/" + claimId + "/dispute", Map.of("justification", "Signed now\n## see <u>here</u>"), "fabrikam-admin")
        .andExpect(status().isOk());
    assertThat(lineWith(variable(claimId, "Task_ValidateClaim", "claimSummary"), "DISPUTED"))
        .isEqualTo("DISPUTED by the partner after a rejection: Signed now ## see <u>here</u>");
  }

  @Test
  void longTexts_areShortenedToFitCamundasStringVariables_shortOnesStayWhole() throws Exception {
    String claimId = submit(Map.of("comment", "c".repeat(Limits.TEXT)));
    validate(claimId, "INFORMATION_REQUESTED", "MISSING_POE", "Short question?");
    postJson("/api/claims/" + claimId + "/information", Map.of("comment", "a".repeat(Limits.TEXT)), "fabrikam-admin")
        .andExpect(status().isOk());

    String summary = variable(claimId, "Task_ValidateClaim", "claimSummary");
    assertThat(summary.length()).isLessThanOrEqualTo(ClaimSummaries.MAX_LENGTH);
    assertThat(lineWith(summary, "Last question: ")).isEqualTo("Last question: Short question?");
    assertThat(lineWith(summary, "Comment: ")).endsWith("c…").hasSizeGreaterThan(1000);
    assertThat(lineWith(summary, "Partner's answer")).endsWith("a…").hasSizeGreaterThan(1000);
  }

  @Test
  void manyFilesWithLongNames_areListedAsFarAsTheyFit_andCounted() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < Limits.POE_FILES; i++) {
      ids.add(uploadPoe("fabrikam-admin", String.format("%03d-", i) + "n".repeat(246) + ".pdf", PDF));
    }
    String claimId = submit(Map.of("poeIds", ids));

    String links = variable(claimId, "Task_ValidateClaim", "poeLinks");
    assertThat(links.length()).isLessThanOrEqualTo(ClaimSummaries.MAX_LENGTH);
    List<String> lines = List.of(links.split("\n"));
    assertThat(lines.subList(0, lines.size() - 1)).allSatisfy(line -> assertThat(line).matches(POE_ITEM));
    assertThat(lines.get(lines.size() - 1)).isEqualTo("- … and " + (Limits.POE_FILES - lines.size() + 1)
        + " more files: <a class=\"cpor-link\" href=\"../../../../api/claims/" + claimId + "\"" + OPEN + "all files of the claim</a>");
  }
}
