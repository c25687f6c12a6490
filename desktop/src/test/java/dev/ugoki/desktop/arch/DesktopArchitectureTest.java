package dev.ugoki.desktop.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The window's architecture (SuperJumper's rule): the session, the model of what is shown, never
 * draws, so it imports no LibGDX or AWT; the view reads it and forwards a person's input; no two
 * packages of the window depend on each other. (The rules of sim and core are core's {@code
 * ArchitectureTest}, with the proof that a deliberate cycle fails them.)
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

  @Test
  void thePackagesOfTheWindowHaveNoCycles() {
    slices().matching("dev.ugoki.desktop.(*)..").should().beFreeOfCycles().check(desktop);
  }
}
