package dev.descent.cli.render;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** Formats the registry's catalog of loss functions or pretext tasks as text, one entry per line. */
public final class CatalogTable {

    private CatalogTable() {
    }

    /** Returns the entries as {@code name  version  description}, with the name column as wide as the longest. */
    public static String format(JsonNode entries) {
        int nameWidth = "name".length();
        for (JsonNode entry : entries) {
            nameWidth = Math.max(nameWidth, entry.path("name").asText().length());
        }
        String format = "%-" + nameWidth + "s  %-7s  %s%n";
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, format, "name", "version",
                "description"));
        for (JsonNode entry : entries) {
            table.append(String.format(Locale.ROOT, format, entry.path("name").asText(),
                    entry.path("version").asText(), entry.path("description").asText()));
        }
        return table.toString();
    }
}
