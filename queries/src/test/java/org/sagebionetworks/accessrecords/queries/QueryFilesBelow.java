package org.sagebionetworks.accessrecords.queries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every {@code *.sql} file below a folder, subfolders included ({@code queries/replay/}, and whatever folder comes
 * next), each checked with {@link AthenaSyntax}.
 */
final class QueryFilesBelow {

    /** The module's own Maven folders: the queries module keeps its queries beside them, not in them. */
    private static final Set<String> MAVEN_FOLDERS = Set.of("src", "target");

    private QueryFilesBelow() {}

    static List<Path> sqlFilesBelow(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".sql"))
                    .map(root::relativize)
                    .filter(file -> !MAVEN_FOLDERS.contains(file.getName(0).toString()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the queries below " + root.toAbsolutePath(), e);
        }
    }

    /** One line per file Athena would refuse: its path below {@code root}, the line, column and Trino's message. */
    static List<String> refusedByAthena(Path root) {
        return sqlFilesBelow(root).stream()
                .flatMap(file -> problemIn(root, file).stream())
                .toList();
    }

    private static Optional<String> problemIn(Path root, Path file) {
        return AthenaSyntax.errorIn(QueryFiles.read(root.resolve(file)).sql()).map(error -> file + " " + error);
    }
}
