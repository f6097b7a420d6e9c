package org.sagebionetworks.accessrecords.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Glue columns two ways: {@link #expected} from the Avro schema through Avro's own API and the Hive types Athena
 * needs for the Parquet the sink writes; {@link #derivedByTerraform} by evaluating table_schema.tf's
 * {@code contract_columns} expression on the schema file's JSON, with the type map Terraform holds; and their
 * comments, the fields' docs, evaluated the same way.
 */
final class GlueColumns {

    /** The expression the test evaluates; any other text in table_schema.tf fails the test instead. */
    static final String DERIVATION = "[for field in local.processed_schema.fields : { name = field.name "
            + "type = local.glue_types[try(field.type.logicalType, one([for t in field.type : try(t.logicalType, t) "
            + "if t != \"null\"]), field.type)] }]";

    /** The comments' expression: each field's doc, null for a field without one. */
    static final String COMMENTS =
            "{ for field in local.processed_schema.fields : field.name => try(field.doc, null) }";

    private static final ObjectMapper JSON = new ObjectMapper();

    private GlueColumns() {}

    /** Column name to Hive type, in schema order. */
    static Map<String, String> expected(Schema record) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (Schema.Field field : record.getFields()) {
            columns.put(field.name(), hiveType(field.schema(), field.name()));
        }
        return columns;
    }

    static Map<String, String> derivedByTerraform(Path schemaFile, Map<?, ?> glueTypes) {
        Map<String, String> columns = new LinkedHashMap<>();
        List<String> unmapped = new ArrayList<>();
        for (JsonNode field : readJson(schemaFile).get("fields")) {
            String avroType = typeKey(field.get("type"), field.get("name").asText());
            Object hive = glueTypes.get(avroType);
            if (hive == null) {
                unmapped.add(field.get("name").asText() + " (" + avroType + ")");
            }
            columns.put(field.get("name").asText(), String.valueOf(hive));
        }
        if (!unmapped.isEmpty()) {
            throw new AssertionError(
                    "local.glue_types has no Hive type for " + unmapped + "; terraform plan would fail");
        }
        return columns;
    }

    /** Column name to comment as {@link #COMMENTS} computes it on the schema file, null where a field has no doc. */
    static Map<String, String> commentsDerivedByTerraform(Path schemaFile) {
        Map<String, String> comments = new LinkedHashMap<>();
        for (JsonNode field : readJson(schemaFile).get("fields")) {
            comments.put(
                    field.get("name").asText(),
                    field.has("doc") ? field.get("doc").asText() : null);
        }
        return comments;
    }

    /** try(type.logicalType, the one non-null union branch (its logicalType or itself), type). */
    private static String typeKey(JsonNode type, String field) {
        if (type.isObject() && type.has("logicalType")) {
            return type.get("logicalType").asText();
        }
        if (type.isArray()) {
            List<JsonNode> branches = new ArrayList<>();
            type.forEach(branch -> {
                if (!branch.asText().equals("null")) {
                    branches.add(branch);
                }
            });
            if (branches.size() != 1) {
                throw new AssertionError(
                        field + ": one() fails on a union with " + branches.size() + " non-null branches");
            }
            JsonNode branch = branches.get(0);
            return branch.has("logicalType") ? branch.get("logicalType").asText() : branch.asText();
        }
        if (type.isTextual()) {
            return type.asText();
        }
        throw new AssertionError(field + ": the derivation does not handle the type " + type);
    }

    private static String hiveType(Schema schema, String field) {
        if (schema.isUnion()) {
            List<Schema> branches = schema.getTypes().stream()
                    .filter(s -> s.getType() != Schema.Type.NULL)
                    .toList();
            return hiveType(branches.get(0), field);
        }
        LogicalType logical = schema.getLogicalType();
        if (logical instanceof LogicalTypes.TimestampMillis) {
            return "timestamp";
        }
        if (logical instanceof LogicalTypes.Date) {
            return "date";
        }
        return switch (schema.getType()) {
            case STRING -> "string";
            case LONG -> "bigint";
            case INT -> "int";
            case BOOLEAN -> "boolean";
            case DOUBLE -> "double";
            default -> throw new AssertionError(field + ": no Athena type chosen for " + schema);
        };
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
