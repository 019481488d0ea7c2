package org.cpor.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.cpor.CporApplication;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the README's Layout, checked on the compiled product: a change that breaks one fails the build
 * with the rule, its reason and each offending dependency named.
 */
class PackageRulesTest {

  private static final JavaClasses PRODUCT = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.cpor");

  /** What every feature builds on: each of these knows nothing of the features above it. */
  private static final String[] LOWER = {"org.cpor.jdbc..", "org.cpor.web..", "org.cpor.identity..",
      "org.cpor.partner..", "org.cpor.tenant..", "org.cpor.deployment..", "org.cpor.timeline..",
      "org.cpor.catalogue..", "org.cpor.changelog..", "org.cpor.calendar.."};

  /** The features: the claim and what happens to it, and the screens and APIs around it. */
  private static final String[] HIGHER = {"org.cpor.claim..", "org.cpor.association..", "org.cpor.notification..",
      "org.cpor.customer..", "org.cpor.poe..", "org.cpor.portal..", "org.cpor.process..", "org.cpor.audit..",
      "org.cpor.admin..", "org.cpor.demo..", "org.cpor.idempotency.."};

  @Test
  void lowerPackagesNeverDependOnFeatures() {
    noClasses().that().resideInAnyPackage(LOWER)
        .should().dependOnClassesThat().resideInAnyPackage(HIGHER)
        .because("the calendar, the timeline, the workload catalogue, sign-in, the web's error handling and the stores "
            + "of reference data are used by every feature; one that reached up would tie every feature to that one")
        .check(PRODUCT);
  }

  /**
   * The engine is behind one door: the process package (delegates, listeners, the workflow adapter, the guard of the
   * engine's REST API), plus the engine-side plugins that live with their feature — sign-in and the authorisations
   * ({@code identity/}), the Cockpit plugin ({@code audit/cockpit/}). The web's problem details know only the engine's
   * two ways of losing a race, which they answer with 409.
   */
  @Test
  void onlyTheProcessPackageAndTheEnginePluginsUseTheEngine() {
    noClasses().that().resideOutsideOfPackages("org.cpor.process..", "org.cpor.identity..", "org.cpor.audit.cockpit..")
        .should().dependOnClassesThat(resideInAPackage("org.camunda..")
            .and(not(belongToAnyOf(OptimisticLockingException.class, MismatchingMessageCorrelationException.class,
                ProcessEngineException.class))))
        .because("a feature needs the engine only through an interface of its own, answered in process/ "
            + "(ClaimWorkflow, ClaimIncidents, TasklistSetup)")
        .check(PRODUCT);
  }

  /**
   * Sign-in and the authorisations are an engine plugin for users, groups and grants: they never run a process, a task
   * or a job, and never read history (Tasklist's filters they grant come from {@code process/} through
   * {@code TasklistSetup}).
   */
  @Test
  void signInAndTheAuthorisationsNeverRunTheProcess() {
    noClasses().that().resideInAPackage("org.cpor.identity..")
        .should().dependOnClassesThat().belongToAnyOf(RuntimeService.class, TaskService.class, FormService.class,
            HistoryService.class, ManagementService.class, RepositoryService.class, FilterService.class)
        .orShould().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.delegate..")
        .because("what runs the claim's process lives in process/, behind one door")
        .check(PRODUCT);
  }

  /**
   * The portal's pages and the API answer from the same services: which claims and associations a caller sees, and
   * how, is decided once ({@code ClaimAccess}, {@code ClaimViews}, {@code Associations}), not again on each screen.
   */
  @Test
  void thePortalReadsThroughTheFeaturesServices() {
    noClasses().that().resideInAPackage("org.cpor.portal..")
        .should().dependOnClassesThat().haveSimpleNameEndingWith("Store")
        .because("a page that read a store itself would decide again what its caller may see, and could decide differently")
        .check(PRODUCT);
  }

