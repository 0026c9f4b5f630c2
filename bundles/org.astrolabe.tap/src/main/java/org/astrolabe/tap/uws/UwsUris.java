package org.astrolabe.tap.uws;

import java.net.URI;

/** URL arithmetic for UWS resources. Stateless. */
final class UwsUris {

    private UwsUris() {
    }

    /** @return {@code base/child}, with exactly one slash between them */
    static URI child(URI base, String child) {
        String s = base.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return URI.create(s + "/" + child);
    }
}
