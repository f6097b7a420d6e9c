package org.sagebionetworks.accessrecords.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The bytes in a folder's files, read while the process that writes them still runs: RocksDB's files come and go as
 * it compacts, so a file that vanishes between listing and reading is skipped rather than failing the run.
 */
final class DirectorySize {

    private DirectorySize() {}

    static double mebibytes(Path folder) {
        long[] bytes = {0};
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    bytes[0] += attributes.isRegularFile() ? attributes.size() : 0;
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException vanished) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + folder, e);
        }
        return bytes[0] / (1024.0 * 1024.0);
    }
}
