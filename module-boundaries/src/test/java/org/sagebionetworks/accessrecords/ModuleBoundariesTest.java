package org.sagebionetworks.accessrecords;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Which module may use which, by the packages each one owns, over the shipped jar (every program and what they
 * share) and the local stack, which runs them in one process. Maven's dependencies keep most wrong imports from
 * compiling; this keeps a dependency added for convenience from quietly joining two programs. Every layer must hold
 * classes, so a module that drops off the class path fails the rule instead of passing it unseen.
 */
@AnalyzeClasses(packages = ModuleBoundariesTest.ROOT, importOptions = ModuleBoundariesTest.MainCode.class)
class ModuleBoundariesTest {

    static final String ROOT = "org.sagebionetworks.accessrecords";

    private static final String JAR = "enricher-service";
    private static final String SERVICE = "streaming-service";
    private static final String LOADER = "archive-loader";
    private static final String REPLAY = "replay-command";
    private static final String REDRIVE = "redrive-command";
    private static final String ENRICH = "enrich-command";
    private static final String RECONCILE = "reconcile-command";
    private static final String TOOL_SUPPORT = "tool-support";
    private static final String PIPELINE_KAFKA = "pipeline-kafka";
    private static final String NDJSON = "ndjson";
    private static final String LOCAL_STACK = "local-stack";

    @ArchTest
    static final ArchRule eachProgramUsesOnlyWhatItShares = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer(JAR)
            .definedBy(ROOT)
            .layer(SERVICE)
            .definedBy(ROOT + ".service..")
            .layer(LOADER)
            .definedBy(ROOT + ".archive..")
            .layer(REPLAY)
            .definedBy(ROOT + ".replay..")
            .layer(REDRIVE)
            .definedBy(ROOT + ".redrive..")
            .layer(ENRICH)
            .definedBy(ROOT + ".enrich..")
            .layer(RECONCILE)
            .definedBy(ROOT + ".reconcile..")
            .layer(TOOL_SUPPORT)
            .definedBy(ROOT + ".toolsupport..")
            .layer(PIPELINE_KAFKA)
            .definedBy(ROOT + ".kafka..")
            .layer(NDJSON)
            .definedBy(ROOT + ".ndjson..")
            .layer(LOCAL_STACK)
            .definedBy(ROOT + ".local..")
            .whereLayer(JAR)
            .mayOnlyAccessLayers(SERVICE, LOADER, REPLAY, REDRIVE, ENRICH, RECONCILE)
            .whereLayer(SERVICE)
            .mayOnlyAccessLayers(PIPELINE_KAFKA)
            .whereLayer(LOADER)
            .mayOnlyAccessLayers(TOOL_SUPPORT, PIPELINE_KAFKA, NDJSON)
            .whereLayer(REPLAY)
            .mayOnlyAccessLayers(TOOL_SUPPORT, PIPELINE_KAFKA)
            .whereLayer(REDRIVE)
            .mayOnlyAccessLayers(TOOL_SUPPORT, PIPELINE_KAFKA)
            .whereLayer(ENRICH)
            .mayOnlyAccessLayers(NDJSON)
            .whereLayer(RECONCILE)
            .mayOnlyAccessLayers(LOADER, TOOL_SUPPORT, PIPELINE_KAFKA, NDJSON)
            .whereLayer(TOOL_SUPPORT)
            .mayOnlyAccessLayers(PIPELINE_KAFKA)
            .whereLayer(PIPELINE_KAFKA)
            .mayNotAccessAnyLayer()
            .whereLayer(NDJSON)
            .mayNotAccessAnyLayer()
            .whereLayer(LOCAL_STACK)
            .mayOnlyAccessLayers(SERVICE, LOADER, TOOL_SUPPORT, PIPELINE_KAFKA, NDJSON)
            .whereLayer(LOCAL_STACK)
            .mayNotBeAccessedByAnyLayer()
            .because("each program is a module of its own: the service and the tools share only pipeline-kafka, "
                    + "tool-support and ndjson (reconcile reads the archive through the loader's ArchiveStore), and "
                    + "only the jar's dispatch and the local stack put programs together");

    @ArchTest
    static final ArchRule theShippedCodeUsesNoTestFixture = noClasses()
            .that()
            .resideInAnyPackage(
                    ROOT,
                    ROOT + ".service..",
                    ROOT + ".archive..",
                    ROOT + ".replay..",
                    ROOT + ".redrive..",
                    ROOT + ".enrich..",
                    ROOT + ".reconcile..",
                    ROOT + ".toolsupport..",
                    ROOT + ".kafka..",
                    ROOT + ".ndjson..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(ROOT + ".testsupport..", ROOT + ".testing..")
            .because("enricher-service.jar ships to production; the in-JVM broker, s3proxy and the generators are "
                    + "for tests and the local stack");

    /** Main code only: the classes of test-classes folders and test-jars may use what they test freely. */
    static final class MainCode implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/") && !location.contains("-tests.jar");
        }
    }
}
