package dev.descent.worker.plugin.loss;

import dev.descent.model.spec.LossFunction;

/** The built-in {@code huber} loss as a plug-in; see {@link LossFunction#HUBER}. */
public final class HuberPlugin extends PixelLossPlugin {

    public HuberPlugin() {
        super(LossFunction.HUBER);
    }
}
