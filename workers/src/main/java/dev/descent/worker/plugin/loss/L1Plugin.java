package dev.descent.worker.plugin.loss;

import dev.descent.model.spec.LossFunction;

/** The built-in {@code l1} loss as a plug-in; see {@link LossFunction#L1}. */
public final class L1Plugin extends PixelLossPlugin {

    public L1Plugin() {
        super(LossFunction.L1);
    }
}
