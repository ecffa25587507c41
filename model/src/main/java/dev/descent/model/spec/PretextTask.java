package dev.descent.model.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The pretext tasks a worker can train, by the name an experiment file uses. */
public enum PretextTask {

    /** Context encoder: a central square of the image is blanked and the network reconstructs the whole image. */
    INPAINTING("inpainting"),

    /** Denoising autoencoder: Gaussian noise is added to the input and the network reconstructs the clean image. */
    DENOISING("denoising");

    private final String id;

    PretextTask(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<PretextTask> byId(String id) {
        return Arrays.stream(values()).filter(task -> task.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(PretextTask::id).toList();
    }
}
