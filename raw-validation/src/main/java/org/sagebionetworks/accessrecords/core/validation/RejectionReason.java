package org.sagebionetworks.accessrecords.core.validation;

/** Why a raw record cannot become a row; dead-letter headers and counters use these names. */
public enum RejectionReason {
    /** Larger than the configured limit; not parsed at all. */
    TOO_LARGE,
    /** Not well-formed UTF-8 (a byte order mark, NUL bytes, unpaired surrogates included) or JSON, or more than one JSON value. */
    MALFORMED_JSON,
    /** A required field is absent or null. */
    MISSING_FIELD,
    /** A field holds a JSON type its schema does not allow. */
    WRONG_TYPE,
    /** A value of the right type that cannot be true, such as a timestamp in 1970 or an 80 KB method. */
    ABSURD_VALUE,
    /** The enrichment itself failed: a defect in this code, not in the record, kept so it can be replayed. */
    ENRICHMENT_FAILED
}
