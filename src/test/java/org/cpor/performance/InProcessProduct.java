package org.cpor.performance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cpor.CporApplication;
import org.cpor.claim.Claim;
import org.cpor.claim.ClaimAccess;
import org.cpor.claim.ClaimRequest;
import org.cpor.claim.ClaimStatus;
import org.cpor.claim.ClaimSubmissions;
import org.cpor.claim.ClaimView;
import org.cpor.claim.ClaimViews;
import org.cpor.identity.Caller;
import org.cpor.identity.Callers;
import org.cpor.poe.PoeFiles;
import org.cpor.reliability.Api;
import org.cpor.reliability.Claims;
import org.cpor.reliability.Database;
import org.cpor.reliability.MailServer;
import org.cpor.reliability.Settings;
import org.cpor.reliability.Node;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The product (CporApplication) started in this JVM on a PostgreSQL database, with the postgres profile, demo data,
 * its job executor, a random port and the given SMTP server; its use cases are called directly, without HTTP, the way
 * its controllers and the engine's REST API call them, each call signing its user in as a request would (the product's
 * sign-in: the password checked and the groups read once every few seconds). Closing it stops the application.
 */
public final class InProcessProduct implements AutoCloseable {

  /** A lifecycle or a seeded claim that takes longer than this has failed. */
  private static final Duration CLAIM_LIMIT = Duration.ofSeconds(120);
  /** How often a client looks for the opt-out timer while the job executor notifies the customer. */
  private static final Duration POLL = Duration.ofMillis(20);
  private static final String ADMIN = "admin";
  private static final String VALIDATOR = "validator";

  private final ConfigurableApplicationContext context;
  private final String jdbcUrl;
  private final String user;
  private final String password;
  private final PoeFiles poeFiles;
  private final ClaimSubmissions submissions;
  private final ClaimAccess access;
  private final ClaimViews views;
  private final Callers callers;
  private final IdentityService identity;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  /** The product's sign-in of HTTP Basic credentials. */
  private final AuthenticationProvider signIns;
  /** The demo users' tenants, which no lifecycle changes. */
  private final Map<String, List<String>> tenantsOfUsers = new ConcurrentHashMap<>();

  private InProcessProduct(ConfigurableApplicationContext context, String jdbcUrl, String user, String password) {
    this.context = context;
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
    this.poeFiles = context.getBean(PoeFiles.class);
    this.submissions = context.getBean(ClaimSubmissions.class);
    this.access = context.getBean(ClaimAccess.class);
    this.views = context.getBean(ClaimViews.class);
    this.callers = context.getBean(Callers.class);
    this.identity = context.getBean(IdentityService.class);
    this.tasks = context.getBean(TaskService.class);
    this.runtime = context.getBean(RuntimeService.class);
    this.management = context.getBean(ManagementService.class);
    this.jdbc = context.getBean(JdbcClient.class);
    this.transactions = context.getBean(TransactionTemplate.class);
    this.signIns = context.getBean(AuthenticationProvider.class);
  }

  /**
   * Starts the product on the database (PostgreSQL; Flyway migrates an empty one) and waits until it is ready (its
   * start-up runners, the demo users among them, have run). {@code extraArguments} are command-line arguments such as
   * {@code --camunda.bpm.job-execution.max-pool-size=10}.
   */
  public static InProcessProduct start(String jdbcUrl, String user, String password, MailServer mail, String... extraArguments) {
    List<String> arguments = new ArrayList<>(List.of(
        // command-line arguments: they win over application.yaml and the environment (CPOR_DB_URL …)
        "--spring.datasource.url=" + jdbcUrl,
        "--spring.datasource.username=" + user,
        "--spring.datasource.password=" + password,
        "--cpor.customer-links.signing-key=" + org.cpor.reliability.Node.LINK_KEY,
        "--cpor.demo-data.enabled=true",
        "--camunda.bpm.job-execution.enabled=true",
        "--server.port=0",
        "--spring.mail.host=" + mail.host(),
        "--spring.mail.port=" + mail.port(),
        "--spring.main.banner-mode=off",
        "--logging.level.root=WARN"));
    arguments.addAll(List.of(extraArguments));
    ConfigurableApplicationContext context = new SpringApplicationBuilder(CporApplication.class).profiles("postgres")
        .run(arguments.toArray(String[]::new));
    return new InProcessProduct(context, jdbcUrl, user, password);
  }

