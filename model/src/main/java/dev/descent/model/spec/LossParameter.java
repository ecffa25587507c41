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
 * @param wholeNumber whether only whole numbers are allowed, as for a count of bins
 */
public record LossParameter(String name, String description, double defaultValue, double min, double max,
                            boolean wholeNumber) {

    /** Creates a parameter that takes any number in its range. */
    public LossParameter(String name, String description, double defaultValue, double min, double max) {
        this(name, description, defaultValue, min, max, false);
    }

    /** Creates a parameter that takes whole numbers only, such as a count. */
    public static LossParameter wholeNumber(String name, String description, int defaultValue, int min, int max) {
        return new LossParameter(name, description, defaultValue, min, max, true);
    }

    /** Returns whether a value is finite, lies in {@code [min, max]} and is whole where it must be. */
    public boolean accepts(double value) {
        return Double.isFinite(value) && value >= min && value <= max && (!wholeNumber || value == Math.rint(value));
    }

    /** Returns the range as text for error messages, such as {@code from 0.001 to 1}. */
    public String range() {
        return (wholeNumber ? "a whole number " : "") + "from " + plain(min) + " to " + plain(max);
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
