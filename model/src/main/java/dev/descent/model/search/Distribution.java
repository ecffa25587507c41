package dev.descent.model.search;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A distribution that random search samples one numeric parameter from.
 *
 * @param kind the distribution's shape
 * @param min the smallest value, inclusive
 * @param max the largest value, exclusive for continuous shapes
 * @param values the values to choose from for {@link Kind#CHOICE}; empty otherwise
 */
public record Distribution(Kind kind, double min, double max, List<Double> values) {

    public Distribution {
        values = List.copyOf(values);
    }

    /** The shapes a parameter distribution can take. */
    public enum Kind {

        /** Uniform between min and max. */
        UNIFORM("uniform"),

        /** Uniform in log space between min and max, both positive: the usual choice for learning rates. */
        LOG_UNIFORM("log-uniform"),

        /** One of a listed set of values, each equally likely. */
        CHOICE("choice");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** Returns the name an experiment file uses. */
        public String id() {
            return id;
        }

        /** Returns the shape with the given name. */
        public static Optional<Kind> byId(String id) {
            return Arrays.stream(values()).filter(kind -> kind.id.equals(id)).findFirst();
        }

        /** Returns every shape's name in declaration order. */
        public static List<String> ids() {
            return Arrays.stream(values()).map(Kind::id).toList();
        }
    }

    /** Draws one value. */
    public double sample(Random random) {
        return switch (kind) {
            case UNIFORM -> min + random.nextDouble() * (max - min);
            case LOG_UNIFORM -> Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min)));
            case CHOICE -> values.get(random.nextInt(values.size()));
        };
    }
}