  /** On a database of the reliability harness, with its user and password. */
  public static InProcessProduct start(Database database, MailServer mail, String... extraArguments) {
    return start(database.jdbcUrl(), Settings.dbUser(), Settings.dbPassword(), mail, extraArguments);
  }

  public ConfigurableApplicationContext context() {
    return context;
  }

  /**
   * {@code clients} clients repeat whole lifecycles for {@code warmup} (not measured), then for {@code measured}: a
   * partner uploads a PoE file and submits a claim, the validator finds the validation task and approves it, the job
   * executor notifies the customer (the client waits for the opt-out timer), an administrator finds the timer and
   * runs it, the partner reads the claim until it is OFFICIAL. Figures of the measured window, with this JVM's CPU.
   */
  public LifecycleRun run(int clients, Duration warmup, Duration measured) {
    String run = "inprocess-" + UUID.randomUUID().toString().substring(0, 8);
    return LifecycleRun.drive("product use cases, in-process", clients, warmup, measured,
        () -> LifecycleRun.start(ProcessHandle.current().pid(), jdbcUrl, user, password),
        (window, number) -> lifecycle(run, number, window));
  }

  private void lifecycle(String run, int number, LifecycleRun.Window window) {
    Claims.Partner partner = Claims.partnerOf(number);
    Opened opened = open(run, number, window);

    Job timer = timed(window, "timer wait", () -> awaitTimer(opened.processInstanceId()));
    timed(window, "executeJob", () -> {
      executeAsAdministrator(timer.getId());
      return null;
    });

    ClaimView view = timed(window, "claim read", () -> read(partner, opened.claimId()));
    Instant limit = Instant.now().plus(CLAIM_LIMIT);
    while (view.status() != ClaimStatus.OFFICIAL) {
      if (Instant.now().isAfter(limit)) {
        throw new IllegalStateException("claim " + opened.claimId() + " is " + view.status() + ", not OFFICIAL, after its timer ran");
      }
      Node.sleep(POLL.toMillis());
      view = timed(window, "claim read", () -> read(partner, opened.claimId()));
    }
  }

  /** A claim submitted and approved, its customer about to be notified by the job executor. */
  private record Opened(String claimId, String processInstanceId) {}

  /** The partner uploads a PoE file and submits the claim; the validator finds its validation task and approves it. */
  private Opened open(String run, int number, LifecycleRun.Window window) {
    Claims.Partner partner = Claims.partnerOf(number);
    String poeId = timed(window, "PoE upload", () -> poeFiles.upload(signIn(partner.admin()), "signed-poe.pdf", Api.PDF).id());
    ClaimRequest request = request(run, number, poeId);
    Claim claim = timed(window, "claim submission", () -> {
      Caller caller = signIn(partner.admin());
      Claim submitted = submissions.submit(request, caller);
      views.of(submitted, caller);
      return submitted;
    });
    Task task = timed(window, "task query", () -> asEngineUser(VALIDATOR, () -> tasks.createTaskQuery()
        .processInstanceBusinessKey(claim.id()).taskDefinitionKey(Api.VALIDATION_TASK).singleResult()));
    if (task == null) {
      throw new IllegalStateException("claim " + claim.id() + " has no validation task after its submission");
    }
    timed(window, "complete", () -> {
      approveAsValidator(task);
      return null;
    });
    return new Opened(claim.id(), task.getProcessInstanceId());
  }

