package dev.descent.worker.model.layer;

import java.util.Collection;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Steps that the layers of this package share with the DL4J layers they extend. */
final class LayerWiring {

    private LayerWiring() {
    }

    /**
     * Connects a new layer to its configuration, listeners, index and parameters, as DL4J's own {@code instantiate}
     * methods do, and returns it.
     */
    static <L extends BaseLayer<?>> L wire(L layer, NeuralNetConfiguration configuration,
                                           Collection<TrainingListener> listeners, int index, INDArray parameters,
                                           boolean initialise, ParamInitializer initializer) {
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(parameters);
        layer.setParamTable(initializer.init(configuration, parameters, initialise));
        layer.setConf(configuration);
        return layer;
    }

    /**
     * Returns a convolution's gradient with the weight gradient already in {@code weightGradient}: sums the output
     * gradient {@code delta} over the batch and the pixels into {@code biasGradient} when the layer has a bias.
     */
    static Gradient convolutionGradient(INDArray delta, INDArray weightGradient, INDArray biasGradient,
                                        boolean hasBias) {
        Gradient gradient = new DefaultGradient();
        if (hasBias) {
            biasGradient.assign(delta.sum(0, 2, 3).reshape('c', biasGradient.shape()));
            gradient.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGradient);
        }
        gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGradient, 'c');
        return gradient;
    }
}
