package org.cpor.performance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.cpor.reliability.Database;
import org.cpor.reliability.Settings;

/**
 * Claims written straight into a product's PostgreSQL database with batched SQL ({@code generate_series}), the way
 * the product leaves them at the end of their lifecycle: the claim row, its workloads, findings, decisions, information
 * request, associations, timeline, e-mails and PoE file, and the engine's history of its process instance. Only the
 * runtime of the engine is left out (runtime tables hold open work only): seeded open claims have no task.
 *
 * <p>The mix: one big organisation (Fabrikam, 88 %), Northwind (6 %) and six more partner organisations (1 % each);
 * 78 % OFFICIAL, 7 % REJECTED (a third of them declined by the customer), 4 % WITHDRAWN, 6 % ENDED, 5 % open
 * (SUBMITTED, UNDER_REVIEW, PARTNER_ACTION_REQUIRED, APPROVED); closed claims submitted over the two years before the
 * last 20 days, open ones in those 20 days; 85 % OSU_M365; one to three workloads each. Claim number {@code n} is
 * always the same claim, so a store grown in steps holds what one seeded at once would.
 */
final class SeededStore {

  /** The partner organisations that are not demo data, with one enrolled PartnerID each. */
  static final List<String> MORE_ORGANISATIONS = List.of("contoso", "adatum", "tailspin", "woodgrove", "litware", "proseware");

  /** Claims seeded in one transaction. */
  private static final int BATCH = 100_000;

  private final Database database;

  SeededStore(Database database) {
    this.database = database;
  }

  long claims() {
    return database.count("select count(*) from claims");
  }

  /**
   * The counts of claims per organisation, status, program and workload made again from the claims (as the migration
   * that introduced them does): claims written by SQL, not by the product, are not counted otherwise.
   */
  static final List<String> RECOUNT = List.of("delete from claim_counts", """
      insert into claim_counts (organisation_id, status, program, workload, claims)
      select organisation_id, status, program, '', count(*) from claims group by organisation_id, status, program""", """
      insert into claim_counts (organisation_id, status, program, workload, claims)
      select c.organisation_id, c.status, c.program, w.code, count(*) from claims c join claim_workloads w on w.claim_id = c.id
      group by c.organisation_id, c.status, c.program, w.code""");

