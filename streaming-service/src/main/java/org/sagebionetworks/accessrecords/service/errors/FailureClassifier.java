package org.sagebionetworks.accessrecords.service.errors;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SecurityDisabledException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.errors.TopologyException;

/**
 * Which failures of a stream thread can pass by themselves. Fatal ones fail the same way however often the thread
 * is replaced, because a setting, a permission, the local disk or the data is at fault: they stop the service at
 * once. Kafka's retriable errors, and anything not known to be fatal, are worth a replacement thread, within the
 * retry budget: under exactly-once a replaced thread only redoes uncommitted work, so retrying costs time, never
 * records.
 */
public final class FailureClassifier {

    /** What a failure is and what fixes it; {@code remedy} is empty when waiting may be enough. */
    public record Failure(boolean fatal, String fault, String remedy) {}

    private record Rule(Set<Class<? extends Throwable>> types, String fault, String remedy) {
        boolean matches(Throwable error) {
            return types.stream().anyMatch(type -> type.isInstance(error));
        }
    }

    private static final List<Rule> FATAL = List.of(
            new Rule(
                    Set.of(Error.class),
                    "the JVM failed",
                    "restart it; for an OutOfMemoryError give the task more memory (enricher_memory)"),
            new Rule(
                    Set.of(RecordTooLargeException.class, RecordBatchTooLargeException.class),
                    "a topic refused a record as too large",
                    "raise the topic's max.message.bytes (the startup check prints the value it needs) or lower "
                            + "access-records.max-record-bytes, then restart"),
            new Rule(
                    Set.of(
                            InvalidRecordException.class,
                            InvalidTimestampException.class,
                            InvalidTopicException.class,
                            PolicyViolationException.class),
                    "a topic refused a record",
                    "check the topic's settings (cleanup.policy, message.timestamp.*) against what the service writes"),
            new Rule(
                    Set.of(AuthorizationException.class, SecurityDisabledException.class),
                    "not authorized",
                    "grant the service's principal the ACL or IAM action the message names (terraform/enricher_iam.tf)"),
            new Rule(
                    Set.of(AuthenticationException.class),
                    "authentication failed",
                    "check access-records.msk-iam (ACCESS_RECORDS_MSK_IAM) and the task role's credentials"),
            new Rule(
                    Set.of(ProcessorStateException.class, IOException.class),
                    "the local state store failed",
                    "free space in access-records.state-dir, or delete the directory: the state is rebuilt from the "
                            + "changelog topics"),
            new Rule(
                    Set.of(SerializationException.class),
                    "a record could not be (de)serialized",
                    "a defect, or a foreign record on an internal topic: keep the log and report it"),
            new Rule(
                    Set.of(MissingSourceTopicException.class),
                    "the raw topic is missing",
                    "create it again (or set access-records.topics.raw to the right name) and restart"),
            new Rule(
                    Set.of(UnsupportedVersionException.class),
                    "the brokers are too old for exactly-once v2",
                    "use Kafka 2.5 or later (MSK 3.8 or later)"),
            new Rule(
                    Set.of(ConfigException.class, InvalidConfigurationException.class, TopologyException.class),
                    "a Kafka Streams setting is invalid",
                    "fix the kafka.streams.* setting the message names"));

    private FailureClassifier() {}

    public static Failure classify(Throwable error) {
        List<Throwable> chain = chain(error);
        for (Rule rule : FATAL) {
            if (chain.stream().anyMatch(rule::matches)) {
                return new Failure(true, rule.fault(), rule.remedy());
            }
        }
        if (chain.stream().anyMatch(RetriableException.class::isInstance)) {
            return new Failure(false, "a transient Kafka error", "");
        }
        return new Failure(false, "an unexpected error", "");
    }

    /** The error and its causes, outermost first; a cause cycle ends the list. */
    static List<Throwable> chain(Throwable error) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
