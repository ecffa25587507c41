package dev.descent.worker.plugin.loss;

import dev.descent.model.spec.LossFunction;

/** The built-in {@code l2} loss as a plug-in; see {@link LossFunction#L2}. */
public final class L2Plugin extends PixelLossPlugin {

    public L2Plugin() {
        super(LossFunction.L2);
    }
}
