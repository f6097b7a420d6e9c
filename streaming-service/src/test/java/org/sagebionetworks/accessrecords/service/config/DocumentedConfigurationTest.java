package org.sagebionetworks.accessrecords.service.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The operators' configuration table says what the service reads: every setting a {@code @ConfigurationProperties}
 * record of the service declares is a row, with the environment variable Micronaut maps to it and the default the
 * record binds, and every {@code access-records.*} row is such a setting. The other rows' defaults are those of
 * application.yml. The table is found by its header row, in whichever page of the repository holds it.
 */
class DocumentedConfigurationTest {

    private static final String HEADER = "| property | environment variable | default | meaning |";
    private static final String PREFIX = "access-records.";
    private static final Pattern ROW =
            Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|\\s*`([A-Z][A-Z0-9_]*)`\\s*\\|\\s*([^|]*?)\\s*\\|");
    private static final Path REPOSITORY = Path.of("..");

    private final Map<String, Row> documented = documentedRows();

    record Row(String environmentVariable, String defaultCell) {

        /** The default as written: the first code span of the cell, or the cell when it has none. */
        String defaultValue() {
            Matcher code = Pattern.compile("^`([^`]*)`").matcher(defaultCell);
            return code.find() ? code.group(1) : defaultCell;
        }
    }

    record Setting(String property, String defaultValue) {

        String environmentVariable() {
            return property.toUpperCase().replaceAll("[.-]", "_");
        }
    }

    @Test
    void everyDeclaredSettingIsARowWithItsEnvironmentVariableAndDefault() {
        List<Setting> declared = declaredSettings();

        assertThat(declared).hasSizeGreaterThan(15);
        for (Setting setting : declared) {
            Row row = documented.get(setting.property());
            assertThat(row)
                    .as("the configuration table's row for %s", setting.property())
                    .isNotNull();
            assertThat(row.environmentVariable()).as(setting.property()).isEqualTo(setting.environmentVariable());
            if (setting.defaultValue() != null) {
                assertThat(row.defaultValue())
                        .as("the documented default of %s", setting.property())
                        .isEqualTo(setting.defaultValue());
            } else {
                assertThat(row.defaultCell())
                        .as("what %s is when unset", setting.property())
                        .isNotBlank();
            }
        }
    }

    @Test
    void everyDocumentedServiceSettingIsDeclared() {
        List<String> declared =
                declaredSettings().stream().map(Setting::property).toList();

        assertThat(documented.keySet().stream().filter(property -> property.startsWith(PREFIX)))
                .containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void theOtherRowsDocumentApplicationYmlsDefaults() {
        Map<String, Row> others = new TreeMap<>(documented);
        others.keySet().removeIf(property -> property.startsWith(PREFIX));

        assertThat(others).isNotEmpty();
        others.forEach((property, row) -> {
            assertThat(row.environmentVariable()).isEqualTo(new Setting(property, null).environmentVariable());
            assertThat(row.defaultValue())
                    .as("the documented default of %s", property)
                    .isEqualTo(String.valueOf(applicationYml(property)));
        });
    }

    /** Every setting the service's configuration records declare, with the default each binds (null: none). */
    private static List<Setting> declaredSettings() {
        List<Setting> settings = new ArrayList<>();
        for (Class<?> type : configurationRecords()) {
            String prefix = type.getAnnotation(ConfigurationProperties.class).value();
            for (RecordComponent component : type.getRecordComponents()) {
                Bindable bindable = component.getAccessor().getAnnotation(Bindable.class);
                String defaultValue =
                        bindable == null || bindable.defaultValue().isEmpty() ? null : bindable.defaultValue();
                settings.add(new Setting(prefix + "." + kebabCase(component.getName()), defaultValue));
            }
        }
        return settings;
    }

    /** The configuration records of the service's main code, found on disk so a new one cannot be forgotten. */
    private static List<Class<?>> configurationRecords() {
        try (Stream<Path> files = Files.walk(mainClasses())) {
            List<Class<?>> records = new ArrayList<>();
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".class")).toList()) {
                Class<?> type = loadClass(mainClasses().relativize(file));
                if (type.isRecord() && type.isAnnotationPresent(ConfigurationProperties.class)) {
                    records.add(type);
                }
            }
            assertThat(records).as("configuration records found").contains(PipelineConfig.class, TopicsConfig.class);
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path mainClasses() {
        try {
            return Path.of(PipelineConfig.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> loadClass(Path classFile) {
        String name = classFile
                .toString()
                .replace(classFile.getFileSystem().getSeparator(), ".")
                .replaceFirst("\\.class$", "");
        try {
            return Class.forName(name, false, DocumentedConfigurationTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String kebabCase(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static Object applicationYml(String property) {
        try (InputStream in = DocumentedConfigurationTest.class.getResourceAsStream("/application.yml")) {
            Object node = new Yaml().load(in);
            for (String key : property.split("\\.")) {
                node = node instanceof Map<?, ?> map ? map.get(key) : null;
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one table under {@link #HEADER} among the repository's Markdown pages, by property. */
    private static Map<String, Row> documentedRows() {
        List<List<String>> tables = markdownPages().stream()
                .map(DocumentedConfigurationTest::tableLines)
                .filter(lines -> !lines.isEmpty())
                .toList();
        assertThat(tables).as("pages with a table headed " + HEADER).hasSize(1);
        Map<String, Row> rows = new TreeMap<>();
        for (String line : tables.get(0)) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                rows.put(row.group(1), new Row(row.group(2), row.group(3)));
            }
        }
        return rows;
    }

    private static List<Path> markdownPages() {
        try (Stream<Path> docs = Files.list(REPOSITORY.resolve("docs"))) {
            List<Path> pages = new ArrayList<>(
                    docs.filter(path -> path.toString().endsWith(".md")).toList());
            pages.add(REPOSITORY.resolve("README.md"));
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of the table headed {@link #HEADER} in a page, or none. */
    private static List<String> tableLines(Path page) {
        try {
            List<String> lines = Files.readAllLines(page);
            int header = lines.indexOf(HEADER);
            if (header < 0) {
                return List.of();
            }
            return lines.subList(header + 2, lines.size()).stream()
                    .takeWhile(line -> line.startsWith("|"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
