package org.astrolabe.ui;

/**
 * Families of the Eclipse Jobs Astrolabe's UI schedules, for {@code IJobManager.find(family)},
 * {@code join(family, monitor)} and {@code cancel(family)}.
 */
public final class JobFamilies {

    /** Jobs that run a TAP query for the TAP Query view. */
    public static final Object TAP_QUERY = new Family("Astrolabe TAP query");

    /** Jobs that read a service's metadata (tables, columns) for the Schema browser and content assist. */
    public static final Object METADATA = new Family("Astrolabe service metadata");

    /** Jobs of the Jobs view: refreshing, running, aborting, deleting async jobs and fetching their results. */
    public static final Object UWS_JOBS = new Family("Astrolabe async jobs");

    /** Jobs that save or sort a result table. */
    public static final Object RESULTS = new Family("Astrolabe result table");

    private JobFamilies() {
    }

    private record Family(String name) {
        @Override
        public String toString() {
            return name;
        }
    }
}
