package dev.ugoki.examples.cartpole;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The cart-pole plugin is written against sim's contract alone, as a scenario must be. */
class CartPoleNeedsOnlySimTest {
  @Test
  void itDependsOnTheJdkAndSimOnly() {
    classes()
        .that()
        .resideInAPackage("dev.ugoki.examples.cartpole..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "dev.ugoki.sim..", "dev.ugoki.examples.cartpole..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ugoki.examples.cartpole"));
  }
}
