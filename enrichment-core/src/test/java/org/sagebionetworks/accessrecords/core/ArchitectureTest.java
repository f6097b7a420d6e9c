package org.sagebionetworks.accessrecords.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core is shared by the CLI, the service, the loader and the benchmarks, so it stays framework-free. */
@AnalyzeClasses(
        packages = "org.sagebionetworks.accessrecords.core",
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreUsesNoKafkaOrMicronaut = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.apache.kafka..", "io.micronaut..", "jakarta.inject..")
            .because("the enrichment core must run anywhere: the CLI, the service, the loader, the benchmarks");

    @ArchTest
    static final ArchRule enrichmentDoesNotReachBackIntoValidation = noClasses()
            .that()
            .resideInAPackage("..core.enrichment..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..core.validation..", "..core.output..")
            .because("data flows one way: validation, then enrichment, then output");
}
