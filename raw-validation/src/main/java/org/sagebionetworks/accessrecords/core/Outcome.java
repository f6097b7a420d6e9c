package org.sagebionetworks.accessrecords.core;

import java.util.Objects;
import org.sagebionetworks.accessrecords.core.validation.Rejection;

/**
 * What the core makes of one input: a value, or a rejection that says why. The core never throws on bad
 * input, so every caller decides explicitly what happens to a rejected record.
 *
 * <p>Exactly two kinds, {@link Accepted} and {@link Rejected}: the private constructor closes the hierarchy as a
 * sealed interface would, which this module cannot use (it is built for Java 11, for the publisher in Synapse).
 */
public abstract class Outcome<T> {

    private Outcome() {}

    public static <T> Outcome<T> accepted(T value) {
        return new Accepted<>(value);
    }

    public static <T> Outcome<T> rejected(Rejection rejection) {
        return new Rejected<>(rejection);
    }

    public static final class Accepted<T> extends Outcome<T> {
        private final T value;

        public Accepted(T value) {
            this.value = value;
        }

        public T value() {
            return value;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Accepted && Objects.equals(((Accepted<?>) other).value, value);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(value);
        }

        @Override
        public String toString() {
            return "Accepted[value=" + value + "]";
        }
    }

    public static final class Rejected<T> extends Outcome<T> {
        private final Rejection rejection;

        public Rejected(Rejection rejection) {
            this.rejection = rejection;
        }

        public Rejection rejection() {
            return rejection;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Rejected && Objects.equals(((Rejected<?>) other).rejection, rejection);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(rejection);
        }

        @Override
        public String toString() {
            return "Rejected[rejection=" + rejection + "]";
        }
    }
}