  /**
   * Seeds claims until the store holds {@code total} (nothing when it holds as many already); answers how long that
   * took, VACUUM and the statistics the planner reads (ANALYZE) included.
   */
  Duration growTo(long total) {
    long start = System.nanoTime();
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), Settings.dbUser(), Settings.dbPassword())) {
      organisations(connection);
      // seeded claims are numbered 1, 2, … in the order they were seeded; the product's own come on top
      long first = number(connection, "select count(*) from claims where customer_domain like '%.seed.example.com'") + 1;
      long count = total - claims();
      try (Statement statement = connection.createStatement()) {
        // the rows are made consistent: the foreign keys' per-row triggers would only slow the load down
        statement.execute("set session_replication_role = replica");
        statement.execute("set synchronous_commit = off");
      }
      connection.setAutoCommit(false);
      for (long from = first; from < first + count; from += BATCH) {
        batch(connection, from, Math.min(first + count - 1, from + BATCH - 1));
        connection.commit();
      }
      try (Statement statement = connection.createStatement()) {
        for (String sql : RECOUNT) {
          statement.execute(sql);
        }
      }
      connection.commit();
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        // as autovacuum leaves a store that has run for a while: old rows marked visible to every transaction, so an
        // index-only scan need not visit them (a bulk load leaves that to autovacuum, at some moment of the measuring)
        statement.execute("vacuum analyze");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("seeding the store: " + e.getMessage(), e);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static long number(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      try (ResultSet rows = statement.executeQuery(sql)) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static void organisations(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (int i = 0; i < MORE_ORGANISATIONS.size(); i++) {
        String id = MORE_ORGANISATIONS.get(i);
        String name = Character.toUpperCase(id.charAt(0)) + id.substring(1);
        statement.execute("insert into organisations (id, name, time_zone) values ('" + id + "', '" + name + "', null) on conflict do nothing");
        statement.execute("insert into partner_locations (partner_id, organisation_id, enrolled) values ('90000" + (i + 1) + "', '"
            + id + "', true) on conflict do nothing");
      }
    }
  }

  /** Claims number {@code from} to {@code to} (inclusive) and everything the product writes with them. */
  private static void batch(Connection connection, long from, long to) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(BATCH_TABLE.replace(":from", Long.toString(from)).replace(":to", Long.toString(to)));
      for (String sql : INSERTS) {
        statement.execute(sql);
      }
      statement.execute("drop table seed_workloads");
      statement.execute("drop table seed_batch");
    }
  }

  private static final String M365 = "array['EXCHANGE_ONLINE', 'SHAREPOINT_ONLINE', 'ONEDRIVE', 'TEAMS', 'TEAMS_PHONE', "
      + "'MICROSOFT_365_APPS', 'INTUNE', 'ENTRA_ID', 'DEFENDER_FOR_OFFICE_365', 'DEFENDER_FOR_ENDPOINT', "
      + "'DEFENDER_FOR_IDENTITY', 'PURVIEW_INFORMATION_PROTECTION', 'COPILOT']";
  private static final String BUSINESS_APPLICATIONS = "array['DYNAMICS_365_SALES', 'DYNAMICS_365_CUSTOMER_SERVICE', "
      + "'DYNAMICS_365_FIELD_SERVICE', 'DYNAMICS_365_FINANCE', 'DYNAMICS_365_SUPPLY_CHAIN', 'DYNAMICS_365_BUSINESS_CENTRAL', "
      + "'DYNAMICS_365_COMMERCE', 'DYNAMICS_365_CUSTOMER_INSIGHTS', 'DYNAMICS_365_PROJECT_OPERATIONS', 'POWER_APPS', "
      + "'POWER_AUTOMATE', 'POWER_BI', 'POWER_PAGES']";

  /** One row per claim of the batch with everything its rows are made of; picks come from hashes of its number. */
  private static final String BATCH_TABLE = """
      create temp table seed_batch as
      with picks as (
        select n,
          (hashtext('organisation' || n) & 2147483647) % 100 as org_pick,
          (hashtext('status' || n) & 2147483647) % 1000 as status_pick,
          ((hashtext('when' || n) & 2147483647) % 1000000) / 1000000.0 as when_pick,
          (hashtext('what' || n) & 2147483647) as what_pick
        from generate_series(:from::bigint, :to::bigint) n),
      claims as (
        select n, md5('seed-claim-' || n)::uuid::text as id,
          case when org_pick < 88 then 'fabrikam' when org_pick < 94 then 'northwind'
            else (:organisations)[org_pick - 93] end as organisation_id,
          case when org_pick < 88 then (case when n % 2 = 0 then '4567890' else '4567891' end)
            when org_pick < 94 then '7654321' else '90000' || (org_pick - 93) end as partner_id,
          case when what_pick % 100 < 85 then 'OSU_M365' else 'OSU_BUSINESS_APPLICATIONS' end as program,
          md5('seed-tenant-' || n)::uuid::text as tenant_id,
          'c' || n || '.seed.example.com' as domain,
          case when status_pick < 780 then 'OFFICIAL' when status_pick < 850 then 'REJECTED'
            when status_pick < 890 then 'WITHDRAWN' when status_pick < 950 then 'ENDED'
            when status_pick < 960 then 'SUBMITTED' when status_pick < 970 then 'UNDER_REVIEW'
            when status_pick < 980 then 'PARTNER_ACTION_REQUIRED' else 'APPROVED' end as status,
          status_pick >= 780 and status_pick < 850 and what_pick % 3 = 0 as declined,
          case when status_pick < 950
            then date_trunc('second', now()) - interval '20 days' - when_pick * interval '710 days'
            else date_trunc('second', now()) - when_pick * interval '20 days' end as submitted_at,
          1 + (what_pick / 100) % 3 as workload_count,
          (what_pick / 1000) % 13 as workload_pick,
          what_pick
        from picks)
      select c.*,
        case when organisation_id = 'fabrikam' then 'fabrikam-admin' when organisation_id = 'northwind' then 'northwind-admin'
          else organisation_id || '-admin' end as submitted_by,
        case when status in ('OFFICIAL', 'ENDED', 'APPROVED') or declined then submitted_at + interval '3 days' end as notified_at,
        case when status in ('OFFICIAL', 'ENDED') then submitted_at + interval '17 days' end as official_at
      from claims c""".replace(":organisations", "array[" + String.join(", ", MORE_ORGANISATIONS.stream().map(o -> "'" + o + "'").toList()) + "]");

  private static final String PDF_HEX = java.util.HexFormat.of().formatHex(org.cpor.reliability.Api.PDF);

  private static final List<String> INSERTS = List.of(
      """
      insert into claims (id, name, partner_id, organisation_id, program, customer_tenant_id, customer_domain,
        customer_contact_name, customer_contact_title, customer_contact_email, customer_contact_language,
        partner_contact_name, partner_contact_email, incentive_opt_out, comment, status, submitted_at, submitted_by,
        review_due_at, customer_notified_at, opt_out_deadline_at, official_at, customer_declined_at, withdrawn_at)
      select id, 'Rollout ' || n || ' at ' || domain, partner_id, organisation_id, program, tenant_id, domain,
        'Customer ' || n, 'CIO', 'it-' || n || '@' || domain, case when n % 10 = 0 then 'hu' else 'en' end,
        'Partner contact ' || (n % 500), 'deals-' || (n % 500) || '@' || organisation_id || '.example', n % 20 = 0,
        'Deployment finished, signed PoE attached', status, submitted_at, submitted_by,
        case when status not in ('SUBMITTED', 'WITHDRAWN') then submitted_at + interval '7 days' end,
        notified_at, notified_at + interval '14 days', official_at,
        case when declined then submitted_at + interval '5 days' end,
        case when status = 'WITHDRAWN' then submitted_at + interval '2 days' end
      from seed_batch""",
      """
      create temp table seed_workloads as
      select id as claim_id, (case when program = 'OSU_M365' then :m365 else :business end)[1 + (workload_pick + 5 * i) % 13]
        as code, case when i = 0 and n % 4 = 0 then md5('seed-subscription-' || n)::uuid::text end as subscription_id
      from seed_batch cross join generate_series(0, 2) i where i < workload_count""".replace(":m365", M365).replace(":business", BUSINESS_APPLICATIONS),
      "insert into claim_workloads (claim_id, code, subscription_id) select claim_id, code, subscription_id from seed_workloads",
      """
      insert into claim_findings (claim_id, seq, code, severity, message)
      select id, 0, 'TENANT_NOT_VERIFIED', 'WARNING', 'The tenant ' || tenant_id || ' is not in the tenant directory'
      from seed_batch where what_pick % 10 < 3""",
      """
      insert into claim_decisions (claim_id, outcome, reasons, comment, decided_at, decided_by)
      select id, 'APPROVED', '', null, submitted_at + interval '2 days', 'validator'
      from seed_batch where status in ('OFFICIAL', 'ENDED', 'APPROVED') or declined
      union all
      select id, 'REJECTED', 'INSUFFICIENT_POE', 'The PoE is not signed by the customer', submitted_at + interval '2 days', 'validator'
      from seed_batch where status = 'REJECTED' and not declined
      union all
      select id, 'REJECTED', 'CUSTOMER_DECLINED', null, submitted_at + interval '5 days', 'customer'
      from seed_batch where declined
      union all
      select id, 'INFORMATION_REQUESTED', 'MISSING_WORKLOADS', 'Which workloads did you deploy?', submitted_at + interval '1 day', 'validator'
      from seed_batch where status = 'PARTNER_ACTION_REQUIRED'""",
      """
      insert into information_requests (claim_id, reasons, question, requested_at, due_at)
      select id, 'MISSING_WORKLOADS', 'Which workloads did you deploy?', submitted_at + interval '1 day', submitted_at + interval '11 days'
      from seed_batch where status = 'PARTNER_ACTION_REQUIRED'""",
      """
      insert into associations (id, claim_id, partner_id, organisation_id, tenant_id, workload, status, since, ended_at,
        end_reason, active_key)
      select md5('seed-association-' || w.claim_id || w.code)::uuid::text, b.id, b.partner_id, b.organisation_id, b.tenant_id,
        w.code, case when b.status = 'OFFICIAL' then 'ACTIVE' else 'ENDED' end, b.official_at,
        case when b.status = 'ENDED' then b.official_at + interval '90 days' end,
        case when b.status = 'ENDED' then (array['SUPERSEDED', 'CUSTOMER_DECLINED', 'PARTNER_DISASSOCIATED'])[1 + b.n % 3] end,
        case when b.status = 'OFFICIAL' then b.tenant_id || '/' || w.code end
      from seed_batch b join seed_workloads w on w.claim_id = b.id where b.status in ('OFFICIAL', 'ENDED')""",
      """
      insert into claim_timeline (claim_id, occurred_at, actor, type, detail)
      select id, t.at, t.actor, t.type, t.detail from seed_batch b cross join lateral (values
        (0, b.submitted_at, b.submitted_by, 'SUBMITTED', 'PartnerID ' || b.partner_id),
        (1, b.submitted_at, 'system', 'CHECKED', case when b.what_pick % 10 < 3 then 'TENANT_NOT_VERIFIED' else 'no findings' end),
        (2, b.submitted_at, 'system', 'REVIEW_STARTED', 'review due by ' || (b.submitted_at + interval '7 days')),
        (3, b.submitted_at + interval '2 days', 'validator', case when b.status = 'REJECTED' and not b.declined then 'REJECTED' else 'APPROVED' end, null),
        (4, b.notified_at, 'system', 'CUSTOMER_NOTIFIED', b.customer_contact_email_of),
        (5, b.official_at, 'system', 'OFFICIAL', null),
        (6, b.submitted_at + interval '5 days', 'customer', 'CUSTOMER_DECLINED', null),
        (7, b.submitted_at + interval '2 days', b.submitted_by, 'WITHDRAWN', null),
        (8, b.official_at + interval '90 days', 'system', 'ENDED', 'no active association left')
      ) as t (step, at, actor, type, detail)
      where case t.step
        when 0 then true
        when 1 then true
        when 2 then b.status <> 'SUBMITTED'
        when 3 then b.status in ('OFFICIAL', 'ENDED', 'APPROVED', 'REJECTED')
        when 4 then b.notified_at is not null
        when 5 then b.official_at is not null
        when 6 then b.declined
        when 7 then b.status = 'WITHDRAWN'
        else b.status = 'ENDED' end
      order by b.n, t.step""".replace("b.customer_contact_email_of", "'it-' || b.n || '@' || b.domain"),
      """
      insert into notifications (claim_id, kind, recipient, language, subject, body, created_at, state, attempts, sent_at)
      select id, m.kind, m.recipient, 'en', m.subject, m.subject || E'\\n\\nClaim ' || b.id || ' for ' || b.domain || E'.\\n', m.at, 'SENT', 1, m.at
      from seed_batch b cross join lateral (values
        (0, 'CLAIM_RECEIVED', 'deals-' || (b.n % 500) || '@' || b.organisation_id || '.example', 'Claim received', b.submitted_at),
        (1, 'CUSTOMER_ASSOCIATION_REQUEST', 'it-' || b.n || '@' || b.domain, 'Your partner asks to be associated', b.notified_at),
        (2, 'ASSOCIATION_OFFICIAL', 'deals-' || (b.n % 500) || '@' || b.organisation_id || '.example', 'Association official', b.official_at),
        (3, 'CLAIM_REJECTED', 'deals-' || (b.n % 500) || '@' || b.organisation_id || '.example', 'Claim rejected', b.submitted_at + interval '2 days')
      ) as m (step, kind, recipient, subject, at)
      where case m.step when 0 then true when 1 then b.notified_at is not null when 2 then b.official_at is not null
        else b.status = 'REJECTED' end""",
      """
      insert into poe_files (id, organisation_id, claim_id, file_name, content_type, size_bytes, sha256, content, uploaded_at, uploaded_by)
      select md5('seed-poe-' || n)::uuid::text, organisation_id, id, 'signed-poe.pdf', 'application/pdf', %d,
        encode(sha256(decode('%s', 'hex')), 'hex'), decode('%s', 'hex'), submitted_at - interval '1 minute', submitted_by
      from seed_batch""".formatted(org.cpor.reliability.Api.PDF.length, PDF_HEX, PDF_HEX),
      """
      insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_, start_time_, end_time_,
        duration_, start_user_id_, start_act_id_, end_act_id_, root_proc_inst_id_, state_)
      select pid, pid, b.id, d.key_, d.id_, b.submitted_at, e.ended_at,
        (extract(epoch from e.ended_at - b.submitted_at) * 1000)::bigint, b.submitted_by, 'StartEvent_ClaimSubmitted',
        e.end_activity, pid, case when e.ended_at is null then 'ACTIVE' else 'COMPLETED' end
      from seed_batch b
      cross join lateral (select md5('seed-instance-' || b.n)::uuid::text as pid) p
      cross join lateral (select
        case b.status when 'OFFICIAL' then b.official_at when 'ENDED' then b.official_at
          when 'REJECTED' then b.submitted_at + interval '5 days' when 'WITHDRAWN' then b.submitted_at + interval '2 days' end as ended_at,
        case b.status when 'OFFICIAL' then 'EndEvent_AssociationOfficial' when 'ENDED' then 'EndEvent_AssociationOfficial'
          when 'REJECTED' then (case when b.declined then 'EndEvent_CustomerDeclined' else 'EndEvent_ClaimRejected' end) when 'WITHDRAWN' then 'EndEvent_ClaimWithdrawn' end as end_activity) e
      cross join (select id_, key_ from act_re_procdef where key_ = 'AssociationClaimProcess' order by version_ desc limit 1) d""");
}
