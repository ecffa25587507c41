package dev.descent.worker.model.layer;

import java.util.Collection;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A transposed convolution whose kernel equals its stride, such as 2x2 with stride 2, computed as matrix products.
 *
 * <p>With kernel = stride, each input pixel writes its own block of the output and no blocks overlap, so the layer is
 * one matrix product of the pixels' channel vectors with the weights, then a reordering of the result into blocks.
 * DL4J 1.0.0-M2.1's {@link Deconvolution2D} has no oneDNN helper and runs a generic {@code deconv2d} op that also
 * recomputes its forward pass in the backward pass. This layer keeps {@link Deconvolution2D}'s parameters, their
 * layout and its outputs, and falls back to it for any other kernel, stride, padding, dilation or data format, and
 * with dropout or weight noise.
 *
 * <p>Build it from a configured builder:
 * {@code new PatchDeconvolution(new Deconvolution2D.Builder(2, 2).stride(2, 2).nOut(32))}.
 */
public class PatchDeconvolution extends Deconvolution2D {

    private static final long serialVersionUID = 1L;

    /** For DL4J's JSON configuration reader. */
    public PatchDeconvolution() {
    }

    /**
     * Creates the layer with the settings of a transposed-convolution builder.
     *
     * @param builder kernel, stride, channels and activation, as for {@link Deconvolution2D}
     */
    public PatchDeconvolution(Deconvolution2D.Builder builder) {
        super(builder);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration configuration, Collection<TrainingListener> listeners, int index,
                             INDArray parameters, boolean initialise, DataType dataType) {
        LayerValidation.assertNInNOutSet("PatchDeconvolution", getLayerName(), index, getNIn(), getNOut());
        return LayerWiring.wire(new PatchDeconvolutionLayer(configuration, dataType), configuration, listeners, index,
                parameters, initialise, initializer());
    }
}
