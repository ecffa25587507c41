package dev.descent.model.spec;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The kind of output a pretext task trains the network to produce, which decides the losses that train it. */
public enum TargetKind {

    /** An image-shaped target with values in [0, 1] per pixel and channel, such as the clean image. */
    IMAGE("image"),

    /** One class per image, such as the rotation that was applied. */
    CLASS("class");

    private final String id;

    TargetKind(String id) {
        this.id = id;
    }

    /** Returns the name used in catalogs and JSON, such as {@code image}. */
    @JsonValue
    public String id() {
        return id;
    }

    public static Optional<TargetKind> byId(String id) {
        return Arrays.stream(values()).filter(kind -> kind.id.equals(id)).findFirst();
    }

    /** Reads a kind from JSON, accepting the catalog name ({@code image}) or the constant's name ({@code IMAGE}). */
    @JsonCreator
    public static TargetKind fromJson(String text) {
        return byId(text).or(() -> Arrays.stream(values()).filter(kind -> kind.name().equals(text)).findFirst())
                .orElseThrow(() -> new IllegalArgumentException("unknown target kind '" + text + "'; use image or "
                        + "class"));
    }
}
