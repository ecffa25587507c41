-- Runs unchanged on H2 2.x and PostgreSQL 12 or later.

CREATE TABLE experiment (
    id            VARCHAR(40)              NOT NULL PRIMARY KEY,
    name          VARCHAR(64)              NOT NULL,
    source        VARCHAR(255)             NOT NULL,
    spec_yaml     TEXT                     NOT NULL,
    dataset_name  VARCHAR(64)              NOT NULL,
    dataset_path  VARCHAR(4096)            NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- PUBLISHING while the trials are sent, then PUBLISHED or PUBLISH_FAILED.
    state         VARCHAR(20)              NOT NULL,
    publish_error VARCHAR(4000)
);

CREATE INDEX experiment_created_at ON experiment (created_at);

CREATE TABLE trial (
    experiment_id     VARCHAR(40)              NOT NULL REFERENCES experiment (id),
    trial_id          VARCHAR(40)              NOT NULL,
    -- Position in the grid: pretext task, then loss, then seed.
    grid_index        INTEGER                  NOT NULL,
    pretext           VARCHAR(64)              NOT NULL,
    loss              VARCHAR(64)              NOT NULL,
    seed              BIGINT                   NOT NULL,
    config_json       TEXT                     NOT NULL,
    -- QUEUED, RUNNING, DONE or FAILED.
    state             VARCHAR(20)              NOT NULL,
    attempt           INTEGER                  NOT NULL,
    worker_id         VARCHAR(255),
    images_done       BIGINT                   NOT NULL,
    images_total      BIGINT                   NOT NULL,
    pretext_loss      DOUBLE PRECISION,
    images_per_second DOUBLE PRECISION,
    error             VARCHAR(4000),
    started_at        TIMESTAMP WITH TIME ZONE,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (experiment_id, trial_id)
);
