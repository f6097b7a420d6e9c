package org.sagebionetworks.accessrecords.deploy;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.bertramlabs.plugins.hcl4j.HCLParserException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every {@code .tf} file of {@code terraform/}, parsed by hcl4j and merged the way Terraform merges a module's
 * files, plus their text without comments for the expressions hcl4j cannot keep (see {@link HclText}).
 */
final class TerraformConfig {

    private static TerraformConfig loaded;

    private final Map<String, Map<String, Object>> parsed = new LinkedHashMap<>();
    private final StringBuilder text = new StringBuilder();

    private TerraformConfig(Path dir) {
        for (Path file : tfFiles(dir)) {
            String source = Repository.read(file);
            text.append(HclText.withoutComments(source)).append('\n');
            parse(file, source).forEach((kind, entries) -> {
                if (entries instanceof Map<?, ?> map) {
                    map.forEach((name, value) -> put(kind, String.valueOf(name), value, file));
                }
            });
        }
    }

    /** The configuration in the repository, parsed once per test run. */
    static synchronized TerraformConfig load() {
        if (loaded == null) {
            loaded = new TerraformConfig(Repository.TERRAFORM);
        }
        return loaded;
    }

    /** Top-level entries of one kind: {@code variable}, {@code locals}, {@code output}, or resource/data types. */
    Map<String, Object> entries(String kind) {
        return parsed.getOrDefault(kind, Map.of());
    }

    /** The parsed body of {@code resource "type" "name"} (or of a data source, with {@code data} as kind). */
    @SuppressWarnings("unchecked")
    Map<String, Object> block(String kind, String type, String name) {
        Object types = entries(kind).get(type);
        Object block = types instanceof Map<?, ?> byName ? byName.get(name) : null;
        if (!(block instanceof Map<?, ?>)) {
            throw new AssertionError("no " + kind + " \"" + type + "\" \"" + name + "\" in terraform/");
        }
        return (Map<String, Object>) block;
    }

    /** All {@code .tf} text without comments. */
    String text() {
        return text.toString();
    }

    /** The source text of a block's body, e.g. {@code blockText("resource", "aws_ecs_service", "enricher")}. */
    String blockText(String kind, String... labels) {
        StringBuilder header = new StringBuilder(kind);
        for (String label : labels) {
            header.append("\\s+\"").append(label).append('"');
        }
        return HclText.block(text(), header.toString());
    }

    /** The source text of a local value's expression. */
    String localText(String name) {
        List<String> found = HclText.blocks(text(), "locals").stream()
                .flatMap(body -> HclText.attribute(body, name).stream())
                .toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one local." + name + ", found " + found.size());
        }
        return found.get(0);
    }

    private void put(String kind, String name, Object value, Path file) {
        Map<String, Object> entries = parsed.computeIfAbsent(kind, k -> new LinkedHashMap<>());
        if (entries.get(name) instanceof Map<?, ?> existing
                && value instanceof Map<?, ?> more
                && !kind.equals("variable")
                && !kind.equals("output")) {
            Map<Object, Object> merged = new LinkedHashMap<>(existing);
            more.forEach((key, v) -> {
                if (merged.putIfAbsent(key, v) != null) {
                    throw new AssertionError(
                            kind + " " + name + "." + key + " is declared twice (again in " + file + ")");
                }
            });
            entries.put(name, merged);
        } else if (entries.putIfAbsent(name, value) != null) {
            throw new AssertionError(kind + " " + name + " is declared twice (again in " + file + ")");
        }
    }

    /** hcl4j prints a debugging line per for-expression to System.out; the test output stays readable without. */
    private static Map<String, Object> parse(Path file, String source) {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            return new HCLParser().parse(source);
        } catch (HCLParserException | IOException | RuntimeException e) {
            throw new AssertionError("hcl4j cannot parse " + file + ": " + e.getMessage(), e);
        } finally {
            System.setOut(out);
        }
    }

    private static List<Path> tfFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> tf = files.filter(file -> file.toString().endsWith(".tf"))
                    .sorted()
                    .toList();
            if (tf.isEmpty()) {
                throw new AssertionError("no .tf files in " + dir);
            }
            return tf;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