  /**
   * Brings {@code count} claims to their opt-out window (status APPROVED, optOutDeadline set, the opt-out timer
   * waiting) with {@code clients} clients, fast: every claim the whole way costs too much CPU for thousands on two
   * cores (about 0.5 s each), so one in a hundred (at least {@code clients}) goes the whole way
   * ({@link #driveToOpenWindows}) and the others are copies of the first: its claim-store rows (claim, workloads,
   * findings, decision, timeline) under a new claim ID, tenant, domain and contacts, and a process instance the
   * engine starts at {@code Task_AwaitCustomerDecision} with the first one's variables (the claim ID its own), so the
   * engine creates the same receive task, message subscriptions and opt-out timer (from {@code optOutDeadlineAt}).
   * What a timer does when it falls due is the same for every one of them.
   */
  public void seedOpenWindows(int count, int clients) {
    int driven = Math.min(count, Math.max(clients, count / 100));
    List<String> template = driveToOpenWindows(driven, clients);
    int copies = count - driven;
    if (copies == 0) {
      return;
    }
    String run = "copy-" + UUID.randomUUID().toString().substring(0, 8);
    String original = template.get(0);
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(original).singleResult();
    Map<String, Object> variables = runtime.getVariables(instance.getId());
    AtomicInteger next = new AtomicInteger();
    parallel(clients, "copying-client-", () -> {
      for (int i = next.getAndIncrement(); i < copies; i = next.getAndIncrement()) {
        int number = driven + i;
        transactions.executeWithoutResult(status -> copy(original, variables, run, number));
      }
    });
    // the copies were written by SQL: the counts of claims are made again from the claims
    transactions.executeWithoutResult(status -> SeededStore.RECOUNT.forEach(sql -> jdbc.sql(sql).update()));
    long open = openWindows();
    if (open < count) {
      throw new IllegalStateException("only " + open + " claims wait in their opt-out window, not " + count);
    }
  }

  /** Claim {@code number}: the original's rows under a new ID, tenant and contacts; its process waits for the customer. */
  private void copy(String original, Map<String, Object> originalVariables, String run, int number) {
    String claimId = UUID.randomUUID().toString();
    String tenant = UUID.randomUUID().toString();
    jdbc.sql("""
        insert into claims (id, name, partner_id, organisation_id, program, customer_tenant_id, customer_domain,
          customer_contact_name, customer_contact_title, customer_contact_email, customer_contact_language,
          partner_contact_name, partner_contact_email, incentive_opt_out, comment, status, submitted_at, submitted_by,
          review_due_at, customer_notified_at, opt_out_deadline_at)
        select :id, :name, partner_id, organisation_id, program, :tenant, :domain,
          customer_contact_name, customer_contact_title, :customerEmail, customer_contact_language,
          partner_contact_name, :partnerEmail, incentive_opt_out, comment, status, submitted_at, submitted_by,
          review_due_at, customer_notified_at, opt_out_deadline_at
        from claims where id = :original""")
        .param("id", claimId).param("name", "Copy " + run + " #" + number).param("tenant", tenant)
        .param("domain", "t" + number + "-" + tenant.substring(0, 8) + ".example.com")
        .param("customerEmail", Claims.customerEmail(run, number)).param("partnerEmail", Claims.partnerEmail(run, number))
        .param("original", original).update();
    jdbc.sql("insert into claim_workloads (claim_id, code, subscription_id) select ?, code, subscription_id from claim_workloads where claim_id = ?")
        .params(claimId, original).update();
    jdbc.sql("insert into claim_findings (claim_id, seq, code, severity, message) select ?, seq, code, severity, message from claim_findings where claim_id = ?")
        .params(claimId, original).update();
    jdbc.sql("""
        insert into claim_decisions (claim_id, outcome, reasons, comment, decided_at, decided_by)
        select ?, outcome, reasons, comment, decided_at, decided_by from claim_decisions where claim_id = ?""")
        .params(claimId, original).update();
    jdbc.sql("""
        insert into claim_timeline (claim_id, occurred_at, actor, type, detail)
        select ?, occurred_at, actor, type, detail from claim_timeline where claim_id = ? order by id""")
        .params(claimId, original).update();
    Map<String, Object> variables = new java.util.HashMap<>(originalVariables);
    variables.put("claimId", claimId);
    runtime.createProcessInstanceByKey("AssociationClaimProcess").businessKey(claimId).setVariables(variables)
        .startBeforeActivity("Task_AwaitCustomerDecision").execute();
  }

