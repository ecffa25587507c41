package dev.descent.worker.model.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import dev.descent.worker.backend.Backend;

/**
 * Checks {@link InputConvolution}, {@link PatchDeconvolution}, {@link NarrowConvolution} and {@link FastRelu} against
 * the DL4J code they replace: the same parameters must give the same outputs, parameter gradients, input gradients
 * and training trajectory.
 */
class FastLayersTest {

    private static final int SIDE = 12;
    private static final int BATCH = 6;

    @BeforeAll
    static void backend() {
        Backend.initialise();
    }

    @Test
    void fastNetworkMatchesDl4jLayers() {
        MultiLayerNetwork reference = network(false);
        MultiLayerNetwork fast = network(true);
        fast.setParams(reference.params().dup());
        assertInstanceOf(InputConvolutionLayer.class, fast.getLayer(0));
        assertInstanceOf(PatchDeconvolutionLayer.class, fast.getLayer(3));
        assertInstanceOf(NarrowConvolutionLayer.class, fast.getLayer(4));

        INDArray images = Nd4j.rand(new long[] {BATCH, 1, SIDE, SIDE}).castTo(reference.params().dataType());
        INDArray targets = Nd4j.rand(new long[] {BATCH, 2, SIDE, SIDE}).castTo(reference.params().dataType());

        // Same outputs for the same parameters.
        assertClose(reference.output(images), fast.output(images), 1e-5, "outputs");

        // Same gradients for every parameter, including the layers after the transposed convolutions.
        reference.setInput(images);
        reference.setLabels(targets);
        reference.computeGradientAndScore();
        fast.setInput(images);
        fast.setLabels(targets);
        fast.computeGradientAndScore();
        assertEquals(reference.score(), fast.score(), 1e-5 * Math.abs(reference.score()));
        Gradient expected = reference.gradient();
        Gradient actual = fast.gradient();
        for (Map.Entry<String, INDArray> entry : expected.gradientForVariable().entrySet()) {
            assertClose(entry.getValue(), actual.getGradientFor(entry.getKey()), 1e-4, "gradient " + entry.getKey());
        }

        // Same trajectory over a few Adam steps.
        for (int step = 0; step < 5; step++) {
            reference.fit(images, targets);
            fast.fit(images, targets);
        }
        assertClose(reference.params(), fast.params(), 1e-4, "parameters after 5 steps");
    }

    @Test
    void patchDeconvolutionPassesInputGradient() {
        MultiLayerNetwork reference = deconvolutionOnly(false);
        MultiLayerNetwork fast = deconvolutionOnly(true);
        fast.setParams(reference.params().dup());
        INDArray codes = Nd4j.rand(new long[] {BATCH, 3, SIDE / 2, SIDE / 2}).castTo(reference.params().dataType());
        INDArray targets = Nd4j.rand(new long[] {BATCH, 2, SIDE, SIDE}).castTo(reference.params().dataType());

        Pair<Gradient, INDArray> expected = reference.calculateGradients(codes, targets, null, null);
        Pair<Gradient, INDArray> actual = fast.calculateGradients(codes, targets, null, null);
        assertNotNull(actual.getSecond());
        assertClose(expected.getSecond(), actual.getSecond(), 1e-5, "input gradient");
    }

    @Test
    void configurationSurvivesJson() {
        MultiLayerNetwork fast = network(true);
        MultiLayerConfiguration copy = MultiLayerConfiguration.fromJson(fast.getLayerWiseConfigurations().toJson());
        assertInstanceOf(InputConvolution.class, copy.getConf(0).getLayer());
        assertInstanceOf(PatchDeconvolution.class, copy.getConf(3).getLayer());
        assertInstanceOf(NarrowConvolution.class, copy.getConf(4).getLayer());
        assertInstanceOf(FastRelu.class,
                ((org.deeplearning4j.nn.conf.layers.BaseLayer) copy.getConf(2).getLayer()).getActivationFn());
        MultiLayerNetwork restored = new MultiLayerNetwork(copy);
        restored.init(fast.params().dup(), false);
        INDArray images = Nd4j.rand(new long[] {2, 1, SIDE, SIDE}).castTo(fast.params().dataType());
        assertClose(fast.output(images), restored.output(images), 1e-6, "outputs after a JSON round trip");
    }

    private static MultiLayerNetwork network(boolean fastLayers) {
        IActivation relu = fastLayers ? new FastRelu() : Activation.RELU.getActivationFunction();
        ConvolutionLayer.Builder first = new ConvolutionLayer.Builder(3, 3).nOut(5).activation(relu);
        Deconvolution2D.Builder up = new Deconvolution2D.Builder(2, 2).stride(2, 2).nOut(3)
                .activation(Activation.TANH);
        ConvolutionLayer.Builder last = new ConvolutionLayer.Builder(3, 3).nOut(2).activation(Activation.IDENTITY);
        Layer firstLayer = fastLayers ? new InputConvolution(first) : first.build();
        Layer upLayer = fastLayers ? new PatchDeconvolution(up) : up.build();
        MultiLayerConfiguration configuration = new NeuralNetConfiguration.Builder()
                .seed(7)
                .updater(new Adam(1e-2))
                .weightInit(WeightInit.XAVIER)
                .convolutionMode(ConvolutionMode.Same)
                .list()
                .layer(firstLayer)
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(relu).build())
                .layer(upLayer)
                .layer(fastLayers ? new NarrowConvolution(last) : last.build())
                .layer(new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.SIGMOID)
                        .format(CNN2DFormat.NCHW).build())
                .setInputType(InputType.convolutional(SIDE, SIDE, 1, CNN2DFormat.NCHW))
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        return network;
    }

    private static MultiLayerNetwork deconvolutionOnly(boolean fastLayers) {
        Deconvolution2D.Builder up = new Deconvolution2D.Builder(2, 2).stride(2, 2).nOut(2)
                .activation(Activation.IDENTITY);
        MultiLayerConfiguration configuration = new NeuralNetConfiguration.Builder()
                .seed(3)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(fastLayers ? new PatchDeconvolution(up) : up.build())
                .layer(new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .format(CNN2DFormat.NCHW).build())
                .setInputType(InputType.convolutional(SIDE / 2, SIDE / 2, 3, CNN2DFormat.NCHW))
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        return network;
    }

    /**
     * Asserts that {@code actual} has the shape of {@code expected} and differs from it by at most {@code relative}
     * times its L2 norm.
     */
    private static void assertClose(INDArray expected, INDArray actual, double relative, String quantity) {
        assertNotNull(actual, quantity + " missing");
        assertEquals(Arrays.toString(expected.shape()), Arrays.toString(actual.shape()), quantity + " shape");
        double scale = Math.max(1e-8, expected.norm2Number().doubleValue());
        double difference = expected.sub(actual.reshape(expected.shape())).norm2Number().doubleValue();
        assertTrue(difference <= relative * scale,
                quantity + " differ: |difference| " + difference + " against |expected| " + scale);
    }

}
