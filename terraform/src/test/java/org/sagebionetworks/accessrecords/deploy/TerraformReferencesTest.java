package org.sagebionetworks.accessrecords.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.connect.Layout;

/** What terraform validate would catch first: files, variables, locals and resources referenced but missing. */
class TerraformReferencesTest {

    private static final TerraformConfig TF = TerraformConfig.load();
    private static final Pattern FILE_FUNCTIONS = Pattern.compile("\\b(file|templatefile|fileset|filemd5)\\(");

    @Test
    void everyFileTheConfigurationReadsExistsForEveryLayout() throws IOException {
        List<Path> read = new ArrayList<>();
        Matcher call = FILE_FUNCTIONS.matcher(TF.text());
        while (call.find()) {
            String path = HclText.calls(TF.text().substring(call.start()), call.group(1))
                    .get(0)
                    .get(0);
            if (path.startsWith("var.")) {
                assertThat(((Map<?, ?>) TF.entries("variable").get(path.substring(4))).get("default"))
                        .as(path + " is a deploy-time input, so it must be optional")
                        .isNull();
            } else if (call.group(1).equals("fileset")) {
                assertThat(resolve(path, Map.of())).startsWith(Repository.ROOT.resolve("queries"));
            } else {
                read.addAll(resolveAll(path));
            }
        }

        assertThat(read).isNotEmpty().allSatisfy(file -> assertThat(file).isRegularFile());
        assertThat(read)
                .contains(
                        Repository.PROCESSED_SCHEMA,
                        Repository.CONNECT_CONFIG.resolve("s3-sink.json"),
                        Repository.CONNECT_CONFIG.resolve("layouts/record-date.json"));
    }

    @Test
    void everyVariableUsedIsDeclaredAndEveryDeclaredVariableIsUsed() {
        Set<String> used = references("var");

        assertThat(used)
                .containsExactlyInAnyOrderElementsOf(TF.entries("variable").keySet());
        TF.entries("variable")
                .forEach((name, block) -> assertThat(((Map<?, ?>) block).get("description"))
                        .as(name + " has a description")
                        .isNotNull());
    }

    @Test
    void everyLocalUsedIsDefinedAndEveryLocalDefinedIsUsed() {
        assertThat(references("local"))
                .containsExactlyInAnyOrderElementsOf(TF.entries("locals").keySet());
    }

    @Test
    void everyResourceAndDataSourceReferencedIsDeclared() {
        Matcher reference = Pattern.compile("(?<![\\w.])(data\\.)?(aws_[a-z0-9_]+)\\.([a-z0-9_]+)")
                .matcher(TF.text());
        Set<String> missing = new TreeSet<>();
        int checked = 0;
        while (reference.find()) {
            String kind = reference.group(1) == null ? "resource" : "data";
            Object ofType = TF.entries(kind).get(reference.group(2));
            if (!(ofType instanceof Map<?, ?> byName && byName.containsKey(reference.group(3)))) {
                missing.add(reference.group());
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(50);
        assertThat(missing).isEmpty();
    }

    private static Set<String> references(String prefix) {
        Set<String> names = new TreeSet<>();
        Pattern.compile("(?<![\\w.])" + prefix + "\\.([a-z0-9_]+)")
                .matcher(TF.text())
                .results()
                .forEach(match -> names.add(match.group(1)));
        return names;
    }

    /** A path template for every layout it can name, and for every file a fileset-driven resource reads. */
    private static List<Path> resolveAll(String template) throws IOException {
        List<Path> paths = new ArrayList<>();
        if (template.contains("${each.value}")) {
            for (Path query : queryFiles(resolve(template, Map.of("each.value", "")))) {
                paths.add(resolve(
                        template, Map.of("each.value", query.getFileName().toString())));
            }
        } else if (template.contains("${var.layout}")) {
            for (Layout layout : Layout.values()) {
                paths.add(resolve(template, Map.of("var.layout", layout.fileName())));
            }
        } else {
            paths.add(resolve(template, Map.of()));
        }
        return paths;
    }

    private static Path resolve(String template, Map<String, String> bindings) {
        Map<String, String> all = new HashMap<>(bindings);
        all.put("path.module", Repository.TERRAFORM.toString());
        return Path.of(HclTemplate.render(template, all)).normalize();
    }

    /** fileset() of a folder that does not exist (yet) is empty in Terraform too. */
    private static List<Path> queryFiles(Path queries) throws IOException {
        if (!Files.isDirectory(queries)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(queries)) {
            return files.filter(file -> file.toString().endsWith(".sql"))
                    .sorted()
                    .toList();
        }
    }
}
