package org.cpor.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cpor.claim.Claim;
import org.cpor.claim.ClaimStore;
import org.cpor.claim.Decision;
import org.cpor.identity.Groups;
import org.cpor.timeline.ClaimTimeline;
import org.cpor.timeline.TimelineEvent;
import org.cpor.web.ApiDocs;
import org.cpor.web.InvalidInputException;
import org.cpor.web.Params;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every claim submitted in the period (dates in UTC, both ends included) with its latest decision and every
 * event of its timeline, one row per event; streamed, a chunk of claims at a time.
 */
@RestController
@Tag(name = ApiDocs.AUDITOR)
class AuditExportController {

  private static final String[] HEADER = {"claimId", "claimName", "partnerId", "organisationId", "program",
      "customerTenantId", "customerDomain", "workloads", "status", "submittedAt", "submittedBy", "decisionOutcome",
      "decisionReasons", "decisionComment", "decidedAt", "decidedBy", "eventAt", "eventActor", "eventType", "eventDetail"};

  /** Claims read (and rows written) at a time: memory for one chunk, whatever the period. */
  static final int CHUNK = 200;

  private final ClaimStore claims;
  private final ClaimTimeline timeline;

  AuditExportController(ClaimStore claims, ClaimTimeline timeline) {
    this.claims = claims;
    this.timeline = timeline;
  }

  @Operation(summary = "Export the claims submitted in a period with their decisions and timelines, as CSV")
  @ApiResponse(responseCode = "200", description = "CSV (RFC 4180, UTF-8), one row per timeline event",
      content = @Content(mediaType = "text/csv"))
  @ApiResponse(responseCode = "400", description = "from or to is not a date YYYY-MM-DD, or from is after to")
  @ApiResponse(responseCode = "403", description = "the caller is neither an auditor nor an administrator")
  @GetMapping(value = "/api/audit/claims.csv", produces = "text/csv")
  @PreAuthorize(Groups.MAY_AUDIT)
  void export(@RequestParam(name = "from", required = false) String fromDate,
      @RequestParam(name = "to", required = false) String toDate, HttpServletResponse response) throws IOException {
    LocalDate from = Params.date("from", fromDate);
    LocalDate to = Params.date("to", toDate);
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidInputException("from", "must not be after to");
    }
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"claims.csv\"");
    Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    Instant start = from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant end = to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
      // a chunk of claims at a time, with its decisions and events in one query each, written before the next is read
      Claim after = null;
      List<Claim> chunk;
      do {
        chunk = claims.submittedBetween(start, end, after, CHUNK);
        List<String> ids = chunk.stream().map(Claim::id).toList();
        Map<String, Decision> decisions = ids.isEmpty() ? Map.of() : claims.latestDecisions(ids);
        Map<String, List<TimelineEvent>> events = timeline.ofClaims(ids);
        for (Claim claim : chunk) {
          Decision decision = decisions.get(claim.id());
          for (TimelineEvent event : events.getOrDefault(claim.id(), List.of())) {
            csv.printRecord(java.util.stream.Stream.of(claim.id(), claim.name(), claim.partnerId(), claim.organisationId(), claim.program(),
                claim.customerTenantId(), claim.customerDomain(), String.join(" ", claim.workloadCodes()), claim.status(),
                claim.submittedAt(), claim.submittedBy(),
                decision == null ? null : decision.outcome(), decision == null ? null : String.join(" ", decision.reasons()),
                decision == null ? null : decision.comment(), decision == null ? null : decision.decidedAt(),
                decision == null ? null : decision.decidedBy(),
                event.at(), event.actor(), event.type(), event.detail()).map(AuditExportController::cell));
          }
        }
        csv.flush();
        after = chunk.isEmpty() ? null : chunk.get(chunk.size() - 1);
      } while (chunk.size() == CHUNK);
    }
  }

  /**
   * A value as a spreadsheet reads it as text: a partner's or validator's text that starts like a formula ({@code =},
   * {@code +}, {@code -}, {@code @}, tab, carriage return) gets a leading apostrophe, so opening the export runs nothing.
   */
  static Object cell(Object value) {
    if (value instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return value;
  }
}
