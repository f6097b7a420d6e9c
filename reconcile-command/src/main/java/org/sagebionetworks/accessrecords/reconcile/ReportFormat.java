package org.sagebionetworks.accessrecords.reconcile;

/** How the report is printed: for a person, or for a program. Both end with the result line's fields. */
enum ReportFormat {
    TEXT,
    JSON
}
