package org.astrolabe.ui.internal.adql;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.astrolabe.core.vosi.ColumnMetadata;
import org.astrolabe.core.vosi.TableMetadata;

/**
 * Query templates for the ADQL editor: a cone, a box, a polygon and a join with an uploaded table,
 * written for a table of the service with its own position columns (the columns whose UCDs are
 * {@code pos.eq.ra;meta.main} and {@code pos.eq.dec;meta.main}, else columns named ra/dec).
 * Stateless.
 */
public final class AdqlTemplates {

    /** The name an uploaded table gets in the join template ({@code TAP_UPLOAD.mine}). */
    public static final String UPLOAD_NAME = "mine";

    /** The templates, in menu order. */
    public enum Template {
        /** Rows within a radius of a position. */
        CONE("Cone search around a position"),
        /** Rows in a box of RA/Dec. */
        BOX("Box on the sky"),
        /** Rows in a polygon. */
        POLYGON("Polygon on the sky"),
        /** Rows matched by position with an uploaded table. */
        UPLOAD_JOIN("Join with an uploaded table (TAP_UPLOAD." + UPLOAD_NAME + ")");

        private final String label;

        Template(String label) {
            this.label = label;
        }

        /** @return the menu label */
        public String label() {
            return label;
        }
    }

    private AdqlTemplates() {
    }

    /**
     * @param template which template
     * @param table the table to query, with its columns when they are known
     * @return the query text
     */
    public static String render(Template template, TableMetadata table) {
        String name = table.name();
        String ra = position(table.columns(), "ra").orElse("ra");
        String dec = position(table.columns(), "dec").orElse("dec");
        String point = "POINT('ICRS', " + ra + ", " + dec + ")";
        return switch (template) {
            case CONE -> "SELECT TOP 1000 *\nFROM " + name + "\nWHERE 1 = CONTAINS(" + point
                    + ",\n                 CIRCLE('ICRS', 180.0, 0.0, 0.1))";
            case BOX -> "SELECT TOP 1000 *\nFROM " + name + "\nWHERE " + ra + " BETWEEN 179.9 AND 180.1\n  AND "
                    + dec + " BETWEEN -0.1 AND 0.1";
            case POLYGON -> "SELECT TOP 1000 *\nFROM " + name + "\nWHERE 1 = CONTAINS(" + point
                    + ",\n    POLYGON('ICRS', 179.9, -0.1, 180.1, -0.1, 180.1, 0.1, 179.9, 0.1))";
            case UPLOAD_JOIN -> "-- Upload a table with columns ra, dec as " + UPLOAD_NAME
                    + " (Upload field below)\nSELECT u.*, t.*\nFROM TAP_UPLOAD." + UPLOAD_NAME + " AS u\nJOIN " + name
                    + " AS t\n  ON 1 = CONTAINS(POINT('ICRS', t." + ra + ", t." + dec
                    + "),\n                CIRCLE('ICRS', u.ra, u.dec, 0.01))";
        };
    }

    /** @return the main RA or Dec column ({@code axis} "ra" or "dec") by UCD, else by name */
    static Optional<String> position(List<ColumnMetadata> columns, String axis) {
        String ucd = "pos.eq." + axis + ";meta.main";
        return columns.stream().filter(c -> c.ucd().toLowerCase(Locale.ROOT).equals(ucd)).map(ColumnMetadata::name)
                .findFirst()
                .or(() -> columns.stream().filter(c -> c.ucd().toLowerCase(Locale.ROOT).startsWith("pos.eq." + axis))
                        .map(ColumnMetadata::name).findFirst())
                .or(() -> columns.stream().filter(c -> c.name().equalsIgnoreCase(axis)).map(ColumnMetadata::name)
                        .findFirst());
    }
}
