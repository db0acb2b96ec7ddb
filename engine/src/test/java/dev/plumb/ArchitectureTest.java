package dev.plumb;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/** Keeps adapters and the console on their leash (STYLE.md, guideline 8). */
@AnalyzeClasses(packages = "dev.plumb", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule onlyCliUsesPicocli = noClasses().that().resideOutsideOfPackage("dev.plumb.cli..")
      .should().dependOnClassesThat().resideInAPackage("picocli..");

  @ArchTest
  static final ArchRule onlyCliPrintsOrExits = noClasses().that()
      .resideOutsideOfPackage("dev.plumb.cli..")
      .should().accessField(System.class, "out")
      .orShould().accessField(System.class, "err")
      .orShould().callMethod(System.class, "exit", int.class);

  @ArchTest
  static final ArchRule onlyDataUsesFastCsv = noClasses().that()
      .resideOutsideOfPackage("dev.plumb.data..")
      .should().dependOnClassesThat().resideInAPackage("de.siegmar.fastcsv..");

  @ArchTest
  static final ArchRule onlyReportDrawsCharts = noClasses().that()
      .resideOutsideOfPackage("dev.plumb.report..")
      .should().dependOnClassesThat().resideInAPackage("org.knowm.xchart..");

  @ArchTest
  static final ArchRule onlySmileAdapterUsesSmile = noClasses().that()
      .resideOutsideOfPackage("dev.plumb.learn.smile..")
      .should().dependOnClassesThat().resideInAPackage("smile..");

  @ArchTest
  static final ArchRule onlyTribuoAdapterUsesTribuo = noClasses().that()
      .resideOutsideOfPackage("dev.plumb.learn.tribuo..")
      .should().dependOnClassesThat().resideInAPackage("org.tribuo..");

  @ArchTest
  static final ArchRule onlyCliReportAndTestkitUseBench = noClasses().that()
      .resideOutsideOfPackages("dev.plumb.bench..", "dev.plumb.cli..", "dev.plumb.report..",
          "dev.plumb.testkit..")
      .should().dependOnClassesThat().resideInAPackage("dev.plumb.bench..");

  @ArchTest
  static final ArchRule benchReadsOnlyTheLayersBelowIt = classes().that()
      .resideInAPackage("dev.plumb.bench..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("dev.plumb.bench..",
          "dev.plumb.evaluate..", "dev.plumb.learn", "dev.plumb.data..", "dev.plumb.plan..",
          "java..", "com.fasterxml.jackson..", "org.HdrHistogram..", "com.sun.management..",
          "org.openjdk.jmh..");

  @ArchTest
  static final ArchRule onlyTheStoreUsesTheDatabaseDrivers = noClasses().that()
      .resideOutsideOfPackage("dev.plumb.store..")
      .should().dependOnClassesThat().resideInAnyPackage("org.sqlite..", "org.postgresql..");

  @ArchTest
  static final ArchRule storeKnowsNoCommandLineOrResultTypes = classes().that()
      .resideInAPackage("dev.plumb.store..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("dev.plumb.store..",
          "dev.plumb.evaluate..", "java..", "com.fasterxml.jackson..", "org.sqlite..",
          "org.postgresql..", "org.apache.commons.math3..");

  @ArchTest
  static final ArchRule packagesHaveNoCycles =
      SlicesRuleDefinition.slices().matching("dev.plumb.(*)..").should().beFreeOfCycles();
}