  /**
   * Drives {@code count} claims with {@code clients} clients the whole way to their opt-out window, as users and the
   * job executor do: submitted, approved, the customer notified (status APPROVED, optOutDeadline set, the timer
   * waiting). Returns their IDs once every one waits there.
   */
  public List<String> driveToOpenWindows(int count, int clients) {
    String run = "seed-" + UUID.randomUUID().toString().substring(0, 8);
    long before = openWindows();
    AtomicInteger next = new AtomicInteger();
    List<String> claimIds = java.util.Collections.synchronizedList(new ArrayList<>());
    parallel(clients, "seeding-client-", () -> {
      for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
        claimIds.add(open(run, i, null).claimId());
      }
    });
    // the job executor notifies the customers on its own; each notification sets the deadline and the timer
    Instant limit = Instant.now().plus(CLAIM_LIMIT).plus(Duration.ofMillis(count * 20L));
    long open;
    while ((open = openWindows() - before) < count) {
      if (Instant.now().isAfter(limit)) {
        throw new IllegalStateException("only " + open + " of " + count + " seeded claims wait in their opt-out window");
      }
      Node.sleep(250);
    }
    return List.copyOf(claimIds);
  }

  /** {@code work} on {@code clients} threads at once; throws the first failure once all have ended. */
  private static void parallel(int clients, String name, Runnable work) {
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Thread thread = new Thread(() -> {
        try {
          work.run();
        } catch (RuntimeException e) {
          failure.compareAndSet(null, e);
        }
      }, name + c);
      threads.add(thread);
      thread.start();
    }
    join(threads);
    if (failure.get() != null) {
      throw new IllegalStateException(name + "failed: " + failure.get(), failure.get());
    }
  }

  /** Claims APPROVED with their deadline set whose opt-out timer waits. */
  public long openWindows() {
    return jdbc.sql("""
        select count(*) from claims c where c.status = 'APPROVED' and c.opt_out_deadline_at is not null
        and exists (select 1 from ACT_RU_JOB j join ACT_RU_EXECUTION e on e.ID_ = j.PROCESS_INSTANCE_ID_
                    join ACT_RU_JOBDEF d on d.ID_ = j.JOB_DEF_ID_
                    where e.BUSINESS_KEY_ = c.id and d.ACT_ID_ = ?)""")
        .param(Api.OPT_OUT_TIMER).query(Long.class).single();
  }

  private static ClaimRequest request(String run, int number, String poeId) {
    Map<String, Object> body = Claims.body(run, number);
    @SuppressWarnings("unchecked") Map<String, String> customer = (Map<String, String>) body.get("customerContact");
    @SuppressWarnings("unchecked") Map<String, String> partner = (Map<String, String>) body.get("partnerContact");
    return new ClaimRequest((String) body.get("name"), (String) body.get("partnerId"), (String) body.get("program"),
        (String) body.get("customerTenantId"), (String) body.get("customerDomain"),
        List.of(new ClaimRequest.WorkloadRequest("TEAMS", null)),
        new ClaimRequest.CustomerContactRequest(customer.get("name"), customer.get("title"), customer.get("email"), customer.get("language")),
        new ClaimRequest.PartnerContactRequest(partner.get("name"), partner.get("email")),
        (Boolean) body.get("incentiveOptOut"), (String) body.get("comment"), List.of(poeId));
  }

  /**
   * The validator completes the validation task with APPROVED, as {@code POST /engine-rest/task/{id}/complete} does:
   * signed in to the engine, the REST guard's reads and checks (the task and its claim, the caller's group, the form's
   * fields), then the completion, whose task listener checks the decision.
   */
  private void approveAsValidator(Task found) {
    asEngineUser(VALIDATOR, () -> {
      List<String> groups = identity.getCurrentAuthentication().getGroupIds();
      Task task = asProduct(() -> tasks.createTaskQuery().taskId(found.getId()).singleResult());
      if (task == null) {
        throw new IllegalStateException("validation task " + found.getId() + " is gone");
      }
      ProcessInstance instance = asProduct(() -> runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult());
      if (instance == null || !groups.contains(org.cpor.identity.Groups.VALIDATORS)) {
        throw new IllegalStateException(VALIDATOR + " may not complete " + task.getId());
      }
      asProduct(() -> tasks.getVariablesLocal(task.getId()));
      tasks.complete(task.getId(), Map.of("validationOutcome", "APPROVED"));
      return null;
    });
  }

  /** The opt-out timer of the instance, as an administrator finds it ({@code GET /engine-rest/job?…}), once it exists. */
  private Job awaitTimer(String processInstanceId) {
    Instant limit = Instant.now().plus(CLAIM_LIMIT);
    while (true) {
      Job timer = asEngineUser(ADMIN, () -> management.createJobQuery().processInstanceId(processInstanceId)
          .activityId(Api.OPT_OUT_TIMER).singleResult());
      if (timer != null) {
        return timer;
      }
      if (Instant.now().isAfter(limit)) {
        throw new IllegalStateException("the job executor did not notify the customer of " + processInstanceId + " within " + CLAIM_LIMIT);
      }
      Node.sleep(POLL.toMillis());
    }
  }

  /** {@code POST /engine-rest/job/{id}/execute} as an administrator: the guard lets only administrators through. */
  private void executeAsAdministrator(String jobId) {
    asEngineUser(ADMIN, () -> {
      if (!identity.getCurrentAuthentication().getGroupIds().contains(org.cpor.identity.Groups.ADMINS)) {
        throw new IllegalStateException(ADMIN + " is not an administrator");
      }
      management.executeJob(jobId);
      return null;
    });
  }

  /** {@code GET /api/claims/{id}} as the partner's admin. */
  private ClaimView read(Claims.Partner partner, String claimId) {
    Caller caller = signIn(partner.admin());
    return views.of(access.read(claimId, caller), caller);
  }

  /**
   * A partner API request's sign-in (HTTP Basic): the product's own sign-in, which checks the password and reads the
   * groups once for a few seconds ({@code cpor.sign-in.cache-time}), as for every request over HTTP. The caller it makes.
   */
  private Caller signIn(String userId) {
    Authentication authentication = authenticate(userId);
    SecurityContextHolder.getContext().setAuthentication(authentication);
    return callers.of(authentication);
  }

  private Authentication authenticate(String userId) {
    try {
      return signIns.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(userId, userId));
    } catch (AuthenticationException e) {
      throw new IllegalStateException("demo user " + userId + " cannot sign in", e);
    }
  }

  /**
   * An engine REST request's sign-in (the engine's authentication filter takes the same sign-in, with the groups and the
   * tenants of the user, also remembered), for one call.
   */
  private <T> T asEngineUser(String userId, Supplier<T> call) {
    List<String> groups = authenticate(userId).getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    List<String> tenants = tenantsOfUsers.computeIfAbsent(userId, id -> identity.createTenantQuery().userMember(id)
        .includingGroupsOfUser(true).list().stream().map(Tenant::getId).toList());
    identity.setAuthentication(userId, groups, tenants);
    try {
      return call.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** A read without the caller's engine authorisation, as the REST guard reads tasks (TaskRouting.asProduct). */
  private <T> T asProduct(Supplier<T> read) {
    org.camunda.bpm.engine.impl.identity.Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return read.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private static <T> T timed(LifecycleRun.Window window, String call, Supplier<T> work) {
    long started = System.nanoTime();
    T result = work.get();
    if (window != null) {
      window.call(call).add(Duration.ofNanos(System.nanoTime() - started));
    }
    return result;
  }

  private static void join(List<Thread> threads) {
    for (Thread thread : threads) {
      try {
        thread.join(CLAIM_LIMIT.toMillis() * 2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }


  @Override
  public void close() {
    context.close();
  }
}
