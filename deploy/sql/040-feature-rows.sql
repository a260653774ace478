-- 040-feature-rows.sql
--
-- The feature partitions' de-identified timelines, one row per patient
-- (OrleansHealth.Silo.Persistence.PostgresFeatureRowStore). One row per
-- patient rather than one grain state per partition, so that a patient's
-- change rewrites that patient's row, not the whole partition.
-- The key is the pseudonymous id (keyed HMAC); no identifier is stored.
-- The timeline is in Orleans' binary format, version-tolerant through the
-- [Id]s and [Alias]es of its types, like the grain state.

SELECT pg_advisory_xact_lock(7010426542);

CREATE TABLE IF NOT EXISTS oh_feature_rows
(
    service_id      text        NOT NULL,
    partition_index integer     NOT NULL,
    pseudonym       text        NOT NULL,
    timeline        bytea       NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, partition_index, pseudonym)
);
