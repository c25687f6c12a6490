package dev.ugoki.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.env.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture, stated as rules that fail the build when it breaks: the world (sim) imports no
 * learning, graphics or cluster library and nothing of the brain or the window; the brain (core)
 * imports no window or cluster code; no two packages of sim or of core depend on each other; a
 * scenario never imports its expert (its provider pairs them); the environment contract knows no
 * scenario. (That nothing outside a scenario's package names its classes is the window's {@code
 * DesktopArchitectureTest}, which sees every module.)
 */
class ArchitectureTest {
  private static JavaClasses ugoki;

  @BeforeAll
  static void importTheMainClasses() {
    ugoki =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ugoki");
  }

  @Test
  void theWorldImportsNoLearningOrGraphicsLibrary() {
    noClasses()
        .that()
        .resideInAPackage("dev.ugoki.sim..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.deeplearning4j..",
            "org.nd4j..",
            "com.badlogic..",
            "org.apache.spark..",
            "dev.ugoki.core..",
            "dev.ugoki.desktop..")
        .check(ugoki);
  }

  @Test
  void theBrainImportsNoWindowOrClusterLibrary() {
    noClasses()
        .that()
        .resideInAPackage("dev.ugoki.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.badlogic..", "org.apache.spark..", "dev.ugoki.desktop..")
        .check(ugoki);
  }

  /** No two packages of the module under {@code root} depend on each other, even indirectly. */
  static ArchRule noCyclesBetweenPackagesOf(String root) {
    return slices().matching(root + ".(*)..").should().beFreeOfCycles();
  }

  @Test
  void thePackagesOfTheBrainHaveNoCycles() {
    noCyclesBetweenPackagesOf("dev.ugoki.core").check(ugoki);
  }

  @Test
  void thePackagesOfTheWorldHaveNoCycles() {
    noCyclesBetweenPackagesOf("dev.ugoki.sim").check(ugoki);
  }

  /** A scenario never names its expert: its provider pairs them. */
  @Test
  void aScenarioNeverImportsItsExpert() {
    noClasses()
        .that()
        .implement(Scenario.class)
        .should()
        .dependOnClassesThat(
            DescribedPredicate.describe(
                "are experts", (JavaClass c) -> c.isAssignableTo(Expert.class) && !c.isInterface()))
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage("dev.ugoki.sim.registry..")
        .check(ugoki);
  }

  @Test
  void theEnvironmentContractKnowsNoScenario() {
    noClasses()
        .that()
        .resideInAPackage("dev.ugoki.sim.env..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.ugoki.sim.scenario..", "dev.ugoki.sim.registry..")
        .check(ugoki);
  }

  /** The rule is not vacuous: two test packages that import each other break it. */
  @Test
  void aDeliberateCycleFailsTheRule() {
    JavaClasses fixture = new ClassFileImporter().importPackages("dev.ugoki.archfixture");
    assertThatThrownBy(() -> noCyclesBetweenPackagesOf("dev.ugoki.archfixture").check(fixture))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Cycle detected")
        .hasMessageContaining("Slice a")
        .hasMessageContaining("Slice b");
  }
}
