package org.astrolabe.ui.internal.adql;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The words of ADQL 2.1 the editor colours and proposes. Stateless. */
public final class AdqlSyntax {

    /** Reserved words of ADQL's SQL part. */
    public static final List<String> KEYWORDS = List.of("SELECT", "DISTINCT", "TOP", "FROM", "WHERE", "AND", "OR",
            "NOT", "AS", "ON", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "OUTER", "NATURAL", "USING", "CROSS",
            "GROUP", "BY", "HAVING", "ORDER", "ASC", "DESC", "OFFSET", "LIMIT", "IN", "BETWEEN", "LIKE", "ILIKE",
            "IS", "NULL", "EXISTS", "UNION", "INTERSECT", "EXCEPT", "ALL", "ANY", "SOME", "CASE", "WHEN", "THEN",
            "ELSE", "END", "WITH", "CAST", "TRUE", "FALSE");

    /** ADQL's geometric, mathematical, string and aggregate functions. */
    public static final List<String> FUNCTIONS = List.of("POINT", "CIRCLE", "BOX", "POLYGON", "REGION",
            "CONTAINS", "INTERSECTS", "DISTANCE", "AREA", "CENTROID", "COORD1", "COORD2", "COORDSYS", "COUNT",
            "SUM", "AVG", "MIN", "MAX", "ABS", "CEILING", "DEGREES", "EXP", "FLOOR", "LOG", "LOG10", "MOD", "PI",
            "POWER", "RADIANS", "SQRT", "RAND", "ROUND", "TRUNCATE", "SIN", "COS", "TAN", "ASIN", "ACOS", "ATAN",
            "ATAN2", "COT", "LOWER", "UPPER", "TRIM", "COALESCE", "IN_UNIT", "GEOMETRY");

    private static final Set<String> RESERVED = KEYWORDS.stream().collect(Collectors.toUnmodifiableSet());

    private AdqlSyntax() {
    }

    /** @return whether {@code word} is a reserved word, any case */
    public static boolean isKeyword(String word) {
        return RESERVED.contains(word.toUpperCase(Locale.ROOT));
    }
}
