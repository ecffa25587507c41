package dev.descent.worker.model;

import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.ILossFunction;

import dev.descent.model.spec.TargetKind;

/**
 * The end of the network: a decoder back to an image of {@code outputs} channels, or a dense layer over
 * {@code outputs} classes, with the output activation and loss.
 *
 * @param target an image decoder or a class layer
 * @param outputs channels of the decoded image, or classes
 * @param activation the output activation
 * @param loss the loss on the output
 */
public record NetworkHead(TargetKind target, int outputs, Activation activation, ILossFunction loss) {

    public NetworkHead {
        if (outputs < 1) {
            throw new IllegalArgumentException("invalid network head with " + outputs + " outputs; need 1 or more");
        }
    }
}
