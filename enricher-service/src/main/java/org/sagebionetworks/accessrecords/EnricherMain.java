package org.sagebionetworks.accessrecords;

import org.sagebionetworks.accessrecords.command.EnrichCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar enricher-service.jar <command>}: dispatches to the commands; each one documents itself. */
@Command(name = "enricher-service", mixinStandardHelpOptions = true,
        description = "Synapse access records: enrich raw records into processedaccessrecord rows.",
        subcommands = {EnrichCommand.class})
public final class EnricherMain implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new EnricherMain()).execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a command, e.g. enrich FILE");
    }
}
