package dev.ugoki.desktop.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The window's architecture (SuperJumper's rule): the session, the model of what is shown, never
 * draws, so it imports no LibGDX or AWT; the view reads it and forwards a person's input; no two
 * packages of the window depend on each other; nothing but a scenario's own package and the
 * registry names a scenario's classes, in sim, core or the window. (The other rules of sim and core
 * are core's {@code ArchitectureTest}, with the proof that a deliberate cycle fails them.)
 */
class DesktopArchitectureTest {
  private static JavaClasses desktop;

  @BeforeAll
  static void importTheMainClasses() {
    desktop =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ugoki.desktop");
  }

  @Test
  void theSessionImportsNoGraphics() {
    noClasses()
        .that()
        .resideInAPackage("dev.ugoki.desktop.session..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.badlogic..", "java.awt..", "dev.ugoki.desktop.view..")
        .check(desktop);
  }

  /**
   * Nothing outside a scenario's own package ({@code SCENARIOS.NAME..}) and the registry depends on
   * its classes: what a scenario is reaches the rest through its provider's presentation and
   * telemetry, never through its class. Checked over sim, core and the window together.
   */
  static ArchRule scenarioClassesStayInTheirPackage(String scenarios, String registry) {
    return classes()
        .that()
        .resideOutsideOfPackage(registry + "..")
        .should(
            new ArchCondition<JavaClass>("depend on no scenario's classes but their own") {
              @Override
              public void check(JavaClass c, ConditionEvents events) {
                String own = scenarioOf(c.getPackageName(), scenarios);
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                  String target = scenarioOf(d.getTargetClass().getPackageName(), scenarios);
                  if (target != null && !target.equals(own)) {
                    events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                  }
                }
              }
            });
  }

  /** The scenario package {@code pkg} lies in under {@code scenarios}, or null. */
  private static String scenarioOf(String pkg, String scenarios) {
    if (!pkg.startsWith(scenarios + ".")) {
      return null;
    }
    String rest = pkg.substring(scenarios.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  @Test
  void nothingOutsideAScenarioOrTheRegistryNamesItsClasses() {
    JavaClasses all =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ugoki");
    scenarioClassesStayInTheirPackage("dev.ugoki.sim.scenario", "dev.ugoki.sim.registry")
        .check(all);
  }

  /**
   * What the class files cannot show: javac copies a scenario's constants ({@code
   * RaceScenario.NAME}) into the classes that read them, leaving no dependency behind. So the
   * sources of core, the window and the Spark runner are read too: none of them names a scenario's
   * package.
   */
  @Test
  void noSourceOfCoreTheWindowOrTheClusterNamesAScenarioPackage() throws Exception {
    java.nio.file.Path root = java.nio.file.Path.of("..").toAbsolutePath().normalize();
    java.util.regex.Pattern named =
        java.util.regex.Pattern.compile("dev\\.ugoki\\.sim\\.scenario\\.[a-z_]+\\.");
    java.util.List<String> found = new java.util.ArrayList<>();
    for (String module : java.util.List.of("core", "desktop", "cluster")) {
      java.nio.file.Path src = root.resolve(module).resolve("src/main/java");
      try (var files = java.nio.file.Files.walk(src)) {
        for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files::iterator) {
          if (f.toString().endsWith(".java")) {
            var lines = java.nio.file.Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
              if (named.matcher(lines.get(i)).find()) {
                found.add(root.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).strip());
              }
            }
          }
        }
      }
    }
    org.assertj.core.api.Assertions.assertThat(found).isEmpty();
    // the check reads something: the sources are where it looks
    org.assertj.core.api.Assertions.assertThat(root.resolve("core/src/main/java/dev/ugoki/core"))
        .isDirectory();
  }

  /** The rule is not vacuous: a window class that names a scenario's class breaks it. */
  @Test
  void aGenericPartNamingAScenarioFailsTheRule() {
    JavaClasses fixture = new ClassFileImporter().importPackages("dev.ugoki.scenariofixture");
    assertThatThrownBy(
            () ->
                scenarioClassesStayInTheirPackage(
                        "dev.ugoki.scenariofixture.scenario", "dev.ugoki.scenariofixture.registry")
                    .check(fixture))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Hud")
        .hasMessageContaining("ToyScenario")
        .hasMessageNotContaining("Registry")
        .hasMessageNotContaining("ToyProvider.make");
  }

  @Test
  void thePackagesOfTheWindowHaveNoCycles() {
    slices().matching("dev.ugoki.desktop.(*)..").should().beFreeOfCycles().check(desktop);
  }
}
