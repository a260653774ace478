-- 060-identity-blocks.sql
--
-- The master patient index's blocks (OrleansHealth.Silo.Persistence.PostgresIdentityBlockStore):
-- one row per blocking key with the candidates (patient id and demographics
-- as a source stated them) that share it, in Orleans' binary format. The block
-- partition grains load their partition's rows on activation and rewrite only
-- the blocks a request changed. Blocking keys are keyed hashes.

SELECT pg_advisory_xact_lock(7010426542);

CREATE TABLE IF NOT EXISTS oh_identity_blocks
(
    service_id      text        NOT NULL,
    partition_index integer     NOT NULL,
    block_key       text        NOT NULL,
    members         bytea       NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, partition_index, block_key)
);
