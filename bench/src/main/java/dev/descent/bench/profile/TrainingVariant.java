package dev.descent.bench.profile;

import java.lang.reflect.Field;
import java.util.Locale;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import dev.descent.bench.ReferenceModel;
import dev.descent.bench.ReferenceNetworks;

/**
 * The training settings that the profiler varies, each a remedy candidate that keeps the architecture and the loss.
 *
 * @param format the activation layout of every convolutional layer and of the input
 * @param workspaceMode DL4J's workspace mode for training and inference
 * @param helpers which layer types keep their oneDNN helper: {@code all}, {@code none}, {@code conv} or {@code pool}
 * @param cacheMode DL4J's cache mode, or null to keep the network's own. With any mode but {@code NONE} and workspaces
 *     enabled, a convolution layer keeps its pre-activation from the forward pass, and its backward pass reuses it
 *     instead of convolving again.
 */
record TrainingVariant(CNN2DFormat format, WorkspaceMode workspaceMode, String helpers, CacheMode cacheMode) {

    TrainingVariant {
        if (!helpers.equals("all") && !helpers.equals("none") && !helpers.equals("conv") && !helpers.equals("pool")) {
            throw new IllegalArgumentException("invalid helpers value '" + helpers
                    + "'; use all, none, conv (convolution helpers only) or pool (subsampling helpers only)");
        }
    }

    /** Returns a short label for tables, such as {@code NCHW ws=ENABLED helpers=all cache=NONE}. */
    String label() {
        return String.format(Locale.ROOT, "%s ws=%s helpers=%s cache=%s", format, workspaceMode, helpers,
                cacheMode == null ? "model-default" : cacheMode);
    }

    /** Builds the network of {@code model} with these settings and the benchmark's learning rate and seed. */
    MultiLayerNetwork build(ReferenceModel model, double learningRate, long seed) {
        MultiLayerNetwork network = ReferenceNetworks.build(model, learningRate, seed);
        if (format != CNN2DFormat.NCHW || workspaceMode != WorkspaceMode.ENABLED) {
            MultiLayerConfiguration configuration = network.getLayerWiseConfigurations().clone();
            configuration.setTrainingWorkspaceMode(workspaceMode);
            configuration.setInferenceWorkspaceMode(workspaceMode);
            for (NeuralNetConfiguration layer : configuration.getConfs()) {
                setFormat(layer.getLayer());
            }
            for (InputPreProcessor preProcessor : configuration.getInputPreProcessors().values()) {
                if (preProcessor instanceof CnnToFeedForwardPreProcessor flatten) {
                    flatten.setFormat(format);
                }
            }
            network = new MultiLayerNetwork(configuration);
            network.init();
        }
        removeHelpers(network);
        if (cacheMode != null) {
            network.setCacheMode(cacheMode);
        }
        return network;
    }

    private void setFormat(org.deeplearning4j.nn.conf.layers.Layer layer) {
        if (layer instanceof ConvolutionLayer convolution) {
            convolution.setCnn2dDataFormat(format);
        }
        else if (layer instanceof SubsamplingLayer subsampling) {
            subsampling.setCnn2dDataFormat(format);
        }
        else if (layer instanceof Upsampling2D upsampling) {
            upsampling.setFormat(format);
        }
        else if (layer instanceof CnnLossLayer loss) {
            loss.setFormat(format);
        }
    }

    /**
     * Detaches the oneDNN helpers of the layer types that {@link #helpers} excludes. DL4J 1.0.0-M2.1 has no public
     * setter, so this writes the layers' protected {@code helper} field, and the layer then takes its built-in path.
     */
    private void removeHelpers(MultiLayerNetwork network) {
        for (Layer layer : network.getLayers()) {
            boolean convolution = layer instanceof org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
            boolean pooling = layer instanceof org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
            boolean keep = helpers.equals("all") || (convolution && helpers.equals("conv"))
                    || (pooling && helpers.equals("pool"));
            if ((convolution || pooling) && !keep) {
                clearHelper(layer, convolution
                        ? org.deeplearning4j.nn.layers.convolution.ConvolutionLayer.class
                        : org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer.class);
            }
        }
    }

    private static void clearHelper(Layer layer, Class<?> owner) {
        try {
            Field field = owner.getDeclaredField("helper");
            field.setAccessible(true);
            field.set(layer, null);
        }
        catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot detach the helper of " + owner.getName()
                    + "; this DL4J version has no 'helper' field there", e);
        }
    }
}
