package org.sagebionetworks.accessrecords.queries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The {@code *.sql} files of a folder (the dashboards' queries live in {@code queries/}), in name order. */
public final class QueryFiles {

    private QueryFiles() {}

    /** A query and the name people know it by: its file name without {@code .sql}. */
    public record QueryFile(String name, String sql) {}

    public static List<QueryFile> in(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".sql"))
                    .sorted()
                    .map(QueryFiles::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the queries in " + folder.toAbsolutePath(), e);
        }
    }

    public static QueryFile read(Path file) {
        try {
            String name = file.getFileName().toString().replaceFirst("\\.sql$", "");
            return new QueryFile(name, Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read query " + file.toAbsolutePath(), e);
        }
    }
}
