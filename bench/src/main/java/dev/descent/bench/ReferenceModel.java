package dev.descent.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The models that the trainer benchmark times, each defined identically in {@code bench/pytorch/trainer_peer.py}.
 *
 * <p>All share the worker's encoder: 3x3 convolution (32, ReLU), 2x2 max pooling, 3x3 convolution (64, ReLU), 2x2
 * max pooling, 1x1 convolution (4, ReLU).
 */
public enum ReferenceModel {

    /** The worker's {@code conv-ae-v1}: inpainting with an upsampling + convolution decoder and the l2 loss. */
    INPAINTING_UPSAMPLE("inpainting-upsample"),

    /** The same encoder with a decoder of two 2x2 stride-2 transposed convolutions, inpainting with l2. */
    INPAINTING_DECONV("inpainting-deconv"),

    /** Rotation prediction: the encoder, flattened, then a 4-way softmax over 0, 90, 180 and 270 degrees. */
    ROTATION("rotation");

    private final String id;

    ReferenceModel(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Returns the model with this id. */
    public static ReferenceModel byId(String id) {
        return Arrays.stream(values()).filter(model -> model.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown model '" + id + "'; choose one of "
                        + ids() + " or 'all'"));
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(ReferenceModel::id).toList();
    }
}
