package dev.descent.bench.profile;

import java.util.Map;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs one training step of a {@link MultiLayerNetwork} layer by layer and times each call, in the order that
 * {@code MultiLayerNetwork.fit} of DL4J 1.0.0-M2.1 uses.
 *
 * <p>That order is: {@code activate} for every layer but the output layer, then the output layer's
 * {@code backpropGradient} (which computes its own forward pass) and every other layer's {@code backpropGradient},
 * then the output layer's {@code computeScore} (the loss), then the updater (Adam) and the parameter step
 * {@code params -= update}. So the output layer's forward time is reported inside its backward time.
 *
 * <p>With the network's training workspace mode {@code ENABLED}, every array of a step lives in one workspace that
 * is reset at the start of the next step. {@code fit} uses the same workspace settings but several workspaces, one
 * per array role, so the two can differ a little in memory reuse. The profiler prints both totals side by side.
 * With {@code NONE}, every array is a fresh allocation, as in {@code fit}.
 */
final class ProfiledStep {

    private static final String WORKSPACE = "PROFILED_STEP";

    /** The settings of {@code MultiLayerNetwork}'s activation workspace in DL4J 1.0.0-M2.1. */
    private static final WorkspaceConfiguration WORKSPACE_CONFIGURATION = WorkspaceConfiguration.builder()
            .initialSize(0)
            .overallocationLimit(0.05)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .policySpill(SpillPolicy.REALLOCATE)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .build();

    private final MultiLayerNetwork network;
    private final StepClock clock;
    private final boolean useWorkspace;
    private final LayerWorkspaceMgr workspaces;

    ProfiledStep(MultiLayerNetwork network, StepClock clock) {
        this.network = network;
        this.clock = clock;
        this.useWorkspace = network.getLayerWiseConfigurations().getTrainingWorkspaceMode() != WorkspaceMode.NONE;
        if (useWorkspace) {
            LayerWorkspaceMgr.Builder builder = LayerWorkspaceMgr.builder();
            for (ArrayType type : ArrayType.values()) {
                if (type == ArrayType.UPDATER_WORKING_MEM) {
                    builder.noWorkspaceFor(type);
                }
                else {
                    builder.with(type, WORKSPACE, WORKSPACE_CONFIGURATION);
                }
            }
            workspaces = builder.build();
        }
        else {
            workspaces = LayerWorkspaceMgr.noWorkspaces();
        }
    }

    /** Trains on one batch, adds the times of each part to {@code timings} and returns the batch's score. */
    double run(INDArray features, INDArray labels, LayerTimings timings) {
        Gradient gradient = new DefaultGradient(network.getFlattenedGradients());
        double score;
        if (useWorkspace) {
            try (MemoryWorkspace workspace = Nd4j.getWorkspaceManager()
                    .getAndActivateWorkspace(WORKSPACE_CONFIGURATION, WORKSPACE)) {
                score = forwardAndBackward(features, labels, gradient, timings);
            }
        }
        else {
            score = forwardAndBackward(features, labels, gradient, timings);
        }

        // The updater runs outside the step's workspace, as in fit(), because DL4J asserts that its working memory
        // is not in an open workspace. The gradients are views of the network's flattened gradient array.
        long start = clock.nanos();
        network.getUpdater().update(network, gradient, network.getIterationCount(), network.getEpochCount(),
                (int) features.size(0), workspaces);
        network.params().subi(gradient.gradient());
        timings.updaterNanos += clock.nanos() - start;
        network.setIterationCount(network.getIterationCount() + 1);
        timings.profiledBatches++;
        return score;
    }

    /** Runs the forward pass, backward pass and loss, and fills {@code gradient} with each layer's gradients. */
    private double forwardAndBackward(INDArray features, INDArray labels, Gradient gradient, LayerTimings timings) {
        Layer[] layers = network.getLayers();
        MultiLayerConfiguration configuration = network.getLayerWiseConfigurations();
        int batchSize = (int) features.size(0);
        int last = layers.length - 1;

        INDArray activation = features;
        for (int i = 0; i < last; i++) {
            long start = clock.nanos();
            activation = preProcess(configuration.getInputPreProcess(i), activation, batchSize);
            layers[i].setInputMiniBatchSize(batchSize);
            activation = layers[i].activate(activation, true, workspaces);
            timings.forwardNanos[i] += clock.nanos() - start;
            timings.outputShapes[i] = activation.shape();
        }

        IOutputLayer output = (IOutputLayer) layers[last];
        long start = clock.nanos();
        activation = preProcess(configuration.getInputPreProcess(last), activation, batchSize);
        output.setInputMiniBatchSize(batchSize);
        output.setInput(activation, workspaces);
        output.setLabels(labels);
        timings.forwardNanos[last] += clock.nanos() - start;

        INDArray epsilon = null;
        for (int i = last; i >= 0; i--) {
            start = clock.nanos();
            Pair<Gradient, INDArray> result = layers[i].backpropGradient(epsilon, workspaces);
            epsilon = result.getSecond();
            InputPreProcessor preProcessor = configuration.getInputPreProcess(i);
            if (preProcessor != null && epsilon != null) {
                epsilon = preProcessor.backprop(epsilon, batchSize, workspaces);
            }
            timings.backwardNanos[i] += clock.nanos() - start;
            for (Map.Entry<String, INDArray> entry : result.getFirst().gradientForVariable().entrySet()) {
                gradient.setGradientFor(i + "_" + entry.getKey(), entry.getValue());
            }
        }

        start = clock.nanos();
        double score = output.computeScore(0.0, true, workspaces);
        timings.lossNanos += clock.nanos() - start;

        if (timings.outputShapes[last] == null) {
            timings.outputShapes[last] = output.activate(false, workspaces).shape();
        }
        return score;
    }

    private INDArray preProcess(InputPreProcessor preProcessor, INDArray input, int batchSize) {
        return preProcessor == null ? input : preProcessor.preProcess(input, batchSize, workspaces);
    }
}
