package org.sagebionetworks.accessrecords.service.enrich;

import org.sagebionetworks.accessrecords.core.output.EncodedRow;

/** Where a raw record goes after enrichment: on as a row, or to the dead-letter topic as it came. */
public sealed interface Routed {

    record Enriched(EncodedRow row) implements Routed {}

    record DeadLetter(byte[] original) implements Routed {}
}
