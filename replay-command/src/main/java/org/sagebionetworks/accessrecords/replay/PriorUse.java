package org.sagebionetworks.accessrecords.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sagebionetworks.accessrecords.schema.PipelineVersion;
import org.sagebionetworks.accessrecords.schema.SharedNames;

/**
 * Whether a version may be replayed into: it is not the one the view serves, and it was never used. A used version
 * leaves traces that outlive its rows, and each is looked at: its processed topic's end offsets (retention empties
 * a topic but never moves its end back), its sink's files in the lake (they outlive the topic), and its connector
 * (where Kafka Connect's REST API can be asked). Any trace refuses the replay; a look that found nothing is noted.
 */
final class PriorUse {

    private final TopicOffsets offsets;
    private final LakeFolder lake;
    private final ConnectRest connect;

    /** @param connect null when no Kafka Connect REST API was given: connectors are then not looked at */
    PriorUse(TopicOffsets offsets, LakeFolder lake, ConnectRest connect) {
        this.offsets = offsets;
        this.lake = lake;
        this.connect = connect;
    }

    /**
     * @param processedWritten offsets ever written to the processed topic (see {@link TopicOffsets#everWritten});
     *                         -1 when the topic does not exist
     * @param refusals         what makes the replay unsafe, each with what to do
     * @param checked          the traces looked for and not found, for the plan
     */
    record Findings(long processedWritten, List<String> refusals, List<String> checked) {}

    Findings examine(ReplayTarget target, PipelineVersion serving, Set<String> topics, boolean discardProcessed)
            throws InterruptedException {
        List<String> refusals = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        servingConflict(target, serving).ifPresent(refusals::add);
        long written = topics.contains(target.processedTopic()) ? offsets.everWritten(target.processedTopic()) : -1;
        if (written > 0 && !discardProcessed) {
            refusals.add("The processed topic " + target.processedTopic() + " was written before (" + written
                    + " offsets, whether or not retention has emptied it since): " + target.version()
                    + " was used, and "
                    + "replaying into it would write its rows a second time. Choose a version never used before, or "
                    + "discard that attempt: delete its connector and "
                    + lake.uri(target.topicsDir())
                    + ", then run replay again with --discard-processed-topic.");
        }
        lakeTrace(target, checked).ifPresent(refusals::add);
        connectorTrace(target, checked).ifPresent(refusals::add);
        return new Findings(written, refusals, checked);
    }

    private static Optional<String> servingConflict(ReplayTarget target, PipelineVersion serving) {
        boolean sameNames = target.applicationId().equals(serving.applicationId())
                || target.processedTopic().equals(serving.processedTopic());
        if (!target.version().equals(serving) && !sameNames) {
            return Optional.empty();
        }
        return Optional.of(serving + " is the version the view " + SharedNames.VIEW + " serves "
                + "(--serving-version)"
                + (sameNames && !target.version().equals(serving)
                        ? ", and " + target.version() + " is given its names"
                        : "")
                + ": replaying into it would delete its state and rewrite its table under "
                + "its readers. Replay into a new version and switch the view once it has caught up (docs/replay.md).");
    }

    private Optional<String> lakeTrace(ReplayTarget target, List<String> checked) {
        String folder = target.topicsDir();
        Optional<String> object = lake.anyObjectUnder(folder);
        if (object.isEmpty()) {
            checked.add(lake.uri(folder) + ": empty");
            return Optional.empty();
        }
        return Optional.of(lake.uri(folder) + " holds files (e.g. " + object.get() + "): " + target.version()
                + "'s sink wrote its table before. Choose a version never used before, or discard that attempt: delete "
                + "its connector and everything under " + lake.uri(folder) + " (and its processed topic, with "
                + "--discard-processed-topic), then run replay again.");
    }

    private Optional<String> connectorTrace(ReplayTarget target, List<String> checked) throws InterruptedException {
        if (connect == null) {
            checked.add("connectors: not looked at (no --connect-url); make sure none reads " + target.processedTopic()
                    + " (docs/replay.md)");
            return Optional.empty();
        }
        List<String> connectors = connect.connectorsOf(target.processedTopic(), target.topicsDir());
        if (connectors.isEmpty()) {
            checked.add("connectors at " + connect.url() + ": none reads " + target.processedTopic() + " or writes "
                    + target.topicsDir());
            return Optional.empty();
        }
        return Optional.of("Kafka Connect at " + connect.url() + " runs " + String.join(", ", connectors) + " for "
                + target.version() + " (reading " + target.processedTopic() + " or writing "
                + target.topicsDir()
                + "): the version was used, or its connector was started too early. Delete it first; if it wrote files, "
                + "the version was used: choose another.");
    }
}
