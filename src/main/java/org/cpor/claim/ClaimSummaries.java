package org.cpor.claim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.cpor.calendar.BusinessCalendar;
import org.cpor.catalogue.Program;
import org.cpor.catalogue.WorkloadCatalogue;
import org.cpor.partner.PartnerDirectory;
import org.cpor.poe.PoeFile;
import org.cpor.poe.PoeFiles;
import org.cpor.web.DisplayText;
import org.cpor.web.Limits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Views of a claim for Tasklist: the task's name, the values its cards show and search, and what the Camunda Forms
 * show. A form's read-only {@code textarea} shows its value as it is, so there every free-text value is kept on its
 * own line ({@link DisplayText#singleLine}); a {@code text} component renders Markdown, so there every free-text
 * value is also escaped ({@link DisplayText#escape}), so that no value can add a line, a heading, a link, an image or
 * HTML to a form. Times are shown in the calendar's time zone, labelled with it.
 */
@Component
public class ClaimSummaries {

  /** Every view fits into a Camunda String variable: long texts are shortened, long lists say how much is left out. */
  static final int MAX_LENGTH = Limits.CAMUNDA_STRING;
  /** A task's name fits the engine's column. */
  static final int MAX_TASK_NAME = 255;
  /** Marks the links of the forms: Tasklist's stylesheet keeps them clickable before the task is claimed. */
  static final String LINK_CLASS = "cpor-link";

  private final ClaimStore claims;
  private final ClaimChecks checks;
  private final PartnerDirectory partners;
  private final WorkloadCatalogue catalogue;
  private final PoeFiles poeFiles;
  private final Labels labels;
  private final BusinessCalendar calendar;
  private final String appRoot;

  ClaimSummaries(ClaimStore claims, ClaimChecks checks, PartnerDirectory partners, WorkloadCatalogue catalogue,
      PoeFiles poeFiles, BusinessCalendar calendar, Labels labels,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    this.poeFiles = poeFiles;
    this.labels = labels;
    this.claims = claims;
    this.checks = checks;
    this.partners = partners;
    this.catalogue = catalogue;
    this.calendar = calendar;
    this.appRoot = appRoot(webappPath);
  }

  /**
   * The application's root as seen from Tasklist's page ({@code <webapp path>/app/tasklist/<engine>/}), so that a
   * form's link works wherever the application is served: behind a proxy, under a context path, on any host.
   */
  static String appRoot(String webappPath) {
    long segments = Arrays.stream(webappPath.split("/")).filter(segment -> !segment.isBlank()).count() + 3;
    return "../".repeat((int) segments);
  }

  /** What a Tasklist card shows of a claim's task, and what a validator's search finds it by: display values only. */
  public record TaskCard(String name, String partner, String customerDomain, String workloads, String round,
      String deadline, String search) {}

  /** The validation task's card: "Validate claim: Contoso Teams rollout — Fabrikam", partner, domain, round, SLA. */
  public TaskCard validationCard(String taskName, String claimId) {
    Claim c = claims.get(claimId);
    String organisation = organisation(c);
    // short enough for a card's column: "Fabrikam (4567890)"
    String partner = plain(organisation) + " (" + c.partnerId() + ")";
    return new TaskCard(taskName(taskName + ": " + plain(c.name()) + " — " + plain(organisation)), partner,
        plain(c.customerDomain()), workloadNames(c), String.valueOf(claims.validatorDecisions(claimId) + 1),
        time(c.reviewDueAt()), String.join(" · ", plain(c.name()), c.id(), partner, plain(c.customerDomain()),
            c.customerTenantId(), workloadNames(c)));
  }

  /** The partner's task card: the claim's name, its customer and workloads, and when the answer is due. */
  public TaskCard informationCard(String taskName, String claimId) {
    Claim c = claims.get(claimId);
    String due = claims.latestInformationRequest(claimId).map(r -> time(r.dueAt())).orElse("");
    return new TaskCard(taskName(taskName + ": " + plain(c.name())), plain(organisation(c)) + " · PartnerID " + c.partnerId(),
        plain(c.customerDomain()), workloadNames(c), null, due,
        String.join(" · ", plain(c.name()), c.id(), plain(c.customerDomain()), c.customerTenantId(), workloadNames(c)));
  }

  /** The claim for a read-only textarea: one line per entry, free text as it was written, on its own line. */
  public String claim(String claimId) {
    Claim c = claims.get(claimId);
    List<String> lines = new ArrayList<>();
    lines.add("Claim: " + plain(c.name()) + " (" + c.id() + ")");
    lines.add("Partner: " + plain(organisation(c)) + ", PartnerID " + c.partnerId());
    lines.add("Program: " + labels.program(c.program())
        + (c.incentiveOptOut() ? " · incentive opt-out (recognition without payment)" : ""));
    lines.add("Customer tenant: " + c.customerTenantId() + " · domain " + plain(c.customerDomain()));
    lines.add("Workloads:");
    Map<String, String> workloadNames = workloadNameMap(c);
    c.workloads().forEach(w -> lines.add("  - " + plain(workloadNames.getOrDefault(w.code(), w.code())) + " (" + w.code() + ")"
        + (w.subscriptionId() == null ? "" : " subscription " + w.subscriptionId())));
    lines.add("Customer contact: " + plain(c.customerContact().name()) + ", " + plain(c.customerContact().title()) + ", "
        + plain(c.customerContact().email()) + " (" + c.customerContact().language() + ")");
    lines.add("Partner contact: " + plain(c.partnerContact().name()) + ", " + plain(c.partnerContact().email()));
    lines.add("Submitted: " + time(c.submittedAt()) + " by " + plain(c.submittedBy()));
    List<Line> all = new ArrayList<>(lines.stream().map(Line::fixed).toList());
    if (c.comment() != null && !c.comment().isBlank()) {
      all.add(new Line("Comment: ", c.comment()));
    }
    claims.disputeJustification(claimId).ifPresent(j -> all.add(new Line("DISPUTED by the partner after a rejection: ", j)));
    claims.latestInformationRequest(claimId).filter(r -> r.answeredAt() != null).ifPresent(r -> {
      all.add(new Line("Last question: ", r.question()));
      all.add(new Line("Partner's answer (" + time(r.answeredAt()) + ", " + plain(r.answeredBy()) + "): ", r.answerComment()));
    });
    return fitted(all);
  }

  /**
   * Markdown for a text component: links to the claim's PoE files, one list item each. The links are relative (they
   * work wherever the application is served) and open in a new tab, so Tasklist stays open beside the file.
   */
  public String poeLinks(String claimId) {
    List<PoeFile> files = poeFiles.ofClaim(claimId);
    if (files.isEmpty()) {
      return "No proof-of-execution file.";
    }
    return listed(files.stream().map(f -> "- " + link("api/poe/" + f.id(), escaped(f.fileName())) + " "
            + f.contentType() + ", " + f.size() + " bytes, uploaded " + time(f.uploadedAt()) + " by " + escaped(f.uploadedBy()))
            .toList(),
        left -> "- … and " + left + " more files: " + link("api/claims/" + claimId, "all files of the claim"));
  }

  /** Markdown for a text component: a link to the claim in the partner portal, opening in a new tab. */
  public String portalLink(String claimId) {
    return link("portal/claims/" + claimId, "Open the claim in the partner portal") + " (a new tab): its files, timeline and"
        + " everything you sent.";
  }

  /** The automated checks' findings, for a read-only textarea. */
  public String findings(String claimId) {
    List<Finding> findings = claims.findings(claimId);
    if (findings.isEmpty()) {
      return "No findings: the automated checks passed.";
    }
    return listed(findings.stream().map(f -> f.severity() + " " + f.code() + ": " + plain(f.message())).toList(),
        left -> "… and " + left + " more findings");
  }

  /**
   * Markdown for a text component, for validators only: the active association and every other open claim for the same
   * tenant and workloads, as they are at {@code asOf}, which the first line says.
   */
  public String competition(String claimId, Instant asOf) {
    Claim c = claims.get(claimId);
    ClaimChecks.Competition competition = checks.competition(c);
    List<String> lines = new ArrayList<>();
    for (String workload : c.workloadCodes()) {
      competition.activeFor(workload).ifPresent(a -> lines.add("- " + workload
          + ": official association of " + escaped(organisation(a.organisationId())) + ", PartnerID " + a.partnerId()
          + ", since " + time(a.since()) + " (claim " + a.claimId() + ")"));
      competition.openClaimsFor(workload).stream().filter(o -> !o.id().equals(claimId))
          .forEach(o -> lines.add("- " + workload + ": open claim " + o.id() + " of " + escaped(organisation(o))
              + ", PartnerID " + o.partnerId() + ", " + o.status() + ", submitted " + time(o.submittedAt())));
    }
    String stamp = "As of " + time(asOf) + ":";
    if (lines.isEmpty()) {
      return stamp + " no competing association or claim.";
    }
    lines.add(0, stamp);
    lines.add("");
    lines.add("The claim you do not prefer is rejected with COMPETING\\_CLAIM\\_PREFERRED.");
    return listed(lines, left -> "… and " + left + " more: "
        + link("api/claims?tenantId=" + c.customerTenantId(), "every claim of the tenant"));
  }

  /** The open information request, for a read-only textarea: reasons in words, the question, the deadline. */
  public String informationRequest(String claimId) {
    return claims.latestInformationRequest(claimId)
        .map(r -> fitted(List.of(
            Line.fixed("Reasons: " + String.join(", ", r.reasons().stream().map(ReasonCodes::label).toList())),
            new Line("Question: ", r.question()), Line.fixed("Answer by: " + time(r.dueAt())))))
        .orElse("");
  }

  /** A time as people read it: in the calendar's zone, labelled with it, to the minute. */
  private String time(Instant instant) {
    return instant == null ? "" : BusinessCalendar.label(instant, calendar.zone());
  }

  private String link(String path, String markdownText) {
    return "<a class=\"" + LINK_CLASS + "\" href=\"" + appRoot + path + "\" target=\"_blank\" rel=\"noopener\">"
        + markdownText + "</a>";
  }

  private String organisation(Claim claim) {
    return organisation(claim.organisationId());
  }

  private String organisation(String organisationId) {
    return partners.organisation(organisationId).map(o -> o.name()).orElse(organisationId);
  }

  private Map<String, String> workloadNameMap(Claim claim) {
    return catalogue.ofProgram(claim.program()).stream()
        .collect(Collectors.toMap(WorkloadCatalogue.Workload::code, WorkloadCatalogue.Workload::name));
  }

  private String workloadNames(Claim claim) {
    Map<String, String> names = workloadNameMap(claim);
    return plain(String.join(", ", claim.workloadCodes().stream().map(code -> names.getOrDefault(code, code)).toList()));
  }

  private static String taskName(String name) {
    return DisplayText.shorten(name, MAX_TASK_NAME);
  }

  /** Free text for a textarea or a name: one line, shown as written. */
  private static String plain(String value) {
    return DisplayText.singleLine(value);
  }

  /** Free text inside Markdown: one line and inert. */
  private static String escaped(String value) {
    return DisplayText.escape(value);
  }

  /** A line of a view: its label, then free text (shortened when the view would not fit otherwise). */
  private record Line(String label, String text) {
    static Line fixed(String line) {
      return new Line(line, null);
    }
  }

  /**
   * The lines in their order, each text whole when everything fits, otherwise the longest texts shortened alike, so a
   * short answer is never cut for a long comment.
   */
  private static String fitted(List<Line> lines) {
    List<String> texts = lines.stream().map(line -> line.text() == null ? "" : plain(line.text())).toList();
    int fixed = lines.stream().mapToInt(line -> line.label().length() + 1).sum();
    int[] caps = shares(texts.stream().mapToInt(String::length).toArray(), MAX_LENGTH - fixed);
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      shown.add(lines.get(i).label() + DisplayText.shorten(texts.get(i), caps[i]));
    }
    return listed(shown, left -> "… (shortened to fit the form)");
  }

  /** How many characters each text may have so that together they take at most {@code budget}: the short ones whole. */
  private static int[] shares(int[] lengths, int budget) {
    int[] caps = new int[lengths.length];
    Integer[] shortestFirst = new Integer[lengths.length];
    for (int i = 0; i < lengths.length; i++) {
      shortestFirst[i] = i;
    }
    Arrays.sort(shortestFirst, Comparator.comparingInt(i -> lengths[i]));
    int left = Math.max(0, budget);
    for (int n = 0; n < shortestFirst.length; n++) {
      int i = shortestFirst[n];
      caps[i] = Math.min(lengths[i], left / (shortestFirst.length - n));
      left -= caps[i];
    }
    return caps;
  }

  /** The lines as long as they fit, then one line saying what is left out. */
  private static String listed(List<String> lines, IntFunction<String> more) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = (i == 0 ? "" : "\n") + lines.get(i);
      String rest = "\n" + more.apply(lines.size() - i);
      boolean last = i == lines.size() - 1;
      if (text.length() + line.length() + (last ? 0 : rest.length()) > MAX_LENGTH) {
        return text.append(i == 0 ? more.apply(lines.size()) : rest).toString();
      }
      text.append(line);
    }
    return text.toString();
  }
}
