package org.sagebionetworks.accessrecords.queries.compare;

/** How a comparison is printed: readable tables for people, one JSON document for scripts. */
public enum ReportFormat {
    TABLE {
        @Override
        public String render(ComparisonReport report) {
            return ReadableReport.render(report);
        }
    },
    JSON {
        @Override
        public String render(ComparisonReport report) {
            return JsonReport.render(report);
        }
    };

    public abstract String render(ComparisonReport report);
}
