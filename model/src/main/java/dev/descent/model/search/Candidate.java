package dev.descent.model.search;

/**
 * One configuration that a search considers: what varies between the trials of an experiment apart from the seed
 * and the rung's budget.
 *
 * @param pretext the pretext task
 * @param loss the loss's canonical string, parameters included
 * @param learningRate Adam's step size
 */
public record Candidate(String pretext, String loss, double learningRate) {

    /** Returns a stable key for this configuration, such as {@code inpainting|l2|0.001}. */
    public String key() {
        return pretext + "|" + loss + "|" + learningRate;
    }
}
