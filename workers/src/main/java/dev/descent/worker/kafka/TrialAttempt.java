package dev.descent.worker.kafka;

/**
 * The ending of a trial attempt on the training thread.
 *
 * @param status the ending
 * @param detail the error text for {@link Status#FAILED}, otherwise {@code null}
 */
record TrialAttempt(Status status, String detail) {

    /** The ways a trial attempt can end. */
    enum Status {
        /** The result was published and acknowledged; commit the offset. */
        PUBLISHED,
        /** The trial failed and a FAILED event was sent; commit the offset, because a retry would fail the same way. */
        FAILED,
        /** The trial's experiment was cancelled; commit the offset and report CANCELLED, since no one should run it. */
        CANCELLED,
        /** The trial was stopped or its result could not be published; leave the offset for redelivery. */
        ABANDONED
    }
}
