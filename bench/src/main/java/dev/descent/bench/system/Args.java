package dev.descent.bench.system;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code key=value} command-line arguments with defaults; unknown keys are an error that lists the known ones. */
public final class Args {

    private final Map<String, String> values = new LinkedHashMap<>();

    /**
     * Parses the arguments against the defaults.
     *
     * @throws IllegalArgumentException for an argument without {@code =} or with an unknown key
     */
    public Args(String[] args, Map<String, String> defaults) {
        values.putAll(defaults);
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1 || !defaults.containsKey(arg.substring(0, eq))) {
                throw new IllegalArgumentException("argument '" + arg + "' is not key=value with a known key; "
                        + "known keys and defaults: " + defaults);
            }
            given.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        values.putAll(given);
    }

    public String get(String key) {
        return values.get(key);
    }

    public int integer(String key) {
        return Integer.parseInt(values.get(key).replace("_", ""));
    }

    /** Returns every setting, for the report. */
    public Map<String, Object> all() {
        return new LinkedHashMap<>(values);
    }
}
