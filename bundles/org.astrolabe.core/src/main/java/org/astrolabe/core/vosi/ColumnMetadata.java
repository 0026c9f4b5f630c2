package org.astrolabe.core.vosi;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One column of a table, as VOSI tables or TAP_SCHEMA.columns describe it.
 *
 * @param name its name as used in ADQL; never blank
 * @param description the service's description, or ""
 * @param unit its unit (VOUnit), or ""
 * @param ucd its UCD, or ""
 * @param utype its utype, or ""
 * @param dataType its type, if the service gives one
 * @param indexed whether the service says it is indexed (fast to constrain)
 * @param principal whether it is one of the table's principal columns
 * @param nullable whether it may hold nulls (VOSI {@code nullable} flag)
 * @param primary whether it is (part of) the primary key
 * @param std whether the column is defined by a standard
 */
public record ColumnMetadata(String name, String description, String unit, String ucd, String utype,
        Optional<DataType> dataType, boolean indexed, boolean principal, boolean nullable, boolean primary,
        boolean std) {

    /** @throws IllegalArgumentException if the name is blank */
    public ColumnMetadata {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A column needs a name");
        }
        description = Objects.requireNonNullElse(description, "");
        unit = Objects.requireNonNullElse(unit, "");
        ucd = Objects.requireNonNullElse(ucd, "");
        utype = Objects.requireNonNullElse(utype, "");
        Objects.requireNonNull(dataType, "dataType");
    }

    /** @return its type as one short string ({@code double}, {@code char(*)}, {@code VARCHAR(42)}), or "" */
    public String typeText() {
        return dataType.map(DataType::toString).orElse("");
    }

    /**
     * A column's type.
     *
     * @param system which vocabulary {@link #name()} comes from
     * @param name the type name as the service gives it ({@code double}, {@code VARCHAR}, ...); never blank
     * @param arraysize the VOTable arraysize ({@code *}, {@code 10}, {@code 3x*}), or "" for a scalar
     * @param xtype the extended type ({@code timestamp}, {@code point}, ...), or ""
     * @param size the TAP type's size, if given
     */
    public record DataType(TypeSystem system, String name, String arraysize, String xtype, OptionalInt size) {

        private static final Pattern ARRAYSIZE = Pattern.compile("(\\d+x)*(\\d+\\*?|\\*)");

        /** @throws IllegalArgumentException if the name is blank, the arraysize malformed or the size negative */
        public DataType {
            Objects.requireNonNull(system, "system");
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("A data type needs a name");
            }
            name = name.strip();
            arraysize = Objects.requireNonNullElse(arraysize, "").strip();
            if (!arraysize.isEmpty() && !ARRAYSIZE.matcher(arraysize).matches()) {
                throw new IllegalArgumentException("Malformed arraysize '" + arraysize + "' (expected e.g. 10, *, 10*, 3x*)");
            }
            xtype = Objects.requireNonNullElse(xtype, "").strip();
            Objects.requireNonNull(size, "size");
            if (size.isPresent() && size.getAsInt() < 0) {
                throw new IllegalArgumentException("A type size cannot be negative: " + size.getAsInt());
            }
        }

        /** @return whether {@link #name()} is a type of its {@link #system()} */
        public boolean isKnown() {
            return system.knows(name);
        }

        @Override
        public String toString() {
            String suffix = !arraysize.isEmpty() && !arraysize.equals("1") ? "(" + arraysize + ")"
                    : size.isPresent() ? "(" + size.getAsInt() + ")" : "";
            return name + suffix + (xtype.isEmpty() ? "" : " " + xtype);
        }
    }

    /** Where a type name comes from. */
    public enum TypeSystem {
        /** VOTable datatypes ({@code vs:VOTableType}; TAP_SCHEMA in TAP 1.1). */
        VOTABLE(Set.of("boolean", "bit", "unsignedbyte", "short", "int", "long", "char", "unicodechar", "float",
                "double", "floatcomplex", "doublecomplex")),
        /** TAP 1.0 / ADQL types ({@code vs:TAPType}; TAP_SCHEMA in TAP 1.0 as {@code adql:...}). */
        TAP(Set.of("boolean", "smallint", "integer", "bigint", "real", "double", "timestamp", "char", "varchar",
                "binary", "varbinary", "point", "region", "clob", "blob")),
        /** Any other vocabulary. */
        OTHER(Set.of());

        private final Set<String> names;

        TypeSystem(Set<String> names) {
            this.names = names;
        }

        boolean knows(String name) {
            return this == OTHER || names.contains(name.strip().toLowerCase(Locale.ROOT));
        }

        /**
         * @param xsiTypeLocal the local name of a {@code dataType}'s {@code xsi:type}
         * @param name the type name, used when the xsi:type says nothing
         * @return the system it names
         */
        public static TypeSystem of(String xsiTypeLocal, String name) {
            String t = xsiTypeLocal == null ? "" : xsiTypeLocal;
            if (t.startsWith("VOTable")) {
                return VOTABLE;
            }
            if (t.startsWith("TAP")) {
                return TAP;
            }
            if (!t.isEmpty()) {
                return OTHER;
            }
            String n = name == null ? "" : name.strip();
            if (n.regionMatches(true, 0, "adql:", 0, 5)) {
                return TAP;
            }
            if (VOTABLE.knows(n) && TAP.knows(n)) {
                // boolean, char, double: TAP writes its types in upper case, VOTable in lower case
                return n.equals(n.toUpperCase(Locale.ROOT)) ? TAP : VOTABLE;
            }
            return VOTABLE.knows(n) ? VOTABLE : TAP.knows(n) ? TAP : OTHER;
        }
    }
}
