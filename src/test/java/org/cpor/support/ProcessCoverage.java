package org.cpor.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.Ordering;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.core.model.Run;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.camunda.community.process_test_coverage.engine.platform7.ExecutionContextModelProvider;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * Process test coverage in the suite's one application context: the process test must walk every flow node and
 * sequence flow of the model, or the build fails. The coverage listener (registered for every test class by the
 * coverage library) measures that class only; what the other test classes run through the engine is recorded
 * outside any measured run, so they need no context of their own.
 */
@TestConfiguration
public class ProcessCoverage {

  /** The test class whose paths must cover the whole model. */
  static final String PROCESS_TEST = "org.cpor.process.AssociationClaimProcessTest";

  /** The engine reports each flow node and sequence flow it passes (what the library's own configuration does). */
  @Bean
  @Order(Ordering.DEFAULT_ORDER + 1)
  AbstractCamundaConfiguration processCoverageInTheEngine() {
    return new AbstractCamundaConfiguration() {
      @Override
      public void preInit(SpringProcessEngineConfiguration configuration) {
        ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
      }
    };
  }

  @Bean
  ProcessEngineCoverageProperties processEngineCoverageProperties() {
    return ProcessEngineCoverageProperties.builder().addInclusionPatternForTestClasses(PROCESS_TEST)
        .assertClassCoverageAtLeast(1.0).build();
  }

  /**
   * Until the process test runs, the engine's coverage listener records into a run nobody measures (the library
   * refuses events with no run at all).
   */
  @Bean
  SmartInitializingSingleton coverageOutsideTheProcessTest(ProcessEngine engine) {
    return () -> {
      DefaultCollector outside = new DefaultCollector(new ExecutionContextModelProvider());
      outside.createSuite(new Suite("outside", "test classes other than " + PROCESS_TEST));
      outside.activateSuite("outside");
      outside.createRun(new Run("outside", "outside"), "outside");
      outside.activateRun("outside");
      new ProcessEngineAdapter(engine, outside).initializeListeners();
    };
  }
}
