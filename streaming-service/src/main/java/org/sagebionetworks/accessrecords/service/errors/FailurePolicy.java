package org.sagebionetworks.accessrecords.service.errors;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.sagebionetworks.accessrecords.service.config.RetryBudgetConfig;
import org.sagebionetworks.accessrecords.service.errors.FailureClassifier.Failure;
import org.sagebionetworks.accessrecords.service.metrics.PipelineMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides what a failure leads to. Bad input never gets here (it is dead-lettered before any
 * write). A stream thread that dies of a retriable error is replaced while the retry budget lasts; a fatal error,
 * or one more retriable error than the budget allows, stops Kafka Streams, which turns health DOWN, and says why
 * in the log and in the health details. No record is skipped: what was not committed is redone by the next run.
 */
@Singleton
public final class FailurePolicy implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FailurePolicy.class);
    private static final int REFUSALS_KEPT = 16;

    private final RetryBudget budget;
    private final PipelineMetrics metrics;
    private final Deque<Refusal> refusals = new ArrayDeque<>();
    private final AtomicReference<String> stopReason = new AtomicReference<>();

    /** A record Kafka Streams could not write or read, as its error hooks described it. */
    private record Refusal(String what, Throwable error) {
        boolean explains(List<Throwable> chain) {
            return chain.stream()
                    .anyMatch(t -> t == error
                            || (t.getClass() == error.getClass()
                                    && Objects.equals(t.getMessage(), error.getMessage())));
        }
    }

    @Inject
    public FailurePolicy(RetryBudgetConfig config, PipelineMetrics metrics) {
        this(new RetryBudget(config.replacements(), config.window(), Clock.systemUTC()), metrics);
    }

    FailurePolicy(RetryBudget budget, PipelineMetrics metrics) {
        this.budget = budget;
        this.metrics = metrics;
    }

    /** As {@link #refused}, for a record a topic refused or that could not be serialized for it; counted. */
    public void refusedWrite(String what, Throwable error) {
        metrics.productionError();
        refused(what, error);
    }

    /**
     * Called by Kafka Streams' error hooks ({@link ErrorPolicyHandlers}) with the record's coordinates, before the
     * stream thread dies of {@code error}; the reason given for the stop then names the record and the topic.
     */
    public void refused(String what, Throwable error) {
        LOG.error("{}: {}", what, error.toString());
        synchronized (refusals) {
            if (refusals.size() == REFUSALS_KEPT) {
                refusals.removeFirst();
            }
            refusals.addLast(new Refusal(what, error));
        }
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable error) {
        Failure failure = FailureClassifier.classify(error);
        String what = describe(error);
        if (!failure.fatal() && budget.trySpend()) {
            LOG.warn(
                    "Replacing the stream thread after {} ({} of {} spent); it resumes from the last commit: {}",
                    failure.fault(),
                    budget.spent(),
                    budget,
                    what,
                    error);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        String reason = failure.fatal()
                ? failure.fault() + ": " + what + ". To fix: " + failure.remedy()
                : failure.fault() + " once more than the retry budget allows (" + budget
                        + ", access-records.retry-budget.*): " + what;
        stopReason.compareAndSet(null, reason);
        LOG.error("Stopping Kafka Streams; health stays DOWN until the service is restarted. {}", reason, error);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    /** Why Kafka Streams was stopped, once it was. */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason.get());
    }

    /** The hook's account of the record when there is one; otherwise the error and its root cause. */
    private String describe(Throwable error) {
        List<Throwable> chain = FailureClassifier.chain(error);
        synchronized (refusals) {
            for (var it = refusals.descendingIterator(); it.hasNext(); ) {
                Refusal refusal = it.next();
                if (refusal.explains(chain)) {
                    return refusal.what() + " (" + firstLine(refusal.error()) + ")";
                }
            }
        }
        Throwable root = chain.get(chain.size() - 1);
        return root == error ? firstLine(error) : firstLine(error) + " (caused by " + firstLine(root) + ")";
    }

    private static String firstLine(Throwable error) {
        return error.toString().lines().findFirst().orElse(error.getClass().getName());
    }
}
