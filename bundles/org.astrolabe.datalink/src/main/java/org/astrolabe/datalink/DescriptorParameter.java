package org.astrolabe.datalink;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One input parameter of a {@link ServiceDescriptor} (a {@code PARAM} of its
 * {@code GROUP name="inputParams"}). Immutable and thread-safe.
 *
 * @param name the parameter name, e.g. {@code ID}, {@code CIRCLE}, {@code BAND}
 * @param datatype the VOTable datatype, e.g. {@code double}, {@code char}
 * @param arraysize the VOTable arraysize, or ""
 * @param xtype {@code circle}, {@code polygon}, {@code interval}, ... or ""
 * @param unit the unit, or ""
 * @param ucd the UCD, or ""
 * @param value the fixed or default value ({@code value} attribute), or "" for a free parameter
 * @param ref the ID of a results-table FIELD whose value in the row is bound to this parameter, or ""
 * @param min the {@code VALUES/MIN} value, or "" (for an interval or circle it holds several numbers)
 * @param max the {@code VALUES/MAX} value, or ""
 * @param options the {@code VALUES/OPTION} values; empty when any value is allowed
 * @param description the {@code DESCRIPTION}, or ""
 */
public record DescriptorParameter(String name, String datatype, String arraysize, String xtype, String unit,
        String ucd, String value, String ref, String min, String max, List<String> options, String description) {

    /** @throws IllegalArgumentException if the name is blank */
    public DescriptorParameter {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A descriptor parameter needs a name");
        }
        datatype = Objects.requireNonNullElse(datatype, "");
        arraysize = Objects.requireNonNullElse(arraysize, "");
        xtype = Objects.requireNonNullElse(xtype, "");
        unit = Objects.requireNonNullElse(unit, "");
        ucd = Objects.requireNonNullElse(ucd, "");
        value = Objects.requireNonNullElse(value, "");
        ref = Objects.requireNonNullElse(ref, "");
        min = Objects.requireNonNullElse(min, "").strip();
        max = Objects.requireNonNullElse(max, "").strip();
        options = List.copyOf(options == null ? List.of() : options);
        description = Objects.requireNonNullElse(description, "");
    }

    /** @return the fixed value, if the descriptor gives one (e.g. the dataset's {@code ID}) */
    public Optional<String> fixedValue() {
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** @return the numbers of {@link #min()}; empty when there is no MIN or it is not numeric */
    public double[] minNumbers() {
        return numbers(min);
    }

    /** @return the numbers of {@link #max()}; empty when there is no MAX or it is not numeric */
    public double[] maxNumbers() {
        return numbers(max);
    }

    private static double[] numbers(String text) {
        if (text.isBlank()) {
            return new double[0];
        }
        String[] parts = text.trim().split("\\s+");
        double[] out = new double[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                out[i] = Double.parseDouble(parts[i]);
            }
        } catch (NumberFormatException e) {
            return new double[0];
        }
        return out;
    }
}
