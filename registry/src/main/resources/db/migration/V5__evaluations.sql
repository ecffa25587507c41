-- The worker's evaluator plug-ins on a trial's features, as JSON text: [{"name": "nearest-centroid", "version": "1.0",
-- "validationAccuracy": 0.71, "testAccuracy": 0.7}, ...], with null for a figure the plug-in failed to produce. NULL
-- for results from workers without evaluator plug-ins and from older workers. TEXT is a CLOB in H2 2.x and unbounded
-- text in PostgreSQL.
ALTER TABLE trial_result ADD COLUMN evaluations_json TEXT;
