-- The pretext-loss curve of a trial as JSON text, [{"images": 640, "loss": 0.031}, ...]; NULL for results from
-- workers that did not record one. TEXT is a CLOB in H2 2.x and unbounded text in PostgreSQL.
ALTER TABLE trial_result ADD COLUMN loss_curve_json TEXT;
