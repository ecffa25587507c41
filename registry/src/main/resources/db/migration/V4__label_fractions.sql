-- The probe and kNN fitted on each label fraction of a trial, as JSON text: [{"fraction": 0.01, "images": 100,
-- "linearL2": 0.001, "knnK": 10, "validationLinearProbeAccuracy": ..., "linearProbeAccuracy": ...,
-- "validationKnnAccuracy": ..., "knnAccuracy": ...}, ...]. NULL for trials with the default fractions and for results
-- from older workers. TEXT is a CLOB in H2 2.x and unbounded text in PostgreSQL.
ALTER TABLE trial_result ADD COLUMN label_fractions_json TEXT;
