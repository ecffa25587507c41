package dev.descent.worker.model;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import dev.descent.model.spec.TargetKind;
import dev.descent.worker.model.layer.FastRelu;
import dev.descent.worker.model.layer.InputConvolution;
import dev.descent.worker.model.layer.NarrowConvolution;

/**
 * The convolutional encoder-decoder that every trial trains, named {@value #ID} in trial configs.
 *
 * <p>Encoder: 3x3 convolution (32 channels, ReLU), 2x2 max pooling, 3x3 convolution (64, ReLU), 2x2 max pooling,
 * then a 1x1 convolution (ReLU) down to {@link #codeChannels()} channels. The code, flattened to
 * {@code 7 * 7 * codeChannels} values for 28x28 inputs, is the feature vector that the probes read. Decoder: 3x3
 * convolution (64, ReLU), 2x upsampling, 3x3 convolution (32, ReLU), 2x upsampling, 3x3 convolution to the
 * target's channels and the loss's activation, a sigmoid for pixel losses so that outputs lie in [0, 1] like the
 * pixels. For a class target, such as rotation prediction, a dense layer on the flattened code replaces the decoder.
 * Upsampling plus convolution is used in place of transposed convolution because DL4J has a oneDNN helper for the
 * former only.
 *
 * <p>The layers compute what DL4J's layers compute, with faster backward passes where DL4J 1.0.0-M2.1 was slow: the
 * first convolution is an {@link InputConvolution}, which skips the unused gradient for the input images; the last
 * convolution of the decoder is a {@link NarrowConvolution}; and every ReLU is a {@link FastRelu}. BENCHMARKS.md
 * records the per-layer times before and after.
 *
 * <p>The narrow code is deliberate. A frozen random encoder with a wide output is a strong baseline for a linear
 * probe, because random convolutional features of 28x28 images are nearly as separable as the raw pixels. Squeezing
 * the code to a few ReLU channels makes a random encoder lose information, because a random 1x1 projection with a
 * ReLU zeroes about half of a small code, while a trained autoencoder learns to keep what reconstruction needs.
 * Measured on Fashion-MNIST after 1 epoch on 5,000 images (batch 64, Adam at 1e-3), with the linear probe on 5,000
 * train and 2,000 test images: a 4-channel code with no activation scored 0.849 trained against 0.850 untrained.
 * This 4-channel ReLU code put the trained encoder ahead in 19 of 20 runs, by 0.75 to 4.35 points. The runs covered
 * both pretext tasks, both losses and seeds 1 to 4 and 42, and the workers README has the table.
 *
 * <p>NOTE: with the l1 loss, training can collapse to an all-zero output (the per-pixel median of Fashion-MNIST),
 * and then the trained encoder can score below the untrained one (denoising, l1, seed 3: 0.776 against 0.786).
 */
public final class ConvAutoencoder {

    /** The architecture's name and version in trial configs. */
    public static final String ID = "conv-ae-v1";

    /** The default number of code channels. */
    public static final int DEFAULT_CODE_CHANNELS = 4;

    private final int codeChannels;

    /** Creates the architecture with {@link #DEFAULT_CODE_CHANNELS}. */
    public ConvAutoencoder() {
        this(DEFAULT_CODE_CHANNELS);
    }

    /**
     * Creates the architecture with a given code width.
     *
     * @param codeChannels channels of the 1x1 bottleneck convolution
     */
    public ConvAutoencoder(int codeChannels) {
        if (codeChannels < 1) {
            throw new IllegalArgumentException("invalid code channel count " + codeChannels + "; must be 1 or more");
        }
        this.codeChannels = codeChannels;
    }

    public int codeChannels() {
        return codeChannels;
    }

    /** Returns the index of the bottleneck layer, whose activations are the features. */
    public int codeLayerIndex() {
        return 4;
    }

    /**
     * Builds and initialises the network.
     *
     * @param height image rows, divisible by 4
     * @param width image columns, divisible by 4
     * @param loss the reconstruction loss
     * @param learningRate Adam's step size
     * @param seed the seed for weight initialisation
     */
    public MultiLayerNetwork build(int height, int width, ReconstructionLoss loss, double learningRate, long seed) {
        return build(1, height, width, new NetworkHead(TargetKind.IMAGE, 1, Activation.SIGMOID, loss.create()),
                learningRate, seed);
    }

