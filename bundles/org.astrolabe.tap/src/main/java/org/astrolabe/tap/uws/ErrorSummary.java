package org.astrolabe.tap.uws;

import java.util.Locale;
import java.util.Objects;

/**
 * The {@code errorSummary} of a job in phase {@link ExecutionPhase#ERROR}. Immutable.
 *
 * @param type whether retrying could help ({@link Type#TRANSIENT}) or not ({@link Type#FATAL})
 * @param hasDetail whether the job's {@code /error} resource holds a longer report
 * @param message the service's short message, possibly empty, never {@code null}
 */
public record ErrorSummary(Type type, boolean hasDetail, String message) {

    /** The {@code type} attribute of an error summary. */
    public enum Type {
        /** The job cannot succeed as submitted. */
        FATAL,
        /** The failure may go away if the job is submitted again. */
        TRANSIENT;

        /**
         * @param value {@code fatal} or {@code transient}, any case; blank means fatal (the UWS default)
         * @return the type
         * @throws IllegalArgumentException naming the value otherwise
         */
        public static Type parse(String value) {
            if (value == null || value.isBlank()) {
                return FATAL;
            }
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "fatal" -> FATAL;
                case "transient" -> TRANSIENT;
                default -> throw new IllegalArgumentException("Unknown UWS error type '" + value.strip() + "'");
            };
        }
    }

    /** @throws NullPointerException if type is null */
    public ErrorSummary {
        Objects.requireNonNull(type, "type");
        message = message == null ? "" : message.strip();
    }
}
