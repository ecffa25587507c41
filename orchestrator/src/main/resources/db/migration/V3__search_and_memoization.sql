-- Runs unchanged on H2 2.x and PostgreSQL 12 or later.

-- A loss with parameters or a weighted sum has a longer canonical name than the built-in names.
ALTER TABLE trial ALTER COLUMN loss SET DATA TYPE VARCHAR(1000);

-- Memoization looks finished trials up by config hash across experiments.
CREATE INDEX trial_by_trial_id ON trial (trial_id, state);

-- The validation-split linear-probe accuracy of each finished trial config, from the worker's DONE event. Search
-- strategies rank on it, and a reused trial brings it along. One row per trial id: the first DONE event wins.
CREATE TABLE trial_validation (
    trial_id            VARCHAR(40)              NOT NULL PRIMARY KEY,
    experiment_id       VARCHAR(40)              NOT NULL,
    validation_accuracy DOUBLE PRECISION         NOT NULL,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A trial that an experiment did not run because another experiment's run of the same config already finished.
CREATE TABLE trial_reuse (
    experiment_id        VARCHAR(40)              NOT NULL,
    trial_id             VARCHAR(40)              NOT NULL,
    source_experiment_id VARCHAR(40)              NOT NULL,
    reused_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (experiment_id, trial_id),
    FOREIGN KEY (experiment_id, trial_id) REFERENCES trial (experiment_id, trial_id)
);

-- The trials of successive-halving experiments with the candidate and rung each belongs to.
CREATE TABLE search_trial (
    experiment_id VARCHAR(40)      NOT NULL,
    trial_id      VARCHAR(40)      NOT NULL,
    candidate_key VARCHAR(1000)    NOT NULL,
    pretext       VARCHAR(64)      NOT NULL,
    loss          VARCHAR(1000)    NOT NULL,
    learning_rate DOUBLE PRECISION NOT NULL,
    rung          INTEGER          NOT NULL,
    PRIMARY KEY (experiment_id, trial_id),
    FOREIGN KEY (experiment_id, trial_id) REFERENCES trial (experiment_id, trial_id)
);

-- Every promotion, stop and winner that successive halving decided, with the numbers behind it.
CREATE TABLE search_decision (
    experiment_id VARCHAR(40)              NOT NULL REFERENCES experiment (id),
    sequence      INTEGER                  NOT NULL,
    rung          INTEGER                  NOT NULL,
    candidate_key VARCHAR(1000)            NOT NULL,
    pretext       VARCHAR(64)              NOT NULL,
    loss          VARCHAR(1000)            NOT NULL,
    learning_rate DOUBLE PRECISION         NOT NULL,
    -- PROMOTED, STOPPED or WINNER.
    action        VARCHAR(20)              NOT NULL,
    score         DOUBLE PRECISION,
    rank_at_rung  INTEGER                  NOT NULL,
    completed     INTEGER                  NOT NULL,
    promotable    INTEGER                  NOT NULL,
    reason        VARCHAR(4000)            NOT NULL,
    decided_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (experiment_id, sequence)
);
