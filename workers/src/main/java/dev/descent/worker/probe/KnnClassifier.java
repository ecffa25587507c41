package dev.descent.worker.probe;

import java.util.Arrays;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * k-nearest-neighbour classification by cosine similarity with a similarity-weighted vote: each of the {@code k}
 * most similar train rows adds its cosine similarity to its class, and the class with the largest sum wins. Callers
 * standardise the features first; see {@link Standardizer}.
 */
public final class KnnClassifier {

    private static final int TEST_BLOCK = 500;

    private final int k;
    private final int classes;

    /**
     * Creates a classifier.
     *
     * @param k neighbours that vote
     * @param classes the number of classes
     */
    public KnnClassifier(int k, int classes) {
        if (k < 1) {
            throw new IllegalArgumentException("invalid k " + k + "; must be 1 or more");
        }
        this.k = k;
        this.classes = classes;
    }

    /** Returns the fraction of {@code test} rows whose vote among {@code train} rows matches their label. */
    public double score(Features train, Features test) {
        return scoreEachK(train, test, classes, new int[] {k})[0];
    }

    /**
     * Scores several neighbour counts at the cost of the largest one: the similarities and the nearest rows are
     * computed once, and each {@code k} votes with the first {@code k} of them. Each accuracy equals what
     * {@link #score} returns for that {@code k}.
     *
     * @param ks neighbour counts, each from 1 to {@code train.rows()}
     * @return the accuracy of each {@code k}, in the order given
     */
    public static double[] scoreEachK(Features train, Features test, int classes, int[] ks) {
        int maxK = 0;
        for (int k : ks) {
            if (k < 1) {
                throw new IllegalArgumentException("invalid k " + k + "; must be 1 or more");
            }
            if (k > train.rows()) {
                throw new IllegalArgumentException("k = " + k + " exceeds the " + train.rows() + " train rows");
            }
            maxK = Math.max(maxK, k);
        }
        INDArray memory = normalisedRows(train);
        INDArray queries = normalisedRows(test);
        int[] correct = new int[ks.length];
        int[] nearest = new int[maxK];
        float[] nearestSimilarity = new float[maxK];
        double[] votes = new double[classes];
        for (int start = 0; start < test.rows(); start += TEST_BLOCK) {
            int end = Math.min(test.rows(), start + TEST_BLOCK);
            INDArray block = queries.get(NDArrayIndex.interval(start, end),
                    NDArrayIndex.all());
            float[] similarities = block.mmul(memory.transpose()).dup('c').data().asFloat();
            for (int i = 0; i < end - start; i++) {
                int filled = nearest(similarities, i * train.rows(), train.rows(), nearest, nearestSimilarity);
                for (int j = 0; j < ks.length; j++) {
                    int predicted = vote(nearest, nearestSimilarity, Math.min(ks[j], filled), train.labels(), votes);
                    if (predicted == test.labels()[start + i]) {
                        correct[j]++;
                    }
                }
            }
        }
        double[] accuracies = new double[ks.length];
        for (int j = 0; j < ks.length; j++) {
            accuracies[j] = (double) correct[j] / test.rows();
        }
        return accuracies;
    }

    /**
     * Fills {@code nearest} with the rows of the highest similarities in descending order, ties in row order, and
     * returns how many it filled.
     */
    private static int nearest(float[] similarities, int offset, int count, int[] nearest, float[] nearestSimilarity) {
        int k = nearest.length;
        int filled = 0;
        for (int j = 0; j < count; j++) {
            float similarity = similarities[offset + j];
            if (filled == k && similarity <= nearestSimilarity[k - 1]) {
                continue;
            }
            int position = filled < k ? filled++ : k - 1;
            while (position > 0 && nearestSimilarity[position - 1] < similarity) {
                nearestSimilarity[position] = nearestSimilarity[position - 1];
                nearest[position] = nearest[position - 1];
                position--;
            }
            nearestSimilarity[position] = similarity;
            nearest[position] = j;
        }
        return filled;
    }

    private static int vote(int[] nearest, float[] nearestSimilarity, int k, int[] labels, double[] votes) {
        Arrays.fill(votes, 0);
        for (int i = 0; i < k; i++) {
            votes[labels[nearest[i]]] += nearestSimilarity[i];
        }
        // When no neighbour has a positive similarity the sums carry no information, so the nearest row's class wins.
        int best = LinearProbe.argmax(votes);
        return votes[best] > 0 ? best : labels[nearest[0]];
    }

    private static INDArray normalisedRows(Features features) {
        INDArray matrix = Nd4j.create(features.values(), new long[] {features.rows(), features.columns()}, 'c');
        INDArray norms = matrix.norm2(1).addi(1e-12).reshape(features.rows(), 1);
        return matrix.diviColumnVector(norms);
    }
}
