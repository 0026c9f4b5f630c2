package org.astrolabe.core.vosi;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * What a TAP service declares of itself in TAPRegExt: query languages, output formats, upload
 * methods and its limits. Limits may be given per mode ({@code forMode="sync"} or
 * {@code "async"}); the {@code ...(String mode)} lookups return the one for that mode and fall back
 * to the general one. Immutable and thread-safe.
 *
 * @param dataModels the data models the service supports (e.g. ObsCore)
 * @param languages the query languages, ADQL first as services write it
 * @param outputFormats the output formats (RESPONSEFORMAT values are their MIME types and aliases)
 * @param uploadMethods the ivo-ids of the upload methods (e.g. {@code ...#upload-inline})
 * @param retentionPeriods how long async jobs are kept, in seconds
 * @param executionDurations how long a query may run, in seconds
 * @param outputLimits how many rows or bytes a result may have (MAXREC default and hard limit)
 * @param uploadLimits how large an uploaded table may be
 */
public record TapCapability(List<DataModel> dataModels, List<Language> languages, List<OutputFormat> outputFormats,
        List<String> uploadMethods, List<TimeLimit> retentionPeriods, List<TimeLimit> executionDurations,
        List<DataLimits> outputLimits, List<DataLimits> uploadLimits) {

    /** @throws NullPointerException if a list is null */
    public TapCapability {
        dataModels = List.copyOf(dataModels);
        languages = List.copyOf(languages);
        outputFormats = List.copyOf(outputFormats);
        uploadMethods = List.copyOf(uploadMethods);
        retentionPeriods = List.copyOf(retentionPeriods);
        executionDurations = List.copyOf(executionDurations);
        outputLimits = List.copyOf(outputLimits);
        uploadLimits = List.copyOf(uploadLimits);
    }

    /** @return the language of that name (any case), if declared */
    public Optional<Language> language(String name) {
        return languages.stream().filter(l -> l.name().equalsIgnoreCase(name)).findFirst();
    }

    /** @return the output format with that MIME type or alias (any case), if declared */
    public Optional<OutputFormat> outputFormat(String mimeOrAlias) {
        return outputFormats.stream().filter(f -> f.mime().equalsIgnoreCase(mimeOrAlias)
                || f.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(mimeOrAlias))).findFirst();
    }

    /** @param mode {@code sync} or {@code async}, any case, or null for the general limit */
    public Optional<DataLimits> outputLimit(String mode) {
        return forMode(outputLimits, mode, DataLimits::forMode);
    }

    /** @param mode {@code sync} or {@code async}, any case, or null for the general limit */
    public Optional<DataLimits> uploadLimit(String mode) {
        return forMode(uploadLimits, mode, DataLimits::forMode);
    }

    /** @param mode {@code sync} or {@code async}, any case, or null for the general limit */
    public Optional<TimeLimit> executionDuration(String mode) {
        return forMode(executionDurations, mode, TimeLimit::forMode);
    }

    /** @param mode {@code sync} or {@code async}, any case, or null for the general limit */
    public Optional<TimeLimit> retentionPeriod(String mode) {
        return forMode(retentionPeriods, mode, TimeLimit::forMode);
    }

    /**
     * The entry for {@code mode}, else the general one (no forMode), else, when only per-mode
     * entries exist and no mode was asked, the first.
     */
    private static <T> Optional<T> forMode(List<T> entries, String mode, Function<T, String> modeOf) {
        if (mode != null && !mode.isBlank()) {
            Optional<T> exact = entries.stream().filter(e -> modeOf.apply(e).equalsIgnoreCase(mode.strip())).findFirst();
            if (exact.isPresent()) {
                return exact;
            }
        }
        Optional<T> general = entries.stream().filter(e -> modeOf.apply(e).isEmpty()).findFirst();
        if (general.isPresent() || (mode != null && !mode.isBlank())) {
            return general;
        }
        return entries.stream().findFirst();
    }

    /**
     * A data model.
     *
     * @param ivoId its ivo-id, or ""
     * @param name its name as the service writes it
     */
    public record DataModel(String ivoId, String name) {
        /** Never fails; nulls become "". */
        public DataModel {
            ivoId = Objects.requireNonNullElse(ivoId, "");
            name = Objects.requireNonNullElse(name, "");
        }
    }

    /**
     * A query language.
     *
     * @param name e.g. {@code ADQL}; never blank
     * @param versions its versions with their ivo-ids
     * @param description the service's description, or ""
     * @param featureSets its optional features grouped by type (UDFs, geometry functions, ...)
     */
    public record Language(String name, List<Version> versions, String description, List<FeatureSet> featureSets) {
        /** @throws IllegalArgumentException if the name is blank */
        public Language {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("A TAP language needs a name");
            }
            versions = List.copyOf(versions);
            description = Objects.requireNonNullElse(description, "");
            featureSets = List.copyOf(featureSets);
        }

        /** @return the features of that type (e.g. {@code ivo://ivoa.net/std/TAPRegExt#features-adqlgeo}) */
        public List<Feature> features(String type) {
            return featureSets.stream().filter(s -> s.type().equalsIgnoreCase(type))
                    .flatMap(s -> s.features().stream()).toList();
        }
    }

    /**
     * A language version.
     *
     * @param version e.g. {@code 2.0}
     * @param ivoId e.g. {@code ivo://ivoa.net/std/ADQL#v2.0}, or ""
     */
    public record Version(String version, String ivoId) {
        /** Never fails; nulls become "". */
        public Version {
            version = Objects.requireNonNullElse(version, "");
            ivoId = Objects.requireNonNullElse(ivoId, "");
        }
    }

    /**
     * Language features of one type.
     *
     * @param type the feature type's ivo-id
     * @param features the features
     */
    public record FeatureSet(String type, List<Feature> features) {
        /** @throws NullPointerException if the features are null */
        public FeatureSet {
            type = Objects.requireNonNullElse(type, "");
            features = List.copyOf(features);
        }
    }

    /**
     * One language feature.
     *
     * @param form its form (e.g. {@code POINT} or a UDF signature)
     * @param description the service's description, or ""
     */
    public record Feature(String form, String description) {
        /** Never fails; nulls become "". */
        public Feature {
            form = Objects.requireNonNullElse(form, "");
            description = Objects.requireNonNullElse(description, "");
        }
    }

    /**
     * An output format.
     *
     * @param mime its MIME type (RESPONSEFORMAT value); never blank
     * @param aliases its short names (e.g. {@code csv}, {@code votable/b2})
     * @param ivoId its standard ivo-id (e.g. {@code ...#output-votable-binary}), or ""
     */
    public record OutputFormat(String mime, List<String> aliases, String ivoId) {
        /** @throws IllegalArgumentException if the MIME type is blank */
        public OutputFormat {
            if (mime == null || mime.isBlank()) {
                throw new IllegalArgumentException("An output format needs a MIME type");
            }
            aliases = List.copyOf(aliases);
            ivoId = Objects.requireNonNullElse(ivoId, "");
        }
    }

    /**
     * A time limit (retention period or execution duration).
     *
     * @param forMode {@code sync}, {@code async} or "" when it applies to both
     * @param defaultSeconds what applies when the user asks nothing
     * @param hardSeconds the most a user may ask for
     */
    public record TimeLimit(String forMode, OptionalLong defaultSeconds, OptionalLong hardSeconds) {
        /** @throws IllegalArgumentException if a value is negative */
        public TimeLimit {
            forMode = Objects.requireNonNullElse(forMode, "").strip().toLowerCase(Locale.ROOT);
            check(defaultSeconds, "default");
            check(hardSeconds, "hard");
        }

        private static void check(OptionalLong value, String what) {
            if (Objects.requireNonNull(value, what).isPresent() && value.getAsLong() < 0) {
                throw new IllegalArgumentException("A " + what + " time limit cannot be negative: " + value.getAsLong());
            }
        }
    }

    /**
     * A limit on rows or bytes (output limit or upload limit).
     *
     * @param forMode {@code sync}, {@code async} or "" when it applies to both
     * @param defaultLimit what applies when the user asks nothing (for output: the default MAXREC)
     * @param hardLimit the most a user may ask for
     */
    public record DataLimits(String forMode, Optional<DataLimit> defaultLimit, Optional<DataLimit> hardLimit) {
        /** @throws NullPointerException if an optional is null */
        public DataLimits {
            forMode = Objects.requireNonNullElse(forMode, "").strip().toLowerCase(Locale.ROOT);
            Objects.requireNonNull(defaultLimit, "defaultLimit");
            Objects.requireNonNull(hardLimit, "hardLimit");
        }
    }

    /**
     * A number of rows or bytes.
     *
     * @param value the amount, not negative
     * @param unit rows or bytes
     */
    public record DataLimit(long value, Unit unit) {
        /** The units TAPRegExt allows. */
        public enum Unit {
            /** Table rows ({@code unit="row"}). */
            ROWS,
            /** Bytes ({@code unit="byte"}). */
            BYTES;

            /**
             * @param value {@code row} or {@code byte} (plural and any case accepted)
             * @return the unit
             * @throws IllegalArgumentException naming the value otherwise
             */
            public static Unit parse(String value) {
                String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
                return switch (v) {
                    case "row", "rows" -> ROWS;
                    case "byte", "bytes" -> BYTES;
                    default -> throw new IllegalArgumentException("Unknown limit unit '" + value + "' (row or byte)");
                };
            }
        }

        /** @throws IllegalArgumentException if the value is negative or the unit missing */
        public DataLimit {
            if (value < 0) {
                throw new IllegalArgumentException("A limit cannot be negative: " + value);
            }
            Objects.requireNonNull(unit, "unit");
        }

        @Override
        public String toString() {
            return value + (unit == Unit.ROWS ? " rows" : " bytes");
        }
    }
}
