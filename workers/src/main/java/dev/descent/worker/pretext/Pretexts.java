package dev.descent.worker.pretext;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The pretext tasks this worker implements, by id. */
public final class Pretexts {

    private static final Map<String, Pretext> BY_ID = Map.of(
            Inpainting.ID, new Inpainting(),
            Denoising.ID, new Denoising());

    private Pretexts() {
    }

    /** Returns the task with an id such as {@code inpainting}, if this worker implements it. */
    public static Optional<Pretext> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** Returns the ids of all implemented tasks, sorted. */
    public static List<String> ids() {
        return BY_ID.keySet().stream().sorted().toList();
    }
}
