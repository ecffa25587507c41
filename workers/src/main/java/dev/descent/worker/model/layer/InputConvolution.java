package dev.descent.worker.model.layer;

import java.util.Collection;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A convolution for the first layer of a network. It has the parameters, forward pass and weight gradients of DL4J's
 * {@link ConvolutionLayer}, but its backward pass skips the gradient with respect to the input images.
 *
 * <p>{@code MultiLayerNetwork.fit} discards that gradient for the first layer, yet DL4J 1.0.0-M2.1 computes it, and
 * for a 1-channel 28x28 input it costs as much as the rest of the layer's backward pass. A network that needs its
 * input gradient, such as a discriminator asked for {@code calculateGradients}, must not use this layer: it returns
 * no input gradient.
 *
 * <p>Build it from a configured builder: {@code new InputConvolution(new ConvolutionLayer.Builder(3, 3).nOut(32))}.
 */
public class InputConvolution extends ConvolutionLayer {

    private static final long serialVersionUID = 1L;

    /** For DL4J's JSON configuration reader. */
    public InputConvolution() {
    }

    /**
     * Creates the layer with the settings of a convolution builder.
     *
     * @param builder kernel, stride, channels and activation, as for {@link ConvolutionLayer}
     */
    public InputConvolution(ConvolutionLayer.Builder builder) {
        super(builder);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration configuration, Collection<TrainingListener> listeners, int index,
                             INDArray parameters, boolean initialise, DataType dataType) {
        LayerValidation.assertNInNOutSet("InputConvolution", getLayerName(), index, getNIn(), getNOut());
        return LayerWiring.wire(new InputConvolutionLayer(configuration, dataType), configuration, listeners, index,
                parameters, initialise, initializer());
    }
}
