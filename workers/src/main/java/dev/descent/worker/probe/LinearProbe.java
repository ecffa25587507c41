package dev.descent.worker.probe;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Multinomial logistic (softmax) regression trained with Adam on mini-batches, the standard linear probe for frozen
 * self-supervised features. Callers standardise the features first; see {@link Standardizer}.
 */
public final class LinearProbe {

    /** Adam's step size; chosen for standardised features and about ten epochs. */
    public static final double LEARNING_RATE = 0.005;

    /** Examples per gradient step. */
    public static final int BATCH_SIZE = 64;

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final int classes;
    private final int epochs;
    private final long seed;
    private final double l2;

    /**
     * Creates a probe without weight decay.
     *
     * @param classes the number of classes
     * @param epochs passes over the train features
     * @param seed the seed for shuffling
     */
    public LinearProbe(int classes, int epochs, long seed) {
        this(classes, epochs, seed, 0);
    }

    /**
     * Creates a probe whose loss adds {@code l2 / 2} times the squared norm of the weights (not the biases) to the
     * mean cross-entropy of a batch.
     *
     * @param classes the number of classes
     * @param epochs passes over the train features
     * @param seed the seed for shuffling
     * @param l2 the L2 weight, 0 or more
     */
    public LinearProbe(int classes, int epochs, long seed, double l2) {
        if (classes < 2 || epochs < 1) {
            throw new IllegalArgumentException("invalid probe: " + classes + " classes and " + epochs
                    + " epochs; need at least 2 classes and 1 epoch");
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("invalid L2 weight " + l2 + "; must be a finite number, 0 or more");
        }
        this.classes = classes;
        this.epochs = epochs;
        this.seed = seed;
        this.l2 = l2;
    }

    /** Trains on {@code train} and returns the fraction of {@code test} rows classified correctly. */
    public double fitAndScore(Features train, Features test) {
        return fitAndScoreAll(train, List.of(test))[0];
    }

    /**
     * Trains once on {@code train} and returns, for each evaluation set in order, the fraction of its rows
     * classified correctly.
     */
    public double[] fitAndScoreAll(Features train, List<Features> evaluationSets) {
        Model model = fit(train);
        double[] accuracies = new double[evaluationSets.size()];
        for (int i = 0; i < accuracies.length; i++) {
            accuracies[i] = model.accuracy(evaluationSets.get(i));
        }
        return accuracies;
    }

    /** Trains on {@code train} and returns the fitted weights, which score any number of feature sets later. */
    public Model fit(Features train) {
        int columns = train.columns();
        Model model = new Model(columns, classes);
        int parameters = model.weights.length;
        double[] weightGradient = new double[parameters];
        double[] biasGradient = new double[classes];
        double[] moment1 = new double[parameters + classes];
        double[] moment2 = new double[parameters + classes];
        int[] order = new int[train.rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        double[] probabilities = new double[classes];
        long totalSteps = (long) epochs * ((order.length + BATCH_SIZE - 1) / BATCH_SIZE);
        long step = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(order, random);
            for (int start = 0; start < order.length; start += BATCH_SIZE) {
                int end = Math.min(order.length, start + BATCH_SIZE);
                Arrays.fill(weightGradient, 0);
                Arrays.fill(biasGradient, 0);
                for (int i = start; i < end; i++) {
                    int row = order[i];
                    int offset = row * columns;
                    model.logits(train.values(), offset, probabilities);
                    softmax(probabilities);
                    probabilities[train.labels()[row]] -= 1;
                    for (int c = 0; c < classes; c++) {
                        double error = probabilities[c] / (end - start);
                        biasGradient[c] += error;
                        int base = c * columns;
                        for (int j = 0; j < columns; j++) {
                            weightGradient[base + j] += error * train.values()[offset + j];
                        }
                    }
                }
                if (l2 > 0) {
                    for (int p = 0; p < parameters; p++) {
                        weightGradient[p] += l2 * model.weights[p];
                    }
                }
                step++;
                double rate = learningRate(step, totalSteps);
                adam(model.weights, weightGradient, moment1, moment2, 0, step, rate);
                adam(model.bias, biasGradient, moment1, moment2, parameters, step, rate);
            }
        }
        return model;
    }

    /**
     * Returns the step size for a 1-based step: {@link #LEARNING_RATE} decayed to 0 along half a cosine over all
     * steps, the schedule of the common linear-evaluation protocols, so the last epochs average out Adam's noise.
     */
    static double learningRate(long step, long totalSteps) {
        return LEARNING_RATE * 0.5 * (1 + Math.cos(Math.PI * (step - 1) / totalSteps));
    }

    private static void adam(double[] parameters, double[] gradient, double[] moment1, double[] moment2, int offset,
                             long step, double rate) {
        double correction1 = 1 - Math.pow(BETA1, step);
        double correction2 = 1 - Math.pow(BETA2, step);
        for (int i = 0; i < parameters.length; i++) {
            int k = offset + i;
            moment1[k] = BETA1 * moment1[k] + (1 - BETA1) * gradient[i];
            moment2[k] = BETA2 * moment2[k] + (1 - BETA2) * gradient[i] * gradient[i];
            double m = moment1[k] / correction1;
            double v = moment2[k] / correction2;
            parameters[i] -= rate * m / (Math.sqrt(v) + EPSILON);
        }
    }

    private static void softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double logit : logits) {
            max = Math.max(max, logit);
        }
        double sum = 0;
        for (int c = 0; c < logits.length; c++) {
            logits[c] = Math.exp(logits[c] - max);
            sum += logits[c];
        }
        for (int c = 0; c < logits.length; c++) {
            logits[c] /= sum;
        }
    }

    static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    /** A fitted probe: weights as {@code [classes][columns]} row-major, and one bias per class. */
    public static final class Model {

        private final double[] weights;
        private final double[] bias;
        private final int columns;

        private Model(int columns, int classes) {
            this.columns = columns;
            this.weights = new double[columns * classes];
            this.bias = new double[classes];
        }

        /** Returns the fraction of {@code test} rows whose most likely class is their label. */
        public double accuracy(Features test) {
            if (test.columns() != columns) {
                throw new IllegalArgumentException("expected " + columns + " columns, got " + test.columns());
            }
            int correct = 0;
            double[] logits = new double[bias.length];
            for (int row = 0; row < test.rows(); row++) {
                logits(test.values(), row * test.columns(), logits);
                if (argmax(logits) == test.labels()[row]) {
                    correct++;
                }
            }
            return (double) correct / test.rows();
        }

        void logits(float[] values, int offset, double[] out) {
            for (int c = 0; c < out.length; c++) {
                double sum = bias[c];
                int base = c * columns;
                for (int j = 0; j < columns; j++) {
                    sum += weights[base + j] * values[offset + j];
                }
                out[c] = sum;
            }
        }
    }
}
