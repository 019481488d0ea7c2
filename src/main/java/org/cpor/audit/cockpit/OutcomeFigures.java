package org.cpor.audit.cockpit;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cpor.claim.ClaimStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The figures behind the process definition's charts, for the claims submitted in the last {@value #WEEKS} weeks
 * (weeks start on Monday, UTC). Every query is limited to that period and counted by the database per day, so the
 * answer stays small however many claims there are; only the lead times of the period's claims are read one by one.
 */
final class OutcomeFigures {

  static final int WEEKS = 26;

  /** Upper bounds of the lead-time classes: 1 h, 4 h, 1, 2, 5, 10 and 30 days; the last class is everything longer. */
  static final List<Duration> LEAD_TIME_BOUNDS = List.of(Duration.ofHours(1), Duration.ofHours(4), Duration.ofDays(1),
      Duration.ofDays(2), Duration.ofDays(5), Duration.ofDays(10), Duration.ofDays(30));

  private static final String UTC_DAY = "cast(%s at time zone 'UTC' as date)";

  private final JdbcTemplate jdbc;
  private final LocalDate firstWeek;
  private final OffsetDateTime from;
  private final OffsetDateTime to;

  OutcomeFigures(JdbcTemplate jdbc, Instant now) {
    this.jdbc = jdbc;
    LocalDate thisWeek = now.atOffset(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    this.firstWeek = thisWeek.minusWeeks(WEEKS - 1L);
    this.from = firstWeek.atStartOfDay().atOffset(ZoneOffset.UTC);
    this.to = thisWeek.plusWeeks(1).atStartOfDay().atOffset(ZoneOffset.UTC);
  }

  Map<String, Object> answer() {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("from", from.toInstant().toString());
    figures.put("to", to.toInstant().toString());
    List<String> weeks = new ArrayList<>();
    for (int week = 0; week < WEEKS; week++) {
      weeks.add(firstWeek.plusWeeks(week).toString());
    }
    figures.put("weeks", weeks);
    figures.put("outcomes", jdbc.queryForList("select status, count(*) as claims from claims where submitted_at >= ? and submitted_at < ? group by status order by status", from, to)
        
        // Spring's rows look keys up ignoring case: H2 answers labels in upper case, PostgreSQL in lower
        .stream().map(row -> Map.of("status", row.get("status"), "claims", ((Number) row.get("claims")).longValue())).toList());
    figures.put("outcomesByWeek", outcomesByWeek());
    figures.put("slaBreachesByWeek", weekly(jdbc.query("select " + UTC_DAY.formatted("occurred_at") + " as utc_day, count(*) as n"
        + " from claim_timeline where type = 'REVIEW_SLA_BREACHED' and occurred_at >= ? and occurred_at < ? group by "
        + UTC_DAY.formatted("occurred_at"), (rs, n) -> Map.entry(rs.getDate("utc_day"), rs.getLong("n")), from, to)));
    figures.put("leadTimeBoundsSeconds", LEAD_TIME_BOUNDS.stream().map(Duration::getSeconds).toList());
    figures.put("submissionToDecision", leadTimes(durations("""
        select c.submitted_at as from_at, min(d.decided_at) as to_at from claims c join claim_decisions d on d.claim_id = c.id
        where c.submitted_at >= ? and c.submitted_at < ? group by c.id, c.submitted_at""")));
    figures.put("submissionToOfficial", leadTimes(durations("""
        select submitted_at as from_at, official_at as to_at from claims
        where official_at is not null and submitted_at >= ? and submitted_at < ?""")));
    return figures;
  }

  /** Claims submitted each week, by the status they have now: every status, also those with no claim. */
  private List<Map<String, Object>> outcomesByWeek() {
    Map<String, List<Map.Entry<Date, Long>>> byStatus = new TreeMap<>();
    jdbc.query("select status, " + UTC_DAY.formatted("submitted_at") + " as utc_day, count(*) as n from claims"
        + " where submitted_at >= ? and submitted_at < ? group by status, " + UTC_DAY.formatted("submitted_at"),
        rs -> {
          byStatus.computeIfAbsent(rs.getString("status"), s -> new ArrayList<>()).add(Map.entry(rs.getDate("utc_day"), rs.getLong("n")));
        }, from, to);
    List<Map<String, Object>> series = new ArrayList<>();
    for (ClaimStatus status : ClaimStatus.values()) {
      series.add(Map.of("status", status.name(), "claims", weekly(byStatus.getOrDefault(status.name(), List.of()))));
    }
    return series;
  }

  private long[] weekly(List<Map.Entry<Date, Long>> days) {
    long[] weeks = new long[WEEKS];
    for (Map.Entry<Date, Long> day : days) {
      int week = (int) (ChronoUnit.DAYS.between(firstWeek, day.getKey().toLocalDate()) / 7);
      if (week >= 0 && week < WEEKS) {
        weeks[week] += day.getValue();
      }
    }
    return weeks;
  }

  private List<Duration> durations(String sql) {
    return jdbc.query(sql, (rs, n) -> Duration.between(rs.getObject("from_at", OffsetDateTime.class),
        rs.getObject("to_at", OffsetDateTime.class)), from, to).stream().sorted().toList();
  }

  private static Map<String, Object> leadTimes(List<Duration> sorted) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("claims", sorted.size());
    long[] classes = new long[LEAD_TIME_BOUNDS.size() + 1];
    for (Duration leadTime : sorted) {
      int index = 0;
      while (index < LEAD_TIME_BOUNDS.size() && leadTime.compareTo(LEAD_TIME_BOUNDS.get(index)) >= 0) {
        index++;
      }
      classes[index]++;
    }
    figures.put("distribution", classes);
    if (!sorted.isEmpty()) {
      figures.put("averageSeconds", (long) sorted.stream().mapToLong(Duration::getSeconds).average().orElse(0));
      figures.put("p90Seconds", sorted.get((int) Math.ceil(0.9 * sorted.size()) - 1).getSeconds());
    }
    return figures;
  }
}