  /**
   * A package shows the others only what they use: a public type that nothing outside its package uses (the tests of
   * other packages count) is package-private. Public by necessity: what a framework makes by its name.
   */
  @Test
  void aPublicTypeIsUsedFromAnotherPackage() {
    JavaClasses productAndTests = new ClassFileImporter().importPackages("org.cpor");
    Set<String> product = PRODUCT.stream().map(JavaClass::getName).collect(Collectors.toSet());
    classes().that().arePublic().and().areTopLevelClasses()
        .and(DescribedPredicate.describe("are the product's", (JavaClass c) -> product.contains(c.getName())))
        .and().doNotHaveFullyQualifiedName(CporApplication.class.getName())
        // made by Camunda's webapps and its REST API from their names
        .and().resideOutsideOfPackage("org.cpor.audit.cockpit..")
        .and().doNotHaveSimpleName("SpringSecurityAuthenticationProvider")
        // called by name: from the model's expressions (TaskRouting), the portal's templates (Deadlines, ClaimForm)
        .and().doNotHaveSimpleName("TaskRouting").and().doNotHaveSimpleName("Deadlines").and().doNotHaveSimpleName("ClaimForm")
        // read for their constants, which the compiler copies into the classes that read them
        .and().doNotHaveSimpleName("TaskDisplay").and().doNotHaveSimpleName("ApiDocs").and().doNotHaveSimpleName("DeploymentSettings")
        .should(new ArchCondition<JavaClass>("be used from another package") {
          @Override
          public void check(JavaClass type, ConditionEvents events) {
            boolean used = type.getDirectDependenciesToSelf().stream()
                .anyMatch(d -> !d.getOriginClass().getPackageName().equals(type.getPackageName()));
            if (!used) {
              events.add(SimpleConditionEvent.violated(type, type.getName() + " is public, but only its own package uses it"));
            }
          }
        })
        .because("what a package does not show cannot be tangled with")
        .check(productAndTests);
  }

  /** Upper and lower case the same way on every machine: "TITLE".toLowerCase() is "tıtle" under a Turkish locale. */
  @Test
  void caseConversionsNameTheirLocale() {
    noClasses().should().callMethod(String.class, "toLowerCase").orShould().callMethod(String.class, "toUpperCase")
        .because("a conversion without a Locale follows the machine's default locale")
        .check(PRODUCT);
  }

  /** "Now" is the product's one {@code Clock} bean, so a test that moves it moves everything the product does. */
  @Test
  void timeComesFromTheProductsClock() {
    noClasses().that().resideOutsideOfPackage("org.cpor.audit.cockpit..")
        .should().callMethod(Instant.class, "now")
        .orShould().callMethod(LocalDate.class, "now").orShould().callMethod(LocalDate.class, "now", ZoneId.class)
        .orShould().callMethod(LocalDateTime.class, "now").orShould().callMethod(LocalDateTime.class, "now", ZoneId.class)
        .orShould().callMethod(ZonedDateTime.class, "now").orShould().callMethod(ZonedDateTime.class, "now", ZoneId.class)
        .orShould().callMethod(OffsetDateTime.class, "now").orShould().callMethod(OffsetDateTime.class, "now", ZoneId.class)
        .orShould().callConstructor(Date.class)
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(Clock.class, "systemUTC")
        .orShould().callMethod(Clock.class, "systemDefaultZone")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.impl.util.ClockUtil")
        .because("every feature takes the time from the Clock bean of CporApplication (the system's); only a Cockpit "
            + "plugin resource, which Spring does not make, reads the engine's clock")
        .check(PRODUCT.that(not(equivalentTo(CporApplication.class))));
  }

  /**
   * No two feature packages depend on each other, directly or around a circle: a feature that needs one above it
   * asks through an interface of its own, answered there (the claim's {@code ClaimMail}, {@code ClaimAssociations},
   * {@code ClaimWorkflow}).
   */
  @Test
  void featurePackagesFormNoCycle() {
    slices().matching("org.cpor.(*)..").should().beFreeOfCycles().check(PRODUCT);
  }
}
