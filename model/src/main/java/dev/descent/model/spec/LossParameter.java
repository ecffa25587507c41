package dev.descent.model.spec;

import java.math.BigDecimal;

/**
 * One tunable parameter of a loss: its name, default and inclusive range.
 *
 * @param name the key in an experiment file and in a canonical loss string, such as {@code delta}
 * @param description what the parameter sets, in one sentence
 * @param defaultValue the value used when an experiment file leaves the parameter out
 * @param min the smallest allowed value
 * @param max the largest allowed value
 */
public record LossParameter(String name, String description, double defaultValue, double min, double max) {

    /** Returns whether a value is finite and lies in {@code [min, max]}. */
    public boolean accepts(double value) {
        return Double.isFinite(value) && value >= min && value <= max;
    }

    /** Returns the range as text for error messages, such as {@code from 0.001 to 1}. */
    public String range() {
        return "from " + plain(min) + " to " + plain(max);
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
