package org.sagebionetworks.accessrecords.core.enrichment;

import java.time.LocalDate;

/**
 * The columns the Glue job computes from a payload, as {@link Enricher#derive} gives them, whichever way the
 * payload was read.
 */
public record DerivedColumns(
        String instance,
        String normalizedMethodSignature,
        String client,
        String clientVersion,
        Long entityId,
        LocalDate recordDate) {}
