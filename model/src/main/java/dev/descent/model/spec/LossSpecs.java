package dev.descent.model.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads canonical loss strings, such as {@code l2}, {@code huber(delta=0.1)} or {@code sum(1.0*l2,0.5*l1)}, back
 * into {@link LossSpec}s.
 *
 * <p>Grammar, with blanks allowed between tokens:
 * <pre>
 * spec       = sum | basic
 * sum        = "sum" "(" term ("," term)+ ")"
 * term       = number "*" basic
 * basic      = name [ "(" assignment ("," assignment)* ")" ]
 * assignment = name "=" number
 * </pre>
 * Numbers are anything {@link Double#parseDouble} reads that contains only digits, signs, {@code .}, {@code e} and
 * {@code E}, so {@code NaN} and {@code Infinity} are rejected. Parameters at their default value may be written
 * out; {@link LossSpec#canonical()} leaves them out again.
 */
public final class LossSpecs {

    private LossSpecs() {
    }

    /**
     * Parses a canonical loss string.
     *
     * @throws IllegalArgumentException naming the string, the position and what was expected when the string is
     *     not a valid loss
     */
    public static LossSpec parseCanonical(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("invalid loss '" + text + "': empty; use one of " + LossSchemas.names()
                    + ", for example huber(delta=0.1) or sum(1.0*l2,0.5*l1)");
        }
        return new Reader(text).spec();
    }

    /** Returns the known loss names followed by the sum's name, for error messages. */
    static List<String> names() {
        List<String> names = new ArrayList<>(LossSchemas.names());
        names.add(WeightedLossSum.NAME);
        return names;
    }

    static String unknownName(String name, String context) {
        String hint = Suggestions.closest(name, names()).map(s -> "did you mean '" + s + "'? ").orElse("");
        return "unknown loss '" + name + "' in '" + context + "'; " + hint + "allowed losses are " + names();
    }

    /** A recursive-descent parser over one string. */
    private static final class Reader {

        private final String text;
        private int position;

        Reader(String text) {
            this.text = text;
        }

        LossSpec spec() {
            int start = position();
            String name = name();
            LossSpec spec;
            if (name.equals(WeightedLossSum.NAME)) {
                spec = sum();
            }
            else {
                position = start;
                spec = basic();
            }
            if (position() < text.length()) {
                throw error("unexpected '" + text.substring(position) + "' after the loss");
            }
            return spec;
        }

        private WeightedLossSum sum() {
            expect('(');
            List<WeightedTerm> terms = new ArrayList<>();
            do {
                double weight = number("a weight");
                expect('*');
                int start = position();
                if (name().equals(WeightedLossSum.NAME)) {
                    throw error("sums do not nest; list the inner sum's losses as terms of the outer sum");
                }
                position = start;
                BasicLoss loss = basic();
                terms.add(wrap(() -> new WeightedTerm(weight, loss)));
            }
            while (accept(','));
            expect(')');
            return wrap(() -> new WeightedLossSum(terms));
        }

        private BasicLoss basic() {
            String name = name();
            LossDefinition function = LossSchemas.lookup(name).orElseThrow(() -> new IllegalArgumentException(
                    unknownName(name, text)));
            Map<String, Double> parameters = new LinkedHashMap<>();
            if (accept('(')) {
                do {
                    String parameter = name();
                    expect('=');
                    double value = number(parameter);
                    if (parameters.put(parameter, value) != null) {
                        throw error("parameter '" + parameter + "' is given twice");
                    }
                }
                while (accept(','));
                expect(')');
            }
            return wrap(() -> new BasicLoss(function, parameters));
        }

        private String name() {
            int start = position();
            while (position < text.length() && isNameCharacter(text.charAt(position))) {
                position++;
            }
            if (start == position) {
                throw error("expected a name such as l2 or delta");
            }
            return text.substring(start, position);
        }

        private double number(String operand) {
            int start = position();
            while (position < text.length() && "0123456789+-.eE".indexOf(text.charAt(position)) >= 0) {
                position++;
            }
            String number = text.substring(start, position);
            try {
                return Double.parseDouble(number);
            }
            catch (NumberFormatException e) {
                position = start;
                throw error("expected a number for " + operand);
            }
        }

        private boolean accept(char expected) {
            if (position() < text.length() && text.charAt(position) == expected) {
                position++;
                return true;
            }
            return false;
        }

        private void expect(char expected) {
            if (!accept(expected)) {
                throw error("expected '" + expected + "'");
            }
        }

        /** Skips blanks and returns the position of the next token. */
        private int position() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
            return position;
        }

        private IllegalArgumentException error(String message) {
            return new IllegalArgumentException("invalid loss '" + text + "' at character " + (position + 1) + ": "
                    + message + "; write for example huber(delta=0.1) or sum(1.0*l2,0.5*l1)");
        }

        /** Prefixes a validation error from a record constructor with the whole string. */
        private <T> T wrap(java.util.function.Supplier<T> constructor) {
            try {
                return constructor.get();
            }
            catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid loss '" + text + "': " + e.getMessage(), e);
            }
        }

        private static boolean isNameCharacter(char c) {
            return Character.isLetterOrDigit(c) || c == '-' || c == '_';
        }
    }
}
