package dev.descent.orchestrator.store;

import java.time.Instant;

/**
 * An experiment row.
 *
 * @param id the experiment id, such as {@code e-20261204-171500-3fa2c1}
 * @param name the name from the experiment file
 * @param source the file name the client gave, used in error messages
 * @param specYaml the experiment file as submitted
 * @param datasetName the dataset's name, such as {@code fashion-mnist}
 * @param datasetPath the dataset folder on the workers
 * @param createdAt when the orchestrator accepted the experiment
 * @param publishState how far sending the trials got
 * @param publishError why sending failed, or {@code null}
 */
public record ExperimentRecord(
        String id,
        String name,
        String source,
        String specYaml,
        String datasetName,
        String datasetPath,
        Instant createdAt,
        PublishState publishState,
        String publishError) {
}
