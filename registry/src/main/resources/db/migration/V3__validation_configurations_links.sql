-- Validation accuracies from workers that carve a validation split from the train images; NULL from older workers.
ALTER TABLE trial_result ADD COLUMN validation_linear_probe_accuracy DOUBLE PRECISION;
ALTER TABLE trial_result ADD COLUMN validation_knn_accuracy DOUBLE PRECISION;

-- The configuration a result belongs to: its trial config without the seed, as a 16-hex-digit SHA-256 prefix of the
-- canonical JSON. The leaderboard groups rows by it instead of parsing config_json. training_images is
-- epochs x pretrainImages, 0 for baselines that train nothing; the budget filter compares it. The registry fills
-- both for rows stored before this migration when it starts.
ALTER TABLE trial_result ADD COLUMN configuration_id VARCHAR(64);
ALTER TABLE trial_result ADD COLUMN training_images BIGINT;
CREATE INDEX trial_result_configuration ON trial_result (configuration_id);

-- Results that an experiment reuses instead of running the trial (memoization), from descent.result-links. There
-- is no foreign key to trial_result because a link may arrive before the result it points to.
CREATE TABLE result_link (
    experiment_id        VARCHAR(200)             NOT NULL,
    trial_id             VARCHAR(200)             NOT NULL,
    source_experiment_id VARCHAR(200),
    linked_at            TIMESTAMP WITH TIME ZONE,
    stored_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (experiment_id, trial_id)
);

CREATE INDEX result_link_by_trial ON result_link (trial_id);

-- A counter that every write to the tables above increments, so that a registry can tell whether the leaderboards
-- it cached are still current, including after writes by another registry instance on the same database.
CREATE TABLE store_version (
    id      INTEGER NOT NULL PRIMARY KEY,
    version BIGINT  NOT NULL
);

INSERT INTO store_version (id, version) VALUES (1, 0);
