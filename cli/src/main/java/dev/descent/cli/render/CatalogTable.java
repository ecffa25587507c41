package dev.descent.cli.render;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** Formats the registry's catalog of loss functions or pretext tasks as text, one entry per line. */
public final class CatalogTable {

    private CatalogTable() {
    }

    /**
     * Returns the entries as {@code name  version  description}, with the name column as wide as the longest. Under
     * an entry with parameters, one indented line per parameter gives its default and range, and an entry that live
     * workers announced ends with the number of workers that offer it.
     */
    public static String format(JsonNode entries) {
        int nameWidth = "name".length();
        for (JsonNode entry : entries) {
            nameWidth = Math.max(nameWidth, entry.path("name").asText().length());
        }
        String format = "%-" + nameWidth + "s  %-7s  %s%n";
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, format, "name", "version",
                "description"));
        for (JsonNode entry : entries) {
            String description = entry.path("description").asText();
            int workers = entry.path("workers").size();
            if (workers > 0) {
                description += " [" + workers + (workers == 1 ? " worker]" : " workers]");
            }
            table.append(String.format(Locale.ROOT, format, entry.path("name").asText(),
                    entry.path("version").asText(), description));
            for (JsonNode parameter : entry.path("parameters")) {
                table.append(String.format(Locale.ROOT, "%" + nameWidth + "s  %s = %s, %s to %s%s: %s%n", "",
                        parameter.path("name").asText(), parameter.path("defaultValue").asText(),
                        parameter.path("min").asText(), parameter.path("max").asText(),
                        parameter.path("wholeNumber").asBoolean() ? ", whole" : "",
                        parameter.path("description").asText()));
            }
        }
        return table.toString();
    }
}
