package org.astrolabe.tap.uws;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a UWS job document says about a job at the moment it was read (UWS 1.1, or 1.0 where the
 * 1.1 elements are absent). Immutable and thread-safe; read the job again for a newer state.
 *
 * @param id the job id given by the service
 * @param uri the job's URL (the resource {@code /phase}, {@code /results} and {@code /error} hang off)
 * @param version the UWS version the document declares ({@code "1.0"} when it declares none)
 * @param phase the phase
 * @param owner who owns the job, if the service says
 * @param runId the client's label for the job, if one was set
 * @param creationTime when the job was created (absent in some UWS 1.0 documents)
 * @param startTime when it started executing
 * @param endTime when it ended
 * @param quote when the service expects it to finish
 * @param executionDuration the longest it may run; {@link Duration#ZERO} means no limit
 * @param destruction when the service will delete it
 * @param parameters its parameters in document order, names as the service wrote them
 * @param results its results in document order (empty until it has completed)
 * @param errorSummary why it failed, for a job in phase {@link ExecutionPhase#ERROR}
 */
public record JobInfo(String id, URI uri, String version, ExecutionPhase phase, Optional<String> owner,
        Optional<String> runId, Optional<Instant> creationTime, Optional<Instant> startTime, Optional<Instant> endTime,
        Optional<Instant> quote, Optional<Duration> executionDuration, Optional<Instant> destruction,
        Map<String, String> parameters, List<JobResult> results, Optional<ErrorSummary> errorSummary) {

    /**
     * @throws IllegalArgumentException if the id is blank, the URI not absolute, or a duration negative
     * @throws NullPointerException if any other component is null
     */
    public JobInfo {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A UWS job needs an id");
        }
        Objects.requireNonNull(uri, () -> "Job " + id + " has no URL");
        if (!uri.isAbsolute()) {
            throw new IllegalArgumentException("The URL of job " + id + " is not absolute: " + uri);
        }
        version = version == null || version.isBlank() ? "1.0" : version.strip();
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(creationTime, "creationTime");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endTime, "endTime");
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(executionDuration, "executionDuration");
        if (executionDuration.isPresent() && executionDuration.get().isNegative()) {
            throw new IllegalArgumentException("Job " + id + " has a negative execution duration: "
                    + executionDuration.get());
        }
        Objects.requireNonNull(destruction, "destruction");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        results = List.copyOf(results);
        Objects.requireNonNull(errorSummary, "errorSummary");
    }

    /**
     * @param name a parameter name, any case (TAP parameter names are case-insensitive)
     * @return its value, if the job has that parameter with a non-empty value
     */
    public Optional<String> parameter(String name) {
        for (var e : parameters.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return Optional.ofNullable(e.getValue()).filter(v -> !v.isBlank());
            }
        }
        return Optional.empty();
    }

    /**
     * @return {@code true} when the service speaks UWS 1.1 or later, and so honours the blocking
     *         {@code WAIT} parameter
     */
    public boolean supportsBlockingWait() {
        String[] parts = version.split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major > 1 || (major == 1 && minor >= 1);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * @return where the main result can be fetched: the result named {@code result} if the job lists
     *         one, else its first result, else {@code {job}/results/result} (the TAP convention)
     */
    public URI resultUri() {
        return results.stream().filter(r -> r.id().toLowerCase(Locale.ROOT).equals("result")).findFirst()
                .or(() -> results.stream().findFirst())
                .map(JobResult::href)
                .orElseGet(() -> UwsUris.child(uri, "results/result"));
    }
}
