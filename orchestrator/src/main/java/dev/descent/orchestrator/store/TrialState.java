package dev.descent.orchestrator.store;

/** A trial's state as the orchestrator tracks it from the workers' events. */
public enum TrialState {

    /** Published on the trials topic; no worker has reported on it yet. */
    QUEUED,

    /** A worker reported STARTED, PROGRESS or EVALUATING. */
    RUNNING,

    /** A worker published the result. Terminal: later events do not change it. */
    DONE,

    /**
     * The last attempt failed or its worker stopped sending events, and every allowed attempt was used; {@code error}
     * has the last error text. A later STARTED or a higher attempt moves it back to RUNNING.
     */
    FAILED,

    /**
     * An attempt failed and attempts remain: the reaper publishes the next attempt after an exponential backoff.
     * {@code error} has the failed attempt's error text.
     */
    RETRYING,

    /** The experiment was cancelled before the trial finished. Terminal, except that a late DONE still counts. */
    CANCELLED;

    /** Returns whether no worker is expected to work on the trial any more. */
    public boolean isTerminal() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
