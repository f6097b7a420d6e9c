package org.sagebionetworks.accessrecords.queries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Parquet files below a folder that an S3 server is writing into. Such a server writes a temporary file and
 * renames it, so a file seen a moment ago may be gone when the walk looks at it; the listing is then retried.
 */
public final class ParquetFolder {

    private static final int ATTEMPTS = 5;

    private ParquetFolder() {}

    /** Every {@code *.parquet} below {@code root}, sorted; empty when {@code root} does not exist. */
    public static List<Path> list(Path root) {
        for (int attempt = 1; ; attempt++) {
            try {
                return walk(root);
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof NoSuchFileException) || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static List<Path> walk(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".parquet"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }
}
