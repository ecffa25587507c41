package dev.descent.model.search;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The part of the training budget that successive halving multiplies from one rung to the next. */
public enum RungResource {

    /** Pretraining images per epoch, taken from the start of the train split. */
    PRETRAIN_IMAGES("pretrain-images"),

    /** Passes over the pretraining images. */
    EPOCHS("epochs");

    private final String id;

    RungResource(String id) {
        this.id = id;
    }

    /** Returns the name an experiment file uses. */
    public String id() {
        return id;
    }

    /** Returns the resource with the given name. */
    public static Optional<RungResource> byId(String id) {
        return Arrays.stream(values()).filter(resource -> resource.id.equals(id)).findFirst();
    }

    /** Returns every resource's name in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(RungResource::id).toList();
    }
}
