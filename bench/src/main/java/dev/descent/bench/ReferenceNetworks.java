package dev.descent.bench;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import dev.descent.model.spec.TargetKind;
import dev.descent.worker.model.ConvAutoencoder;
import dev.descent.worker.model.NetworkHead;
import dev.descent.worker.model.layer.FastRelu;
import dev.descent.worker.model.layer.InputConvolution;
import dev.descent.worker.model.layer.PatchDeconvolution;
import dev.descent.worker.model.ReconstructionLoss;

/** Builds the DL4J networks of the {@link ReferenceModel}s; the upsampling autoencoder is the worker's own. */
public final class ReferenceNetworks {

    private static final int SIDE = 28;

    private ReferenceNetworks() {
    }

    /** Builds and initialises the network of {@code model}, with Adam at {@code learningRate}. */
    public static MultiLayerNetwork build(ReferenceModel model, double learningRate, long seed) {
        return switch (model) {
            case INPAINTING_UPSAMPLE -> new ConvAutoencoder().build(SIDE, SIDE, ReconstructionLoss.L2, learningRate,
                    seed);
            case INPAINTING_DECONV -> init(encoder(learningRate, seed)
                    .layer(convolution(3, 64))
                    .layer(new PatchDeconvolution(new Deconvolution2D.Builder(2, 2).stride(2, 2).nOut(32)
                            .activation(new FastRelu())))
                    .layer(new PatchDeconvolution(new Deconvolution2D.Builder(2, 2).stride(2, 2).nOut(1)
                            .activation(Activation.IDENTITY).weightInit(WeightInit.XAVIER)))
                    .layer(new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.SIGMOID)
                            .format(CNN2DFormat.NCHW).build())
                    .setInputType(InputType.convolutional(SIDE, SIDE, 1, CNN2DFormat.NCHW))
                    .build());
            case ROTATION -> new ConvAutoencoder().build(1, SIDE, SIDE, new NetworkHead(TargetKind.CLASS, 4,
                    Activation.SOFTMAX, new LossMCXENT()), learningRate, seed);
        };
    }

    private static NeuralNetConfiguration.ListBuilder encoder(double learningRate, long seed) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same)
                .list()
                .layer(new InputConvolution(new ConvolutionLayer.Builder(3, 3).nOut(32).activation(new FastRelu())))
                .layer(pooling())
                .layer(convolution(3, 64))
                .layer(pooling())
                .layer(new ConvolutionLayer.Builder(1, 1).nOut(4).activation(new FastRelu()).build());
    }

    private static MultiLayerNetwork init(MultiLayerConfiguration configuration) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        // As in the worker's ConvAutoencoder: convolutions keep their pre-activation for the backward pass.
        network.setCacheMode(CacheMode.DEVICE);
        return network;
    }

    private static ConvolutionLayer convolution(int kernel, int channels) {
        return new ConvolutionLayer.Builder(kernel, kernel).nOut(channels).activation(new FastRelu()).build();
    }

    private static SubsamplingLayer pooling() {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build();
    }
}