    /**
     * Builds and initialises the network for any pretext task: the encoder on images of {@code channels} channels,
     * then either the decoder to an image of {@code head.outputs()} channels or, for a class target, a dense layer
     * over {@code head.outputs()} classes on the flattened code.
     *
     * @param channels input channels: 1 for grayscale, 3 for RGB
     * @param height image rows, divisible by 4
     * @param width image columns, divisible by 4
     * @param head the output layer and its loss
     * @param learningRate Adam's step size
     * @param seed the seed for weight initialisation
     */
    public MultiLayerNetwork build(int channels, int height, int width, NetworkHead head, double learningRate,
                                   long seed) {
        NeuralNetConfiguration.ListBuilder layers = encoderLayers(height, width, learningRate, seed);
        if (head.target() == TargetKind.CLASS) {
            layers.layer(new OutputLayer.Builder(head.loss()).nOut(head.outputs()).activation(head.activation())
                    .weightInit(WeightInit.XAVIER).build());
        }
        else {
            layers.layer(convolution(3, 64, new FastRelu()))
                    .layer(new Upsampling2D.Builder(2).build())
                    .layer(convolution(3, 32, new FastRelu()))
                    .layer(new Upsampling2D.Builder(2).build())
                    .layer(new NarrowConvolution(new ConvolutionLayer.Builder(3, 3).nOut(head.outputs())
                            .activation(Activation.IDENTITY).weightInit(WeightInit.XAVIER)))
                    .layer(new CnnLossLayer.Builder(head.loss()).activation(head.activation())
                            .format(CNN2DFormat.NCHW).build());
        }
        MultiLayerConfiguration configuration = layers
                .setInputType(InputType.convolutional(height, width, channels, CNN2DFormat.NCHW))
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        // With a cache mode, each convolution keeps its pre-activation from the forward pass and its backward pass
        // reuses it instead of convolving again, and training stays bit-identical. Measured with the profiler of
        // bench/trainer-profile (1 thread, CPU time, batch 128, 2-core EPYC at load 6 to 13): 0.7 to 15% less time per
        // fit() in 7 of 7 paired runs, 6% on average.
        network.setCacheMode(CacheMode.DEVICE);
        return network;
    }

    /**
     * Builds and initialises a classifier with this architecture's encoder (layers 0 to {@link #codeLayerIndex()},
     * unchanged) and a softmax layer on the flattened code, trained with cross-entropy. The supervised baseline
     * trains it with the labels and then reads the code with {@link #encode}, like a pretext-trained encoder.
     *
     * @param height image rows, divisible by 4
     * @param width image columns, divisible by 4
     * @param classes the number of classes
     * @param learningRate Adam's step size
     * @param seed the seed for weight initialisation
     */
    public MultiLayerNetwork buildClassifier(int height, int width, int classes, double learningRate, long seed) {
        return buildClassifier(1, height, width, classes, learningRate, seed);
    }

    /** Builds the classifier of {@link #buildClassifier(int, int, int, double, long)} for images of any channels. */
    public MultiLayerNetwork buildClassifier(int channels, int height, int width, int classes, double learningRate,
                                             long seed) {
        MultiLayerConfiguration configuration = encoderLayers(height, width, learningRate, seed)
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build())
                .setInputType(InputType.convolutional(height, width, channels, CNN2DFormat.NCHW))
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        return network;
    }

    /**
     * Computes the flattened code of a batch with the network in inference mode.
     *
     * @param network a network built by {@link #build} or {@link #buildClassifier}
     * @param images a {@code [n, channels, height, width]} batch
     * @return a {@code [n, codeSize]} matrix
     */
    public INDArray encode(MultiLayerNetwork network, INDArray images) {
        INDArray code = network.feedForwardToLayer(codeLayerIndex(), images, false).get(codeLayerIndex() + 1);
        return code.reshape('c', code.size(0), code.length() / code.size(0));
    }

    /**
     * Starts a network configuration with the encoder, layers 0 to {@link #codeLayerIndex()}. The autoencoder and
     * the classifier share it, so one seed gives both the same initial encoder weights.
     */
    private NeuralNetConfiguration.ListBuilder encoderLayers(int height, int width, double learningRate, long seed) {
        if (height % 4 != 0 || width % 4 != 0) {
            throw new IllegalArgumentException("image size " + height + "x" + width
                    + " is invalid; both sides must be divisible by 4 for two 2x2 poolings");
        }
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same)
                .list()
                .layer(new InputConvolution(new ConvolutionLayer.Builder(3, 3).nOut(32).activation(new FastRelu())))
                .layer(pooling())
                .layer(convolution(3, 64, new FastRelu()))
                .layer(pooling())
                .layer(new ConvolutionLayer.Builder(1, 1).nOut(codeChannels).activation(new FastRelu()).build());
    }

    private static ConvolutionLayer convolution(int kernel, int channels, IActivation activation) {
        return new ConvolutionLayer.Builder(kernel, kernel).nOut(channels).activation(activation).build();
    }

    private static SubsamplingLayer pooling() {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build();
    }
}
