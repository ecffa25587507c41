-- Runs unchanged on H2 2.x and PostgreSQL 12 or later. Versioned 2.1 so that it sorts after any V2 migration.

-- One row per cancelled experiment; its trials move to the CANCELLED state in the same transaction.
CREATE TABLE experiment_cancellation (
    experiment_id VARCHAR(40)              NOT NULL PRIMARY KEY REFERENCES experiment (id),
    cancelled_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The reaper scans RUNNING and RETRYING trials every few seconds.
CREATE INDEX trial_state_updated_at ON trial (state, updated_at);
