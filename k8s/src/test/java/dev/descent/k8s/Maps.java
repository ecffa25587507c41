package dev.descent.k8s;

import java.util.List;
import java.util.Map;

/** Path lookups in the untyped maps that YAML parsing returns. */
final class Maps {

    private Maps() {
    }

    /** Returns the value at a path of map keys, or null when any step is missing. */
    static Object at(Object root, String... path) {
        Object current = root;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    /** Returns the value at a path as text, or null. */
    static String string(Object root, String... path) {
        Object value = at(root, path);
        return value == null ? null : value.toString();
    }

    /** Returns the map at a path, or an empty map. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object root, String... path) {
        Object value = at(root, path);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** Returns the list of maps at a path, or an empty list. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object root, String... path) {
        Object value = at(root, path);
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
