package dev.descent.model.spec;

/**
 * One thing wrong in an experiment file, located precisely enough for the author to fix it.
 *
 * @param source the file name or other label of the YAML text
 * @param line 1-based line, or 0 when the problem has no position (an empty file)
 * @param field the dotted path of the field, such as {@code training.batch-size}
 * @param value the offending value as written, or {@code null} when the field is missing
 * @param message what is wrong and which values are allowed
 */
public record SpecProblem(String source, int line, String field, String value, String message) {

    /** Formats the problem as {@code file:line: field: message}, leaving out a missing line or field. */
    public String describe() {
        String where = line > 0 ? source + ":" + line : source;
        return field == null || field.isEmpty() ? where + ": " + message : where + ": " + field + ": " + message;
    }
}
