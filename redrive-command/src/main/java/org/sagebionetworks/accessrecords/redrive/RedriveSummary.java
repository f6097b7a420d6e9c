package org.sagebionetworks.accessrecords.redrive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** What one run found and did, as counted; {@link #json()} is the summary it prints last. */
final class RedriveSummary {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String deadLetterTopic;
    private final boolean dryRun;
    long read;
    long notChosen;
    long alreadyRedriven;
    long wouldRedrive;
    long redriven;
    final List<String> notWhole = new ArrayList<>();

    RedriveSummary(String deadLetterTopic, boolean dryRun) {
        this.deadLetterTopic = deadLetterTopic;
        this.dryRun = dryRun;
    }

    /** Every chosen letter was redriven, or was before. */
    boolean complete() {
        return notWhole.isEmpty();
    }

    String json() {
        ObjectNode summary = JSON.createObjectNode()
                .put("dead_letter_topic", deadLetterTopic)
                .put("dry_run", dryRun)
                .put("letters_read", read)
                .put("not_chosen", notChosen)
                .put("already_redriven", alreadyRedriven)
                .put("would_redrive", wouldRedrive)
                .put("redriven", redriven);
        notWhole.forEach(summary.putArray("not_whole")::add);
        return summary.toString();
    }
}
