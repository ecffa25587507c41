package dev.descent.orchestrator.store;

/** A trial's state as the orchestrator tracks it from the workers' events. */
public enum TrialState {

    /** Published on the trials topic; no worker has reported on it yet. */
    QUEUED,

    /** A worker reported STARTED, PROGRESS or EVALUATING. */
    RUNNING,

    /** A worker published the result. Terminal: later events do not change it. */
    DONE,

    /** A worker reported that its attempt failed. A later STARTED or a higher attempt moves it back to RUNNING. */
    FAILED;

    /** Returns whether no worker is expected to work on the trial any more. */
    public boolean isTerminal() {
        return this == DONE || this == FAILED;
    }
}
