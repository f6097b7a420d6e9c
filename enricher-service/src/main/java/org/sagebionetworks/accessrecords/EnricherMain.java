package org.sagebionetworks.accessrecords;

import io.micronaut.runtime.Micronaut;
import org.sagebionetworks.accessrecords.archive.LoadArchiveCommand;
import org.sagebionetworks.accessrecords.enrich.EnrichCommand;
import org.sagebionetworks.accessrecords.reconcile.ReconcileCommand;
import org.sagebionetworks.accessrecords.redrive.RedriveCommand;
import org.sagebionetworks.accessrecords.replay.ReplayCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar enricher-service.jar}: without a command, the streaming service (configured by Micronaut
 * properties and their environment variables); with one, that command, which documents itself.
 */
@Command(
        name = "enricher-service",
        mixinStandardHelpOptions = true,
        description = {
            "Synapse access records: enrich raw records into processedaccessrecord rows.",
            "Without a command, runs the Kafka Streams service (see docs/service.md for its settings)."
        },
        subcommands = {
            EnrichCommand.class,
            ReplayCommand.class,
            LoadArchiveCommand.class,
            ReconcileCommand.class,
            RedriveCommand.class
        })
public final class EnricherMain implements Runnable {

    public static void main(String[] args) {
        if (args.length == 0) {
            Micronaut.run(EnricherMain.class);
            return;
        }
        System.exit(new CommandLine(new EnricherMain()).execute(args));
    }

    @Override
    public void run() {
        Micronaut.run(EnricherMain.class);
    }
}
