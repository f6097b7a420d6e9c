package org.sagebionetworks.accessrecords.replay;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.sagebionetworks.accessrecords.schema.PipelineVersion;
import org.sagebionetworks.accessrecords.schema.SharedNames;
import org.sagebionetworks.accessrecords.toolsupport.IsoInstantConverter;
import org.sagebionetworks.accessrecords.toolsupport.KafkaOptions;
import org.sagebionetworks.accessrecords.toolsupport.S3Clients;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code replay --to-version v2 --serving-version v1 --lake-bucket B [--lake-prefix P] --from <time>|--from-earliest [--execute]}:
 * prepares a new pipeline version to reprocess the raw topic (blue/green, docs/replay.md). A dry run unless
 * {@code --execute}.
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Prepare a pipeline version to reprocess the raw topic, from a time or from its beginning.",
            "Sets the version's consumer-group offsets by timestamp; deletes its internal topics and local state.",
            "Prints the plan and changes nothing unless --execute is given.",
            "Refuses while the version's app runs, for the serving version, and for a version used before (its "
                    + "processed topic was written, its folder of the lake holds files, or a connector at --connect-url "
                    + "reads its topic or writes its folder).",
            "Exit status: 0 planned or done, 1 refused or failed (the message says why)."
        })
public final class ReplayCommand implements Callable<Integer> {

    @Option(
            names = "--to-version",
            required = true,
            paramLabel = "vN",
            description = "The version to prepare, e.g. v2; names its group, topics and folder (see docs/service.md).")
    private String toVersion;

    @Option(
            names = "--serving-version",
            required = true,
            paramLabel = "vN",
            description = "The version the view processedaccessrecord serves now (Terraform's pipeline_version); "
                    + "refused as a target.")
    private String servingVersion;

    @ArgGroup(multiplicity = "1")
    private Start start;

    static final class Start {
        @Option(
                names = "--from",
                paramLabel = "ISO-8601",
                converter = IsoInstantConverter.class,
                description = "Start in each partition at the first record stamped at or after this time, "
                        + "e.g. 2026-11-01T00:00:00Z.")
        Instant from;

        @Option(names = "--from-earliest", description = "Start at the beginning of the raw topic.")
        boolean earliest;
    }

    @Option(names = "--execute", description = "Do it. Without it, only print what would be done.")
    private boolean execute;

    @Option(
            names = "--discard-processed-topic",
            description =
                    "Also delete the version's processed topic when an "
                            + "earlier attempt wrote it (delete its connector and its folder of the lake first, see docs/replay.md).")
    private boolean discardProcessed;

    @Option(
            names = "--wait-for-stop",
            paramLabel = "DURATION",
            defaultValue = "PT60S",
            description = "How long to wait for the members of a just stopped app to leave its group before refusing "
                    + "(Kafka Streams members leave only when their session times out, 45 s by default; "
                    + "default: ${DEFAULT-VALUE}).")
    private Duration waitForStop;

    @Option(
            names = "--lake-bucket",
            required = true,
            paramLabel = "BUCKET",
            description = "The lake the S3 sink writes, e.g. prod-synapse-access-records-lake: the version's folder "
                    + "there (processed/vN/, under --lake-prefix) must be empty.")
    private String lakeBucket;

    @Option(
            names = "--lake-prefix",
            paramLabel = "FOLDER",
            converter = LakePrefix.Converter.class,
            description = "The folder of the lake the pipeline writes under, as Terraform's lake_prefix, e.g. "
                    + "warehouse/processedaccessrecord_stream: the version's folder is then <prefix>/processed/vN/ "
                    + "(default: none, the bucket's root).")
    private LakePrefix lakePrefix = LakePrefix.ROOT;

    @Option(
            names = "--lake-region",
            paramLabel = "REGION",
            defaultValue = "${env:AWS_REGION:-us-east-1}",
            description = "The lake's region (default: env AWS_REGION, else ${DEFAULT-VALUE}).")
    private String lakeRegion;

    @Option(
            names = "--lake-endpoint",
            paramLabel = "URL",
            description = "An S3-compatible endpoint for the lake (path-style), e.g. http://localhost:9000; AWS S3 "
                    + "when absent.")
    private String lakeEndpoint;

    @Option(
            names = "--connect-url",
            paramLabel = "URL",
            description = "Kafka Connect's REST API, e.g. http://connect:8083: no connector may read the version's "
                    + "processed topic or write its folder. Without it connectors are not looked at (MSK Connect has no "
                    + "REST API: see docs/replay.md).")
    private String connectUrl;

    @Option(
            names = "--history-topic",
            paramLabel = "TOPIC",
            description = "The version's private input for history older than the raw topic (the service's "
                    + "ACCESS_RECORDS_TOPICS_HISTORY), e.g. synapse.accessrecords.history.v2: created with the raw "
                    + "topic's partitions if missing, read from its beginning.")
    private String historyTopic;

    @Mixin
    private KafkaOptions kafka;

    @Option(
            names = "--application-id",
            paramLabel = "ID",
            description = "Only if the service sets ACCESS_RECORDS_APPLICATION_ID: the version's application id.")
    private String applicationId;

    @Option(
            names = "--processed-topic",
            paramLabel = "TOPIC",
            description = "Only if the service sets ACCESS_RECORDS_TOPICS_PROCESSED: the version's processed topic.")
    private String processedTopic;

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            defaultValue = "${env:ACCESS_RECORDS_STATE_DIR:-" + SharedNames.STATE_DIR + "}",
            description =
                    "The service's state directory (default: env ACCESS_RECORDS_STATE_DIR, else ${DEFAULT-VALUE}).")
    private Path stateDir;

    private PrintStream out = System.out;
    private PrintStream err = System.err;

    /** For tests (here and end to end): where the plan and the refusals go. */
    public ReplayCommand withStreams(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        return this;
    }

    @Override
    public Integer call() throws InterruptedException {
        ReplayTarget target;
        PipelineVersion serving;
        try {
            target = ReplayTarget.of(
                    PipelineVersion.of(toVersion),
                    applicationId,
                    kafka.rawTopic(),
                    processedTopic,
                    historyTopic,
                    stateDir,
                    lakePrefix);
            serving = PipelineVersion.of(servingVersion);
        } catch (IllegalArgumentException e) {
            err.println("replay refused: --to-version / --serving-version: " + e.getMessage());
            return 1;
        }
        StartingPoint from = start.earliest ? StartingPoint.earliest() : StartingPoint.at(start.from);
        try (Admin admin = kafka.admin();
                LakeFolder lake = new LakeFolder(S3Clients.of(lakeRegion, lakeEndpoint), lakeBucket)) {
            ConnectRest connect = connectUrl == null ? null : new ConnectRest(connectUrl, kafka.timeout());
            PriorUse priorUse = new PriorUse(new TopicOffsets(admin, kafka.timeout()), lake, connect);
            HistoryPlanner history = new HistoryPlanner(
                    admin, new FirstRecordTimes(kafka.client().common(), kafka.timeout()), kafka.timeout());
            ReplayPlan plan = new ReplayPlanner(admin, kafka.timeout(), waitForStop, out, priorUse, history)
                    .plan(target, serving, from, discardProcessed);
            plan.print(out, execute);
            if (execute) {
                new ReplayExecutor(admin, kafka.timeout(), out).execute(plan);
            }
            return 0;
        } catch (ReplayRefusedException e) {
            err.println("replay refused: " + e.getMessage());
            return 1;
        } catch (IllegalStateException e) {
            err.println("replay failed: " + e.getMessage());
            return 1;
        }
    }
}
