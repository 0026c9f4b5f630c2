package org.astrolabe.ui;

/**
 * Families of the Eclipse Jobs Astrolabe's UI schedules, for {@code IJobManager.find(family)},
 * {@code join(family, monitor)} and {@code cancel(family)}.
 */
public final class JobFamilies {

    /** Jobs that run a TAP query for the TAP Query view. */
    public static final Object TAP_QUERY = new Family("Astrolabe TAP query");

    private JobFamilies() {
    }

    private record Family(String name) {
        @Override
        public String toString() {
            return name;
        }
    }
}
