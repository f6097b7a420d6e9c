package org.sagebionetworks.accessrecords.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaEvolutionTest {

    private static final Path CURRENT = Path.of("src/main/avro");
    private static final Path RELEASED = Path.of("released");
    private static final Pattern RELEASE_FILE = Pattern.compile("(.+)\\.v(\\d+)\\.avsc");

    @ParameterizedTest
    @ValueSource(strings = {"raw-access-record", "processed-access-record"})
    void currentSchemaReadsEveryReleasedVersion(String name) throws IOException {
        Schema current = parse(CURRENT.resolve(name + ".avsc"));
        Map<Integer, Schema> released = releasedVersions(name);

        assertThat(released).as("released versions of " + name).isNotEmpty();
        assertThat(SchemaEvolution.problems(current, released)).isEmpty();
    }

    @Test
    void contractAndGeneratedClassesAreTheSchemaFiles() throws IOException {
        Schema processed = parse(CURRENT.resolve("processed-access-record.avsc"));
        Schema raw = parse(CURRENT.resolve("raw-access-record.avsc"));

        assertThat(AccessRecordContract.processed()).isEqualTo(processed);
        assertThat(AccessRecordContract.raw()).isEqualTo(raw);
        assertThat(fingerprint(ProcessedAccessRecord.getClassSchema())).isEqualTo(fingerprint(processed));
        assertThat(fingerprint(RawAccessRecordEnvelope.getClassSchema())).isEqualTo(fingerprint(raw));
    }

    @Test
    void readersFindEveryReleasedProcessedVersionInOrder() throws IOException {
        Map<Integer, Schema> onDisk = releasedVersions("processed-access-record");

        assertThat(onDisk.keySet())
                .as("release numbers without gaps, from 1")
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, onDisk.size()).boxed().toList());
        assertThat(AccessRecordContract.releasedProcessed()).containsExactlyElementsOf(onDisk.values());
    }

    private static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    @Test
    void aNewRequiredColumnWithoutDefaultIsRejected() {
        Schema released = record(1, "{\"name\": \"a\", \"type\": \"string\"}");
        Schema current = record(2, "{\"name\": \"a\", \"type\": \"string\"}, {\"name\": \"b\", \"type\": \"long\"}");

        assertThat(SchemaEvolution.problems(current, Map.of(1, released)))
                .singleElement()
                .asString()
                .contains("cannot read data written with released v1");
    }

    @Test
    void aNewOptionalColumnWithDefaultIsAccepted() {
        Schema released = record(1, "{\"name\": \"a\", \"type\": \"string\"}");
        Schema current = record(
                2,
                "{\"name\": \"a\", \"type\": \"string\"},"
                        + " {\"name\": \"b\", \"type\": [\"null\", \"long\"], \"default\": null}");

        assertThat(SchemaEvolution.problems(current, Map.of(1, released))).isEmpty();
    }

    @Test
    void changedContentUnderAReleasedVersionNumberIsRejected() {
        Schema released = record(1, "{\"name\": \"a\", \"type\": \"string\"}");
        Schema current = record(
                1,
                "{\"name\": \"a\", \"type\": \"string\"},"
                        + " {\"name\": \"b\", \"type\": [\"null\", \"long\"], \"default\": null}");

        assertThat(SchemaEvolution.problems(current, Map.of(1, released)))
                .singleElement()
                .asString()
                .contains("bump \"version\"");
    }

    private static Schema record(int version, String fields) {
        return new Schema.Parser()
                .parse("{\"type\": \"record\", \"name\": \"R\", \"version\": " + version + ", \"fields\": [" + fields
                        + "]}");
    }

    private static Map<Integer, Schema> releasedVersions(String name) throws IOException {
        Map<Integer, Schema> versions = new TreeMap<>();
        try (Stream<Path> files = Files.list(RELEASED)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher matcher = RELEASE_FILE.matcher(file.getFileName().toString());
                if (matcher.matches() && matcher.group(1).equals(name)) {
                    versions.put(Integer.parseInt(matcher.group(2)), parse(file));
                }
            }
        }
        return versions;
    }

    private static Schema parse(Path file) throws IOException {
        return new Schema.Parser().parse(file.toFile());
    }
}
