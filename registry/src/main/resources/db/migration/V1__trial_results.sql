-- One row per trial id: the first result stored for a trial config wins, later deliveries only add links.
-- The SQL is the subset that H2 2.x and PostgreSQL 15 both accept.
CREATE TABLE trial_result (
    trial_id                             VARCHAR(200)     NOT NULL PRIMARY KEY,
    experiment_id                        VARCHAR(200)     NOT NULL,
    attempt                              INTEGER          NOT NULL,
    dataset                              VARCHAR(200)     NOT NULL,
    encoder                              VARCHAR(200),
    pretext                              VARCHAR(200)     NOT NULL,
    loss                                 VARCHAR(200)     NOT NULL,
    seed                                 BIGINT           NOT NULL,
    config_json                          VARCHAR(20000)   NOT NULL,
    linear_probe_accuracy                DOUBLE PRECISION NOT NULL,
    knn_accuracy                         DOUBLE PRECISION NOT NULL,
    random_encoder_linear_probe_accuracy DOUBLE PRECISION NOT NULL,
    random_encoder_knn_accuracy          DOUBLE PRECISION NOT NULL,
    final_pretext_loss                   DOUBLE PRECISION NOT NULL,
    wall_seconds                         DOUBLE PRECISION NOT NULL,
    images_per_second                    DOUBLE PRECISION NOT NULL,
    worker_id                            VARCHAR(500),
    backend                              VARCHAR(500),
    finished_at                          TIMESTAMP WITH TIME ZONE,
    stored_at                            TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX trial_result_board ON trial_result (dataset, pretext, loss);

-- Every experiment that requested a trial, including experiments whose result was already stored.
CREATE TABLE experiment_trial (
    experiment_id VARCHAR(200)             NOT NULL,
    trial_id      VARCHAR(200)             NOT NULL REFERENCES trial_result (trial_id),
    linked_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (experiment_id, trial_id)
);

CREATE INDEX experiment_trial_by_trial ON experiment_trial (trial_id);
