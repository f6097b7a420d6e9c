package org.sagebionetworks.accessrecords.local;

import org.sagebionetworks.accessrecords.service.metrics.PipelineMetrics;

/** The names of enricher-service's counters the local stack reports, as Micrometer knows them. */
final class ServiceCounters {

    static final String IN = PipelineMetrics.PREFIX + "in";
    static final String OUT = PipelineMetrics.PREFIX + "out";
    static final String DUPLICATES = PipelineMetrics.PREFIX + "duplicates.dropped";
    static final String LATE = PipelineMetrics.PREFIX + "late";
    static final String DEAD_LETTERED = PipelineMetrics.PREFIX + "dead.lettered";

    private ServiceCounters() {}

    static String summary(LocalStack stack) {
        return String.format(
                "enricher read %d, wrote %d, dropped %d duplicates, let %d late records through, " + "dead-lettered %d",
                stack.enricherCount(IN),
                stack.enricherCount(OUT),
                stack.enricherCount(DUPLICATES),
                stack.enricherCount(LATE),
                stack.enricherCount(DEAD_LETTERED));
    }
}
