package dev.descent.worker.plugin.loss;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The adversarial loss's discriminator: two strided 3x3 convolutions (16 and 32 channels, leaky ReLU) and a sigmoid
 * unit that scores how real an image looks. It trains with binary cross-entropy, target images labelled 1 and the
 * network's outputs 0.
 *
 * <p>Not thread-safe; one trial owns one discriminator.
 */
final class Discriminator {

    private final MultiLayerNetwork network;

    Discriminator(int channels, int height, int width, double learningRate, long seed) {
        MultiLayerConfiguration configuration = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate, 0.5, 0.999, 1e-8))
                .weightInit(WeightInit.XAVIER)
                .convolutionMode(ConvolutionMode.Same)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).stride(2, 2).nOut(16)
                        .activation(new ActivationLReLU(0.2)).build())
                .layer(new ConvolutionLayer.Builder(3, 3).stride(2, 2).nOut(32)
                        .activation(new ActivationLReLU(0.2)).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(1)
                        .activation(Activation.SIGMOID).build())
                .setInputType(InputType.convolutional(height, width, channels, CNN2DFormat.NCHW))
                .build();
        network = new MultiLayerNetwork(configuration);
        network.init();
    }

    /** Takes one training step on a batch of real images and a batch of generated ones of the same shape. */
    void train(INDArray real, INDArray fake) {
        DataType type = network.getLayerWiseConfigurations().getDataType();
        INDArray images = Nd4j.concat(0, real.castTo(type), fake.castTo(type));
        INDArray labels = Nd4j.concat(0, Nd4j.ones(type, real.size(0), 1), Nd4j.zeros(type, fake.size(0), 1));
        network.fit(images, labels);
    }

    /** Returns the probability, per image, that the discriminator takes the image for a real one. */
    INDArray judge(INDArray images) {
        DataType type = network.getLayerWiseConfigurations().getDataType();
        return network.output(images.castTo(type), false).castTo(images.dataType());
    }

    /**
     * Returns the gradient of the generator's loss {@code -log D(image)} with respect to each image, per image and not
     * averaged over the batch, without changing the discriminator.
     */
    INDArray generatorGradient(INDArray images) {
        DataType type = network.getLayerWiseConfigurations().getDataType();
        INDArray real = Nd4j.ones(type, images.size(0), 1);
        return network.calculateGradients(images.castTo(type), real, null, null).getSecond()
                .castTo(images.dataType());
    }

    /** Returns a copy of the discriminator's parameters, for tests. */
    INDArray parameters() {
        return network.params().dup();
    }
}
