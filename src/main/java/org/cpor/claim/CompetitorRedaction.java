package org.cpor.claim;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cpor.catalogue.WorkloadCatalogue;
import org.cpor.identity.Caller;
import org.cpor.timeline.TimelineEvent;
import org.springframework.stereotype.Component;

/**
 * What a partner may learn about other organisations: that a competing association or claim exists for a workload,
 * never whose (no PartnerID, organisation or claim ID). The checks and the engine record everything, because
 * validators arbitrate and auditors read the whole history; every partner-facing read (API, portal) goes through
 * here, so the rule is kept in one place.
 */
@Component
public class CompetitorRedaction {

  /** A COMPETING_CLAIM message starts with the workload code (ClaimChecks). */
  private static final Pattern LEADING_WORKLOAD = Pattern.compile("^([A-Z][A-Z0-9_]{1,59})\\b");
  /** The incumbent's event when a competing claim becomes official: "TEAMS SUPERSEDED by claim …" (Associations). */
  private static final Pattern SUPERSEDED = Pattern.compile("^([A-Z][A-Z0-9_]{1,59}) " + EndReason.SUPERSEDED.name() + "\\b");
  private static final String CHECKED = "CHECKED";
  private static final String ASSOCIATION_ENDED = "ASSOCIATION_ENDED";

  private final WorkloadCatalogue catalogue;

  CompetitorRedaction(WorkloadCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** The findings as the caller may see them: competing ones name the workload only, once each. */
  public List<Finding> findings(List<Finding> findings, Caller caller) {
    return findings(findings, caller, catalogue::displayName);
  }

  /** The same, naming workloads from a catalogue read already. */
  List<Finding> findings(List<Finding> findings, Caller caller, Function<String, String> displayName) {
    if (caller.seesEveryOrganisation()) {
      return findings;
    }
    Set<Finding> visible = new LinkedHashSet<>();
    findings.forEach(f -> visible.add(forPartner(f, displayName)));
    return List.copyOf(visible);
  }

  /** The timeline as the caller may see it: the checks' results and supersessions without the competitor. */
  public List<TimelineEvent> timeline(List<TimelineEvent> events, Caller caller) {
    if (caller.seesEveryOrganisation()) {
      return events;
    }
    return events.stream().map(this::forPartner).toList();
  }

  /** An association as the caller may see it: a supersession does not say by which claim. */
  public Association association(Association association, Caller caller) {
    if (caller.seesEveryOrganisation() || association.endReason() != EndReason.SUPERSEDED) {
      return association;
    }
    return new Association(association.id(), association.partnerId(), association.organisationId(), association.tenantId(),
        association.workload(), association.status(), association.since(), association.endedAt(), association.endReason(),
        "superseded by another partner's claim", association.claimId());
  }

  private Finding forPartner(Finding finding, Function<String, String> displayName) {
    if (!Finding.COMPETING_CLAIM.equals(finding.code())) {
      return finding;
    }
    return new Finding(finding.code(), finding.severity(), competing(finding.message(), displayName));
  }

  private TimelineEvent forPartner(TimelineEvent event) {
    String detail = event.detail();
    if (detail == null) {
      return event;
    }
    if (CHECKED.equals(event.type())) {
      return new TimelineEvent(event.at(), event.actor(), event.type(), checked(detail));
    }
    Matcher superseded = SUPERSEDED.matcher(detail);
    if (ASSOCIATION_ENDED.equals(event.type()) && superseded.find()) {
      return new TimelineEvent(event.at(), event.actor(), event.type(),
          superseded.group(1) + " " + EndReason.SUPERSEDED + ": another partner's claim has become official");
    }
    return event;
  }

  /** The checks' event lists the findings (Finding.list). */
  private String checked(String detail) {
    String prefix = Finding.COMPETING_CLAIM + ": ";
    Set<String> parts = new LinkedHashSet<>();
    for (String part : detail.split(Finding.SEPARATOR)) {
      parts.add(part.startsWith(prefix) ? prefix + competing(part.substring(prefix.length()), catalogue::displayName) : part);
    }
    return String.join(Finding.SEPARATOR, parts);
  }

  private static String competing(String message, Function<String, String> displayName) {
    return workload(message).map(code -> "A competing association or claim exists for " + displayName.apply(code)
            + " (" + code + ") in this tenant.")
        .orElse("A competing association or claim exists for a workload of this claim.");
  }

  private static Optional<String> workload(String text) {
    Matcher matcher = LEADING_WORKLOAD.matcher(text);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }
}
