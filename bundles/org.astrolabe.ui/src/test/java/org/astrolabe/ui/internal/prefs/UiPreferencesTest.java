package org.astrolabe.ui.internal.prefs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.eclipse.jface.preference.PreferenceStore;
import org.junit.jupiter.api.Test;

class UiPreferencesTest {

    @Test
    void defaultsAndStoredValues() {
        PreferenceStore store = new PreferenceStore();
        UiPreferences preferences = new UiPreferences(store);
        assertEquals(Duration.ofSeconds(30), preferences.connectTimeout());
        assertEquals(10_000, preferences.defaultMaxrec());
        store.setValue(UiPreferences.READ_TIMEOUT, 45);
        store.setValue(UiPreferences.DEFAULT_MAXREC, 500);
        assertEquals(Duration.ofSeconds(45), preferences.transportSettings().readTimeout());
        assertEquals(500, preferences.defaultMaxrec());
    }

    @Test
    void outOfRangeValuesFallBackToTheDefaults() {
        PreferenceStore store = new PreferenceStore();
        UiPreferences preferences = new UiPreferences(store);
        store.setValue(UiPreferences.CONNECT_TIMEOUT, 0);
        store.setValue(UiPreferences.DEFAULT_MAXREC, -3);
        store.setValue(UiPreferences.JOBS_REFRESH, 100_000);
        assertEquals(Duration.ofSeconds(30), preferences.connectTimeout());
        assertEquals(10_000, preferences.defaultMaxrec());
        assertEquals(Duration.ofSeconds(3), preferences.jobsRefresh());
    }
}
