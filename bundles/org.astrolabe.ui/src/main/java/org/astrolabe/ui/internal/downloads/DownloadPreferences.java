package org.astrolabe.ui.internal.downloads;

import java.nio.file.Path;

import org.astrolabe.datalink.download.DownloadOptions;
import org.astrolabe.ui.AstrolabeUi;
import org.astrolabe.ui.DataViews;
import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/**
 * The Downloads preferences (folder, transfers at once per host) and the DataLink service last
 * used, in the instance scope of {@code org.astrolabe.ui}. Also the preference initializer that
 * plugin.xml names. Reading is thread-safe (Eclipse preferences are).
 */
public final class DownloadPreferences extends AbstractPreferenceInitializer {

    /** Most transfers at once per host the page allows. */
    public static final int MAX_PARALLEL = 16;

    @Override
    public void initializeDefaultPreferences() {
        IEclipsePreferences defaults = DefaultScope.INSTANCE.getNode(AstrolabeUi.PLUGIN_ID);
        defaults.put(DataViews.PREF_DOWNLOAD_FOLDER, defaultFolder().toString());
        defaults.putInt(DataViews.PREF_DOWNLOAD_PARALLEL, DownloadOptions.DEFAULT_PARALLEL_PER_HOST);
        defaults.put(DataViews.PREF_DATALINK_SERVICE, "");
    }

    /** @return {@code ~/Downloads/astrolabe} */
    static Path defaultFolder() {
        return Path.of(System.getProperty("user.home"), "Downloads", "astrolabe");
    }

    /** @return the preference store the page edits */
    public static IPreferenceStore store() {
        return new ScopedPreferenceStore(InstanceScope.INSTANCE, AstrolabeUi.PLUGIN_ID);
    }

    /** @return the download folder (the default when the preference is blank) */
    public static Path folder() {
        String value = store().getString(DataViews.PREF_DOWNLOAD_FOLDER);
        return value.isBlank() ? defaultFolder() : Path.of(value.strip());
    }

    /** @return transfers at once per host, within 1 to {@link #MAX_PARALLEL} */
    public static int parallel() {
        int n = store().getInt(DataViews.PREF_DOWNLOAD_PARALLEL);
        return n < 1 ? DownloadOptions.DEFAULT_PARALLEL_PER_HOST : Math.min(n, MAX_PARALLEL);
    }

    /** @return the download options for the preferences */
    public static DownloadOptions options() {
        return DownloadOptions.into(folder()).withParallelPerHost(parallel());
    }

    /** @return the DataLink service last used, or "" */
    public static String dataLinkService() {
        return store().getString(DataViews.PREF_DATALINK_SERVICE);
    }

    /** Remembers the DataLink service last used. */
    public static void rememberDataLinkService(String url) {
        IPreferenceStore store = store();
        store.setValue(DataViews.PREF_DATALINK_SERVICE, url);
        if (store instanceof ScopedPreferenceStore scoped) {
            try {
                scoped.save();
            } catch (java.io.IOException e) {
                // not fatal: the service is only offered again on the next start
            }
        }
    }
}
