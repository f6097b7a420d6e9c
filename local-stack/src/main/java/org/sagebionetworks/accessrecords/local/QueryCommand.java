package org.sagebionetworks.accessrecords.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sagebionetworks.accessrecords.connect.Layout;
import org.sagebionetworks.accessrecords.queries.LocalTable;
import org.sagebionetworks.accessrecords.queries.QueryFiles;
import org.sagebionetworks.accessrecords.queries.ResultFormat;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code local-stack query}: any SQL over the local table, with {@code processedaccessrecord} defined as in
 * Athena, through DuckDB. Works while the stack runs and after it stopped: it reads the files, not the stack.
 */
@Command(
        name = "query",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Runs a SQL file or statement against the local processedaccessrecord table.")
final class QueryCommand implements Callable<Integer> {

    @ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
        @Option(
                names = {"-e", "--execute"},
                paramLabel = "SQL",
                description = "The statement to run.")
        String sql;

        @Option(
                names = {"-f", "--file"},
                paramLabel = "FILE",
                description = "A .sql file to run, e.g. queries/top-entities.sql.")
        Path file;
    }

    @Option(names = "--format", defaultValue = "TABLE", description = "TABLE, CSV or JSON (default: ${DEFAULT-VALUE}).")
    ResultFormat format;

    @Option(
            names = "--data-dir",
            defaultValue = "local-data",
            description = "The local stack's folder (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(
            names = "--layout",
            defaultValue = Layout.DEFAULT_NAME,
            description = "The layout the stack ran with (default: ${DEFAULT-VALUE}).")
    String layout;

    @ParentCommand
    LocalStackMain parent;

    @Override
    public Integer call() throws Exception {
        Path tableDir = new StackSettings(dataDir, 0, 0, 0).tableDir(SinkSpec.local(Layout.named(layout)));
        String sql =
                source.sql != null ? source.sql : QueryFiles.read(source.file).sql();
        try (LocalTable table = LocalTable.over(tableDir)) {
            PrintStream out = parent.out();
            out.print(format.render(table.run(sql)));
            out.flush();
        }
        return 0;
    }
}
