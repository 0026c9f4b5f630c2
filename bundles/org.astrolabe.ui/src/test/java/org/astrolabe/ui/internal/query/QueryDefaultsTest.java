package org.astrolabe.ui.internal.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class QueryDefaultsTest {

    @Test
    void noUrlIsBuiltIn() {
        assertEquals(Optional.empty(), QueryDefaults.serviceUrl(null, Map.of()));
        assertEquals(Optional.empty(), QueryDefaults.serviceUrl("  ", Map.of(QueryDefaults.URL_PROPERTY, " ")));
    }

    @Test
    void theSystemPropertyPrefillsAnEmptyField() {
        assertEquals(Optional.of("http://127.0.0.1:18080/tap"),
                QueryDefaults.serviceUrl(null, Map.of(QueryDefaults.URL_PROPERTY, " http://127.0.0.1:18080/tap ")));
    }

    @Test
    void theUsersLastUrlWins() {
        assertEquals(Optional.of("https://archive.example.org/tap"), QueryDefaults.serviceUrl(
                "https://archive.example.org/tap", Map.of(QueryDefaults.URL_PROPERTY, "http://127.0.0.1:18080/tap")));
    }
}
