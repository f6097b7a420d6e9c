package org.sagebionetworks.accessrecords.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sagebionetworks.accessrecords.connect.Layout;

/**
 * The variable sets the suite plans, planned once per test run and shared by every plan test: one initialised copy
 * of the configuration, one validation, one plan per set (each plan costs seconds of provider start-up, so the
 * production set is planned only in its blue/green shape, which covers the single version too). The copy, each set's variables and each plan's JSON stay
 * in {@code terraform/target/terraform-plan} for a look after a failure.
 */
final class PlannedStacks {

    static final Path WORKSPACE = Repository.TERRAFORM.resolve("target/terraform-plan");
    static final Path PLUGIN_ZIP = WORKSPACE.resolve("confluentinc-kafka-connect-s3.zip");

    static final StackVariables MINIMAL = StackVariables.minimal(Layout.RECORD_DATE);
    static final StackVariables MINIMAL_YEAR_MONTH_DAY = StackVariables.minimal(Layout.YEAR_MONTH_DAY);
    /** The production variables while v2 replays beside the serving v1: the blue/green pair in the shape it runs. */
    static final StackVariables PRODUCTION =
            StackVariables.production(PLUGIN_ZIP).replaying("v2");

    private static PlannedStacks planned;

    private final OfflineTerraform terraform;
    private final JsonNode validation;
    private final Map<StackVariables, TerraformPlan> plans = new LinkedHashMap<>();

    private PlannedStacks() {
        long start = System.nanoTime();
        terraform = OfflineTerraform.initialise(WORKSPACE);
        validation = terraform.validate();
        writePluginZip();
        System.out.printf("terraform init and validate: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        for (StackVariables variables : all()) {
            long planStart = System.nanoTime();
            plans.put(variables, terraform.plan(variables));
            System.out.printf(
                    "terraform plan and show of %s: %d ms%n",
                    variables.name(), (System.nanoTime() - planStart) / 1_000_000);
        }
    }

    static synchronized PlannedStacks get() {
        if (planned == null) {
            planned = new PlannedStacks();
        }
        return planned;
    }

    static List<StackVariables> all() {
        return List.of(MINIMAL, MINIMAL_YEAR_MONTH_DAY, PRODUCTION);
    }

    JsonNode validation() {
        return validation;
    }

    TerraformPlan plan(StackVariables variables) {
        return plans.get(variables);
    }

    /** What Terraform says when it refuses to plan these variables. */
    String refusal(StackVariables variables) {
        return terraform.refusal(variables);
    }

    /** The production set uploads the plugin, and Terraform hashes the file while planning; its bytes do not matter. */
    private static void writePluginZip() {
        try {
            Files.write(PLUGIN_ZIP, new byte[] {'P', 'K', 5, 6});
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + PLUGIN_ZIP, e);
        }
    }
}
