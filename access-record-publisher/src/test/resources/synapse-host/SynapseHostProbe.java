import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sagebionetworks.accessrecords.publisher.AccessRecordPublisher;
import org.sagebionetworks.accessrecords.publisher.BatchResult;
import org.sagebionetworks.accessrecords.publisher.PublisherConfig;
import org.sagebionetworks.accessrecords.publisher.PublisherStats;

/**
 * Plays the Synapse host for SynapseHostIT, in a JVM of its own whose class path holds only what Synapse would
 * have: the publisher's jar, the jars it brings, Jackson 2.13 and the AWS SDK v1. Uses the host's libraries
 * first, as Synapse has, then publishes one batch and prints what became of it.
 * Arguments: bootstrap servers, topic, a file of JSON lines.
 */
public class SynapseHostProbe {

    public static void main(String[] args) throws Exception {
        System.out.println("host jackson "
                + new com.fasterxml.jackson.databind.ObjectMapper().version().toString());
        System.out.println("host aws sdk v1 "
                + new com.amazonaws.auth.BasicAWSCredentials("id", "secret").getAWSAccessKeyId());
        System.out.println("msk iam "
                + Class.forName("software.amazon.msk.auth.iam.IAMClientCallbackHandler").getName());

        List<String> lines = Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8);
        AccessRecordPublisher publisher = new AccessRecordPublisher(
                PublisherConfig.builder(args[0]).topic(args[1]).build());
        BatchResult result = publisher.publishBatch(lines);
        publisher.close();
        PublisherStats stats = publisher.stats();
        System.out.println("batch " + result);
        System.out.println("sent " + stats.sent() + " failed " + stats.failed());
    }
}
