package org.sagebionetworks.accessrecords.reconcile;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * The result's fields, a contract (docs/reconcile.md, "The result line"): Terraform's CloudWatch metric filter
 * matches {@code reconcile_result} and counts {@code disagreeing_days}; the text format's last line holds exactly
 * these, the JSON report holds them at its top level beside the days and the gaps.
 */
final class ResultFields {

    private ResultFields() {}

    static void write(Reconciliation result, JsonGenerator json) throws IOException {
        json.writeStringField("reconcile_result", result.agrees() ? "agree" : "disagree");
        json.writeStringField("from", result.days().from().toString());
        json.writeStringField("to", result.days().to().toString());
        json.writeBooleanField("strict", result.strict());
        json.writeNumberField("disagreeing_days", result.disagreeingDays());
        json.writeNumberField("missing_keys", result.missingKeys());
        json.writeNumberField("table_only_keys", result.tableOnlyKeys());
        json.writeNumberField("gaps", result.gaps().size());
        json.writeNumberField("dead_letters", result.deadLetters());
        json.writeNumberField("dead_letters_without_time", result.deadLettersWithoutTime());
        json.writeNumberField("archive_invalid_lines_without_time", result.archiveInvalidWithoutTime());
    }
}
