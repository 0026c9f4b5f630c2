package org.astrolabe.archive;

import java.util.Locale;

/** Which table model an archive's recipes query. */
public enum Profile {
    /** CADC's Common Archive Observation Model: caom2.Observation, caom2.Plane, caom2.EnumField. */
    CAOM2("publisherID"),
    /** The IVOA ObsCore model: ivoa.ObsCore. */
    OBSCORE("obs_publisher_did");

    private final String idColumn;

    Profile(String idColumn) {
        this.idColumn = idColumn;
    }

    /** @return the result column holding the dataset identifier that DataLink takes */
    public String idColumn() {
        return idColumn;
    }

    /**
     * @param text {@code caom2} or {@code obscore}, any case
     * @return the profile
     * @throws IllegalArgumentException naming the text when it is neither
     */
    public static Profile parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        try {
            return valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown archive profile '" + text + "': use caom2 or obscore");
        }
    }
}
