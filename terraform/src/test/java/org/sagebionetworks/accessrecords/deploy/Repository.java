package org.sagebionetworks.accessrecords.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository the deployment reads, located from this module's folder (Surefire runs in it). */
final class Repository {

    static final Path ROOT = locateRoot();
    static final Path TERRAFORM = ROOT.resolve("terraform");
    static final Path CONNECT_CONFIG = ROOT.resolve("connect-config");
    static final Path PROCESSED_SCHEMA = ROOT.resolve("schemas/src/main/avro/processed-access-record.avsc");
    static final Path SERVICE_PAGE = ROOT.resolve("docs/service.md");
    static final Path COST_PAGE = ROOT.resolve("docs/cost.md");
    static final Path COMPOSE = ROOT.resolve("docker-compose.yml");

    private Repository() {}

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Path locateRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("terraform")) && Files.isDirectory(dir.resolve("connect-config"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + here);
    }
}
