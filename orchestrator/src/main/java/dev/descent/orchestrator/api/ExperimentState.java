package dev.descent.orchestrator.api;

/** An experiment's overall state, derived from its trials. */
public enum ExperimentState {

    /** At least one trial is QUEUED or RUNNING. */
    RUNNING,

    /** Every trial is DONE. */
    DONE,

    /** Every trial is DONE or FAILED, and at least one FAILED. */
    FAILED,

    /** The broker did not acknowledge every trial, so some trials may never run; resubmit the experiment. */
    PUBLISH_FAILED
}
