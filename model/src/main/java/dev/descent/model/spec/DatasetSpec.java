package dev.descent.model.spec;

/**
 * The labelled image set that a trial pretrains on and probes with.
 *
 * @param name one of {@link DatasetFormat}'s names, such as {@code fashion-mnist}
 * @param path the folder that contains the dataset's files, or {@code null} for the format's default folder
 */
public record DatasetSpec(String name, String path) {
}
