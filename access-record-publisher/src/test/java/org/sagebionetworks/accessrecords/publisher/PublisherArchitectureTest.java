package org.sagebionetworks.accessrecords.publisher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Synapse embeds this library, so what it may touch is written down here and checked, not left to review. */
@AnalyzeClasses(
        packages = "org.sagebionetworks.accessrecords.publisher",
        importOptions = ImportOption.DoNotIncludeTests.class)
class PublisherArchitectureTest {

    @ArchTest
    static final ArchRule publisherUsesOnlyKafkaClientsTheContractAndTheCoresValidation = classes()
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "java..",
                    "org.apache.kafka.clients..",
                    "org.apache.kafka.common..",
                    "org.slf4j..",
                    "org.sagebionetworks.accessrecords.publisher..",
                    "org.sagebionetworks.accessrecords.schema..",
                    "org.sagebionetworks.accessrecords.core",
                    "org.sagebionetworks.accessrecords.core.validation..",
                    "org.apache.avro..")
            .because("the validation rules are shared with the enrichment core, and nothing else may come along");
}
