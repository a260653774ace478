-- 050-identity-claims.sql
--
-- The master patient index's write-once claims
-- (OrleansHealth.Silo.Persistence.PostgresIdentityClaimStore): a source-local
-- patient id or a person-level identifier, held by one enterprise patient.
-- The primary key makes the first claim win (INSERT … ON CONFLICT DO NOTHING),
-- so concurrent requests about one person agree without a lock.
-- Keys are digests (OrleansHealth.Identity.IdentityKeys): no local id or
-- identifier value is stored in clear.

SELECT pg_advisory_xact_lock(7010426542);

CREATE TABLE IF NOT EXISTS oh_identity_claims
(
    service_id text        NOT NULL,
    claim_key  text        NOT NULL,
    patient_id text        NOT NULL,
    claimed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, claim_key)
);
