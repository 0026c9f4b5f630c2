package org.astrolabe.ui.internal.prefs;

import java.time.Duration;
import java.util.Objects;

import org.astrolabe.core.http.TransportSettings;
import org.astrolabe.ui.AstrolabeUi;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.eclipse.core.runtime.preferences.InstanceScope;

/**
 * Astrolabe's workbench preferences, typed: time-outs, the default MAXREC, how often the Jobs view
 * refreshes. Reads through an {@link IPreferenceStore} (the instance scope of the UI bundle in the
 * workbench; any store in tests); out-of-range values fall back to the defaults, so a hand-edited
 * preference file cannot break a query. Thread-safe as the store is.
 */
public final class UiPreferences {

    /** Seconds to wait for a connection. */
    public static final String CONNECT_TIMEOUT = "connectTimeoutSeconds";
    /** Seconds a read may wait for the next bytes. */
    public static final String READ_TIMEOUT = "readTimeoutSeconds";
    /** The MAXREC the TAP Query view starts with. */
    public static final String DEFAULT_MAXREC = "defaultMaxrec";
    /** Seconds between refreshes of the Jobs view while a job is active. */
    public static final String JOBS_REFRESH = "jobsRefreshSeconds";

    static final int DEFAULT_CONNECT_TIMEOUT = 30;
    static final int DEFAULT_READ_TIMEOUT = 300;
    static final int DEFAULT_DEFAULT_MAXREC = 10_000;
    static final int DEFAULT_JOBS_REFRESH = 3;

    private final IPreferenceStore store;

    /** @param store where the values are kept; its defaults are set here */
    public UiPreferences(IPreferenceStore store) {
        this.store = Objects.requireNonNull(store, "store");
        setDefaults(store);
    }

    /** @return the preferences of the running workbench (instance scope of org.astrolabe.ui) */
    public static UiPreferences workbench() {
        return new UiPreferences(new ScopedPreferenceStore(InstanceScope.INSTANCE, AstrolabeUi.PLUGIN_ID));
    }

    /** Sets the default of every key in {@code store}. */
    static void setDefaults(IPreferenceStore store) {
        store.setDefault(CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT);
        store.setDefault(READ_TIMEOUT, DEFAULT_READ_TIMEOUT);
        store.setDefault(DEFAULT_MAXREC, DEFAULT_DEFAULT_MAXREC);
        store.setDefault(JOBS_REFRESH, DEFAULT_JOBS_REFRESH);
    }

    /** @return the store, for the preference page */
    public IPreferenceStore store() {
        return store;
    }

    /** @return the connect time-out (1 s to 1 h) */
    public Duration connectTimeout() {
        return Duration.ofSeconds(bounded(CONNECT_TIMEOUT, 1, 3600, DEFAULT_CONNECT_TIMEOUT));
    }

    /** @return the read time-out (1 s to 1 h) */
    public Duration readTimeout() {
        return Duration.ofSeconds(bounded(READ_TIMEOUT, 1, 3600, DEFAULT_READ_TIMEOUT));
    }

    /** @return the MAXREC a new query starts with (0 to 2^31-1) */
    public int defaultMaxrec() {
        return bounded(DEFAULT_MAXREC, 0, Integer.MAX_VALUE, DEFAULT_DEFAULT_MAXREC);
    }

    /** @return the Jobs view's refresh period while a job is active (1 s to 10 min) */
    public Duration jobsRefresh() {
        return Duration.ofSeconds(bounded(JOBS_REFRESH, 1, 600, DEFAULT_JOBS_REFRESH));
    }

    /** @return transport settings with the user's time-outs */
    public TransportSettings transportSettings() {
        TransportSettings defaults = TransportSettings.defaults();
        return new TransportSettings(connectTimeout(), readTimeout(), defaults.userAgent(),
                defaults.maxConnectionsPerHost());
    }

    private int bounded(String key, int min, int max, int fallback) {
        int value = store.getInt(key);
        return value < min || value > max ? fallback : value;
    }
}
