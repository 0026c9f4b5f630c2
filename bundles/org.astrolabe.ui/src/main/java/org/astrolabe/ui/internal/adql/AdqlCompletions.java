package org.astrolabe.ui.internal.adql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.astrolabe.core.vosi.ColumnMetadata;
import org.astrolabe.core.vosi.TableMetadata;

/**
 * Computes ADQL completions at a position, without any widget: after {@code schema.} the schema's
 * tables, after {@code alias.} or {@code table.} that table's columns, elsewhere the columns of the
 * tables in the FROM clause, the tables, the functions and the keywords that start with the word
 * being typed. Stateless apart from the model it reads; usable from any thread the model allows.
 */
public final class AdqlCompletions {

    private static final Pattern FROM_ITEM = Pattern.compile(
            "(?i)\\b(?:FROM|JOIN)\\s+((?:\"[^\"]+\"|[\\w]+)(?:\\.(?:\"[^\"]+\"|[\\w]+))*)(?:\\s+(?:AS\\s+)?(\\w+))?");

    /**
     * One completion.
     *
     * @param replacement the text that replaces the word being typed
     * @param display what the proposal list shows
     * @param kind what it is, for ordering and icons
     * @param detail type, unit, UCD and description, or ""
     */
    public record Completion(String replacement, String display, Kind kind, String detail) {
        /** @throws NullPointerException if a component is null */
        public Completion {
            Objects.requireNonNull(replacement, "replacement");
            Objects.requireNonNull(display, "display");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Kinds of completion, in the order they are proposed. */
    public enum Kind {
        /** A column of a table in the query. */
        COLUMN,
        /** A table of the service. */
        TABLE,
        /** An ADQL function. */
        FUNCTION,
        /** An ADQL keyword. */
        KEYWORD
    }

    /**
     * The word being completed: the text before the cursor made of identifier characters and dots.
     *
     * @param qualifier the part before the last dot ("" when there is none)
     * @param prefix the part after the last dot
     * @param start where the word starts in the document
     */
    public record Word(String qualifier, String prefix, int start) {
    }

    private final CompletionModel model;

    /** @param model what the service holds */
    public AdqlCompletions(CompletionModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * @param text the whole query
     * @param offset the cursor position in it
     * @return the word before the cursor
     */
    public static Word wordAt(String text, int offset) {
        int start = offset;
        while (start > 0) {
            char c = text.charAt(start - 1);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
                start--;
            } else {
                break;
            }
        }
        String word = text.substring(start, offset);
        int dot = word.lastIndexOf('.');
        return dot < 0 ? new Word("", word, start) : new Word(word.substring(0, dot), word.substring(dot + 1), start);
    }

    /**
     * @param text the whole query
     * @param offset the cursor position in it
     * @return the completions; each replaces {@code wordAt(text, offset)} (qualifier included)
     */
    public List<Completion> complete(String text, int offset) {
        Word word = wordAt(text, offset);
        Map<String, String> aliases = fromItems(text);
        List<Completion> out = new ArrayList<>();
        if (!word.qualifier().isEmpty()) {
            String q = word.qualifier();
            String table = aliases.getOrDefault(q.toLowerCase(Locale.ROOT), q);
            model.columnsOf(table).ifPresent(t -> t.columns().forEach(c -> {
                if (starts(c.name(), word.prefix())) {
                    out.add(column(q + "." + c.name(), c, t));
                }
            }));
            for (TableMetadata t : model.tables()) {
                if (starts(t.name(), word.qualifier() + "." + word.prefix())) {
                    out.add(table(t));
                }
            }
            return out;
        }
        for (String table : new LinkedHashSet<>(aliases.values())) {
            model.columnsOf(table).ifPresent(t -> t.columns().forEach(c -> {
                if (starts(c.name(), word.prefix())) {
                    out.add(column(c.name(), c, t));
                }
            }));
        }
        for (TableMetadata t : model.tables()) {
            String bare = t.name().substring(t.name().lastIndexOf('.') + 1);
            if (starts(t.name(), word.prefix()) || starts(bare, word.prefix())) {
                out.add(table(t));
            }
        }
        for (String f : AdqlSyntax.FUNCTIONS) {
            if (!word.prefix().isEmpty() && starts(f, word.prefix())) {
                out.add(new Completion(f + "(", f + "()", Kind.FUNCTION, "ADQL function"));
            }
        }
        for (String k : AdqlSyntax.KEYWORDS) {
            if (!word.prefix().isEmpty() && starts(k, word.prefix()) && !k.equalsIgnoreCase(word.prefix())) {
                out.add(new Completion(k, k, Kind.KEYWORD, ""));
            }
        }
        return out;
    }

    /**
     * @param text a query
     * @return the tables of its FROM and JOIN clauses: alias (lower case) → table, and table
     *         (lower case) → table
     */
    public static Map<String, String> fromItems(String text) {
        Map<String, String> items = new LinkedHashMap<>();
        Matcher m = FROM_ITEM.matcher(text);
        while (m.find()) {
            String table = m.group(1);
            items.put(table.toLowerCase(Locale.ROOT), table);
            String alias = m.group(2);
            if (alias != null && !AdqlSyntax.isKeyword(alias)) {
                items.put(alias.toLowerCase(Locale.ROOT), table);
            }
        }
        return items;
    }

    private static boolean starts(String candidate, String prefix) {
        return candidate.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static Completion column(String replacement, ColumnMetadata c, TableMetadata table) {
        StringBuilder detail = new StringBuilder(table.name()).append('.').append(c.name());
        if (!c.typeText().isEmpty()) {
            detail.append("  ").append(c.typeText());
        }
        if (!c.unit().isEmpty()) {
            detail.append("  [").append(c.unit()).append(']');
        }
        if (!c.ucd().isEmpty()) {
            detail.append("\nUCD: ").append(c.ucd());
        }
        if (!c.description().isEmpty()) {
            detail.append('\n').append(c.description());
        }
        String display = c.name() + (c.unit().isEmpty() ? "" : " [" + c.unit() + "]") + " – " + table.name();
        return new Completion(replacement, display, Kind.COLUMN, detail.toString());
    }

    private static Completion table(TableMetadata t) {
        String detail = t.name() + (t.description().isEmpty() ? "" : "\n" + t.description());
        return new Completion(t.name(), t.name() + (t.type().isEmpty() ? "" : " (" + t.type() + ")"), Kind.TABLE,
                detail);
    }
}
