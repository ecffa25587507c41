package dev.descent.worker.plugin.loss;

import dev.descent.model.spec.LossFunction;

/** The built-in {@code bce} loss as a plug-in; see {@link LossFunction#BCE}. */
public final class BcePlugin extends PixelLossPlugin {

    public BcePlugin() {
        super(LossFunction.BCE);
    }
}
