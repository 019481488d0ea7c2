package org.cpor.claim;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cpor.catalogue.Program;
import org.cpor.catalogue.WorkloadCatalogue;
import org.springframework.stereotype.Component;

/**
 * The words a partner reads for the product's codes, in one place for the portal and the partner e-mails: statuses,
 * programs, solution areas, partner roles, reason codes, decision outcomes, association states and end reasons,
 * findings, timeline events and workloads (by their catalogue names). The API keeps the codes.
 */
@Component("labels")
public class Labels {

  private static final Map<String, String> WORDS = Map.ofEntries(
      // claim statuses
      Map.entry("SUBMITTED", "Submitted"),
      Map.entry("UNDER_REVIEW", "Under review"),
      Map.entry("PARTNER_ACTION_REQUIRED", "Waiting for your answer"),
      Map.entry("APPROVED", "Approved"),
      Map.entry("OFFICIAL", "Official"),
      Map.entry("REJECTED", "Rejected"),
      Map.entry("WITHDRAWN", "Withdrawn"),
      Map.entry("ENDED", "Ended"),
      // programs
      Map.entry("OSA_SELL", "OSA Sell"),
      Map.entry("OSU_M365", "OSU – Microsoft 365"),
      Map.entry("OSU_BUSINESS_APPLICATIONS", "OSU – Business Applications"),
      // solution areas and partner roles
      Map.entry("MODERN_WORK_AND_SECURITY", "Modern Work and Security"),
      Map.entry("BUSINESS_APPLICATIONS", "Business Applications"),
      Map.entry("USE_OR_CONSUME", "Use or consume"),
      Map.entry("BUILD_INTENT_ADVISOR", "Build intent – Advisor"),
      Map.entry("USAGE_RECOGNITION", "Usage recognition"),
      // decision outcomes (the reasons' words are ReasonCodes')
      Map.entry("INFORMATION_REQUESTED", "Information requested"),
      // associations
      Map.entry("ACTIVE", "Active"),
      Map.entry("SUPERSEDED", "Superseded by another partner's claim"),
      Map.entry("PARTNER_DISASSOCIATED", "Ended by you"),
      // findings of the automated checks
      Map.entry("COMPETING_CLAIM", "Competing claim"),
      Map.entry("TENANT_NOT_VERIFIED", "Tenant not verified"),
      // alerts
      Map.entry("CUSTOMER_NOTIFICATION_FAILING", "Customer notification failing"),
      // timeline events
      Map.entry("EMAIL_QUEUED", "E-mail sent"),
      Map.entry("POE_ATTACHED", "Proof of execution attached"),
      Map.entry("POE_DOWNLOADED", "Proof of execution downloaded"),
      Map.entry("INFORMATION_PROVIDED", "Information provided"),
      Map.entry("DISPUTED", "Rejection disputed"),
      Map.entry("CUSTOMER_NOTIFIED", "Customer notified"),
      Map.entry("ASSOCIATION_ENDED", "Association ended"),
      Map.entry("REVIEW_SLA_BREACHED", "Review overdue"),
      Map.entry("WORKLOADS_CORRECTED", "Workloads corrected"),
      Map.entry("CUSTOMER_CONTACT_CORRECTED", "Customer contact corrected"),
      Map.entry("PARTNER_CONTACT_CORRECTED", "Partner contact corrected"),
      // e-mails, as the timeline names them
      Map.entry("CLAIM_RECEIVED", "Claim received"),
      Map.entry("APPROVED_CUSTOMER_NOTIFIED", "Approved, customer notified"),
      Map.entry("ASSOCIATION_OFFICIAL", "Association official"),
      Map.entry("CLAIM_REJECTED", "Claim rejected"),
      Map.entry("DECLINED_BY_CUSTOMER", "Declined by the customer"),
      Map.entry("ASSOCIATION_SUPERSEDED", "Association superseded"),
      Map.entry("CUSTOMER_ASSOCIATION_REQUEST", "Association request to the customer"),
      Map.entry("CUSTOMER_ASSOCIATION_ENDED", "Association ended, to the customer"));

  /** Upper-case codes inside a sentence, such as {@code POWER_BI is not a workload of program OSU_M365}. */
  private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b|\\b[A-Z]{5,}\\b");

  private final WorkloadCatalogue catalogue;

  Labels(WorkloadCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** The words for a code of any kind; an unknown code reads as words ({@code SOME_CODE} → "Some code"). */
  public String of(Object code) {
    if (code == null) {
      return "";
    }
    String text = code instanceof Enum<?> e ? e.name() : code.toString();
    String known = known(text);
    if (known != null) {
      return known;
    }
    String workload = catalogue.displayName(text);
    if (!workload.equals(text)) {
      return workload;
    }
    String words = text.replace('_', ' ').toLowerCase(Locale.ROOT);
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** The words of a code the product knows (the reasons' are those of {@link ReasonCodes}), or null. */
  private static String known(String code) {
    return WORDS.getOrDefault(code, ReasonCodes.words(code));
  }

  /** Several codes, each in words, joined with commas. */
  public String all(Collection<?> codes) {
    return codes == null ? "" : codes.stream().map(this::of).collect(Collectors.joining(", "));
  }

  /** A comma-separated list of codes ({@code MISSING_POE,MISSING_WORKLOADS}) in words. */
  public String list(String joinedCodes) {
    return joinedCodes == null || joinedCodes.isBlank() ? "" : all(List.of(joinedCodes.split("\\s*,\\s*")));
  }

  /** A program with its solution area and partner role, as one line. */
  public String program(Program program) {
    return of(program) + " · " + of(program.solutionArea()) + " · " + of(program.partnerRole());
  }

  /** A sentence with the codes it names in words: {@code POWER_BI is not a workload of program OSU_M365} → "Power BI …". */
  public String sentence(String text) {
    if (text == null) {
      return null;
    }
    // "Exchange Online (EXCHANGE_ONLINE)": the words are there already, the code in brackets goes
    Matcher matcher = CODE.matcher(text);
    StringBuilder out = new StringBuilder();
    int from = 0;
    while (matcher.find()) {
      String code = matcher.group();
      // only codes the product knows: free text a partner or validator wrote keeps its own upper-case words
      String known = known(code);
      String words = known != null ? known : catalogue.displayName(code);
      out.append(text, from, matcher.start());
      from = matcher.end();
      String named = words + " (";
      if (out.toString().endsWith(named) && text.startsWith(")", from)) {
        out.setLength(out.length() - 2);
        from++;
      } else {
        out.append(words);
      }
    }
    return out.append(text, from, text.length()).toString();
  }
}
