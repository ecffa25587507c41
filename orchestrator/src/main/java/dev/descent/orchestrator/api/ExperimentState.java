package dev.descent.orchestrator.api;

/** An experiment's overall state, derived from its trials. */
public enum ExperimentState {

    /** At least one trial is QUEUED, RETRYING or RUNNING. */
    RUNNING,

    /** Every trial is DONE. */
    DONE,

    /** Every trial is DONE or FAILED, and at least one FAILED. */
    FAILED,

    /** The experiment was cancelled: no trial is QUEUED, RETRYING or RUNNING, and at least one is CANCELLED. */
    CANCELLED,

    /** The broker did not acknowledge every trial, so some trials may never run; resubmit the experiment. */
    PUBLISH_FAILED
}
