package dev.descent.worker.trial;

/** Receives a trial's progress from the training thread; implementations must return quickly. */
public interface TrialProgressListener {

    /** A listener that ignores everything. */
    TrialProgressListener NONE = new TrialProgressListener() {
    };

    /**
     * Called after every pretext training batch.
     *
     * @param imagesDone pretext images processed so far, counting every epoch
     * @param imagesTotal pretext images the trial will process in all
     * @param loss the batch's mean per-pixel pretext loss
     * @param imagesPerSecond pretext throughput since training started
     */
    default void onProgress(long imagesDone, long imagesTotal, double loss, double imagesPerSecond) {
    }

    /** Called once when pretext training has finished and the probes start. */
    default void onEvaluating() {
    }
}
