package org.cpor.performance;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.cpor.reliability.Node;

/**
 * What the engine alone costs for a claim's lifecycle: a standalone Camunda engine in this JVM (no Spring, no product
 * code, no authorisation), on the given PostgreSQL database, running a process of the product's shape — a user task
 * for a candidate group, an asynchronous service task that does nothing, a receive task with a five-day boundary timer
 * that an administrator fires by hand. Each client repeats lifecycles: start with a business key and five variables,
 * find the user task by process instance, complete it with two variables, wait until the job executor has run the
 * asynchronous step (the timer exists), execute the timer, check the instance ended.
 */
public final class BareEngine {

  static final String PROCESS = "BareClaimProcess";
  static final String USER_TASK = "Task_ValidateClaim";
  static final String ASYNC_TASK = "Task_NotifyCustomer";
  static final String RECEIVE_TASK = "Task_AwaitCustomerDecision";
  static final String TIMER = "BoundaryEvent_OptOutWindowElapsed";
  /** How often a client looks for the timer while the job executor runs the asynchronous step. */
  private static final Duration POLL = Duration.ofMillis(10);
  /** A lifecycle that takes longer than this has failed. */
  private static final Duration LIFECYCLE_LIMIT = Duration.ofSeconds(60);

  private BareEngine() {}

  /** The process: the product's path from the validation task to the official end, without its work. */
  static BpmnModelInstance model() {
    return Bpmn.createExecutableProcess(PROCESS).name("Bare claim").camundaHistoryTimeToLiveString("P3650D")
        .startEvent("StartEvent_ClaimSubmitted").name("Claim submitted")
        .userTask(USER_TASK).name("Validate claim").camundaCandidateGroups("validators")
        .serviceTask(ASYNC_TASK).name("Notify customer").camundaAsyncBefore().camundaDelegateExpression("${notifyCustomerDelegate}")
        .receiveTask(RECEIVE_TASK).name("Await customer decision").message("Msg_CustomerDeclined")
        .endEvent("EndEvent_CustomerDeclined").name("Customer declined")
        .moveToActivity(RECEIVE_TASK)
        .boundaryEvent(TIMER).name("Opt-out window elapsed").timerWithDuration("P5D")
        .endEvent("EndEvent_AssociationOfficial").name("Association official")
        .done();
  }

  /**
   * Runs {@code clients} clients for {@code warmup} (not measured), then for {@code measured}: the figures of the
   * measured window, this JVM's CPU counting as the application's. The engine creates its schema on an empty
   * database and is closed at the end.
   */
  public static LifecycleRun run(String jdbcUrl, String user, String password, int clients, Duration warmup, Duration measured) {
    quietLogging();
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(jdbcUrl);
    pool.setUsername(user);
    pool.setPassword(password);
    // the product's pool (Spring Boot's Hikari default), and room for every client besides the job executor
    pool.setMaximumPoolSize(Math.max(10, clients + 4));
    pool.setPoolName("bare-engine");
    try (HikariDataSource dataSource = new HikariDataSource(pool)) {
      ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) new StandaloneProcessEngineConfiguration()
          .setProcessEngineName("bare")
          .setDataSource(dataSource)
          .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
          .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
          .setJobExecutorActivate(true)
          .setAuthorizationEnabled(false);
      configuration.setBeans(Map.of("notifyCustomerDelegate", (JavaDelegate) execution -> { }));
      ProcessEngine engine = configuration.buildProcessEngine();
      try {
        engine.getRepositoryService().createDeployment().name("bare").addModelInstance(PROCESS + ".bpmn", model())
            .enableDuplicateFiltering(true).deploy();
        return drive(engine, jdbcUrl, user, password, clients, warmup, measured);
      } finally {
        engine.close();
      }
    }
  }

  /**
   * Without Spring Boot nothing configures Logback, whose default is DEBUG for everything: the engine would spend its
   * time logging every statement. INFO, as Spring Boot sets it for the product.
   */
  private static void quietLogging() {
    if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root
        && root.isDebugEnabled()) {
      root.setLevel(ch.qos.logback.classic.Level.INFO);
    }
  }

  private static LifecycleRun drive(ProcessEngine engine, String jdbcUrl, String user, String password, int clients,
      Duration warmup, Duration measured) {
    return LifecycleRun.drive("bare engine, in-process", clients, warmup, measured,
        () -> LifecycleRun.start(ProcessHandle.current().pid(), jdbcUrl, user, password),
        (window, number) -> lifecycle(engine, number, window));
  }

  /** One claim's lifecycle; latencies go to {@code window} when it is measured. */
  private static void lifecycle(ProcessEngine engine, int number, LifecycleRun.Window window) {
    RuntimeService runtime = engine.getRuntimeService();
    TaskService tasks = engine.getTaskService();
    ManagementService management = engine.getManagementService();
    HistoryService history = engine.getHistoryService();
    String claimId = UUID.randomUUID().toString();
    Date now = new Date();
    Map<String, Object> variables = Map.of("claimId", claimId, "organisationId", number % 2 == 0 ? "fabrikam" : "northwind",
        "partnerId", number % 2 == 0 ? "4567890" : "7654321", "submittedAt", now,
        "reviewDueAt", Date.from(now.toInstant().plus(Duration.ofDays(7))));
    long t = System.nanoTime();
    String instance = runtime.startProcessInstanceByKey(PROCESS, claimId, variables).getId();
    record(window, "start", t);

    t = System.nanoTime();
    Task task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(USER_TASK).singleResult();
    record(window, "task query", t);
    if (task == null) {
      throw new IllegalStateException("no " + USER_TASK + " for " + instance);
    }

    t = System.nanoTime();
    tasks.complete(task.getId(), Map.of("validationOutcome", "APPROVED", "decidedAt", new Date()));
    record(window, "complete", t);

    t = System.nanoTime();
    Job timer = null;
    Instant limit = Instant.now().plus(LIFECYCLE_LIMIT);
    while (timer == null) {
      timer = management.createJobQuery().processInstanceId(instance).activityId(TIMER).singleResult();
      if (timer == null) {
        if (Instant.now().isAfter(limit)) {
          throw new IllegalStateException("the job executor did not run " + ASYNC_TASK + " of " + instance + " within " + LIFECYCLE_LIMIT);
        }
        Node.sleep(POLL.toMillis());
      }
    }
    record(window, "timer wait", t);

    t = System.nanoTime();
    management.executeJob(timer.getId());
    record(window, "executeJob", t);

    if (history.createHistoricProcessInstanceQuery().processInstanceId(instance).completed().count() != 1) {
      throw new IllegalStateException(instance + " did not end after its timer");
    }
  }

  private static void record(LifecycleRun.Window window, String call, long startedNanos) {
    if (window != null) {
      window.call(call).add(Duration.ofNanos(System.nanoTime() - startedNanos));
    }
  }

}
