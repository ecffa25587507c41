package dev.descent.registry.catalog;

import java.util.Comparator;

/** Orders version strings such as {@code 1.0} and {@code 1.10} part by part, numerically where both parts are. */
final class Versions {

    /** Older versions first: {@code 1.2} before {@code 1.10}, {@code 1} before {@code 1.0}. */
    static final Comparator<String> OLDEST_FIRST = Versions::compare;

    private Versions() {
    }

    static int compare(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int order = comparePart(left[i], right[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.length, right.length);
    }

    private static int comparePart(String a, String b) {
        if (a.matches("\\d{1,9}") && b.matches("\\d{1,9}")) {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        }
        return a.compareTo(b);
    }
}
