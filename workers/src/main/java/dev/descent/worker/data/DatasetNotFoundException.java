package dev.descent.worker.data;

import java.nio.file.Path;

/** Thrown when a dataset file or folder is missing; the message names it and how to install or point to it. */
public class DatasetNotFoundException extends RuntimeException {

    /**
     * Creates the exception for a missing file.
     *
     * @param file the file that was expected
     */
    public DatasetNotFoundException(Path file) {
        super("Fashion-MNIST file not found: " + file + ". Install the dataset with"
                + " 'apt-get install dataset-fashion-mnist' (into /usr/share/datasets/fashion-mnist), or set"
                + " dataset.path in the experiment file to the folder that contains " + file.getFileName());
    }

    /**
     * Creates the exception with a complete message.
     *
     * @param message names the missing file or folder and the fix
     */
    public DatasetNotFoundException(String message) {
        super(message);
    }
}
