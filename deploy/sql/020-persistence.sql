-- 020-persistence.sql
--
-- Grain state storage for AddAdoNetGrainStorage(...) (Microsoft.Orleans
-- .Persistence.AdoNet 10.4.2) and its query texts. Requires
-- 001-orleans-query.sql. Needs PostgreSQL 15+ (UNIQUE NULLS NOT DISTINCT).
--
-- WHAT THE PROVIDER EXPECTS (contract, as used by 10.4.2)
--   * Keys: WriteToStorageKey, ReadFromStorageKey, ClearStorageKey are
--     required; DeleteStorageKey is needed when the provider is configured
--     with DeleteStateOnClear = true (we always install it).
--   * Every query receives the same identity parameters:
--       @ServiceId (text), @GrainTypeString (text, generic arity stripped),
--       @GrainTypeHash / @GrainIdHash (int4 hashes of the two strings),
--       @GrainIdN0 / @GrainIdN1 (int8: the two halves of a Guid key, or 0 and
--       the integer key), @GrainIdExtensionString (text: the key extension or
--       the whole string key; NULL for plain Guid/integer keys).
--     Write/clear/delete also get @GrainStateVersion (int4, NULL when the
--     grain never saw a stored record) and write gets @PayloadBinary (bytea).
--   * The ETag is an integer version. A write/clear/delete must only apply
--     when the stored version equals @GrainStateVersion (or, for a first
--     write, when no row exists), and must then report the NEW version.
--     The provider raises InconsistentStateException when the reported value
--     is NULL/absent or equal to the ETag it sent, so "no row affected" is
--     signalled simply by returning NULL or no row.
--   * Read returns columns "PayloadBinary" (NULL = no state) and "Version";
--     zero rows means "never written".

SELECT pg_advisory_xact_lock(7010426542);

CREATE TABLE IF NOT EXISTS orleans_grain_state
(
    service_id      text        NOT NULL,
    grain_type      text        NOT NULL,
    grain_type_hash integer     NOT NULL,
    grain_id_hash   integer     NOT NULL,
    grain_id_n0     bigint      NOT NULL,
    grain_id_n1     bigint      NOT NULL,
    grain_key_ext   text        NULL,
    payload         bytea       NULL,
    version         integer     NOT NULL,
    modified_at     timestamptz NOT NULL DEFAULT now()
);

-- The natural key of a grain's state. It is what makes the first write safe
-- against a racing duplicate activation (INSERT ... ON CONFLICT DO NOTHING),
-- and it is also the lookup index for every query (its leading columns are
-- all compared with '='). The two free-text parts are indexed through md5()
-- so that arbitrarily long grain keys never hit the btree row-size limit;
-- NULLS NOT DISTINCT makes "no key extension" one value, not many.
CREATE UNIQUE INDEX IF NOT EXISTS orleans_grain_state_identity_ux
    ON orleans_grain_state
       (service_id, grain_type_hash, grain_id_hash, grain_id_n0, grain_id_n1,
        md5(grain_type), md5(grain_key_ext))
    NULLS NOT DISTINCT;

-- Write: first write inserts version 1, later writes bump the version if (and
-- only if) the caller holds the current one. Returns the new version, or NULL
-- when the caller's ETag is stale / a row already exists for a first write.
CREATE OR REPLACE FUNCTION orleans_grain_state_write(
    p_service_id       text,
    p_grain_type       text,
    p_grain_type_hash  integer,
    p_grain_id_hash    integer,
    p_grain_id_n0      bigint,
    p_grain_id_n1      bigint,
    p_grain_key_ext    text,
    p_expected_version integer,
    p_payload          bytea)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
    v_new_version integer;
BEGIN
    IF p_expected_version IS NULL THEN
        INSERT INTO orleans_grain_state
            (service_id, grain_type, grain_type_hash, grain_id_hash,
             grain_id_n0, grain_id_n1, grain_key_ext, payload, version,
             modified_at)
        VALUES
            (p_service_id, p_grain_type, p_grain_type_hash, p_grain_id_hash,
             p_grain_id_n0, p_grain_id_n1, p_grain_key_ext, p_payload, 1,
             now())
        ON CONFLICT DO NOTHING
        RETURNING version INTO v_new_version;
    ELSE
        UPDATE orleans_grain_state AS g
           SET payload     = p_payload,
               version     = g.version + 1,
               modified_at = now()
         WHERE g.service_id      = p_service_id
           AND g.grain_type_hash = p_grain_type_hash
           AND g.grain_id_hash   = p_grain_id_hash
           AND g.grain_id_n0     = p_grain_id_n0
           AND g.grain_id_n1     = p_grain_id_n1
           AND g.grain_type      = p_grain_type
           AND g.grain_key_ext IS NOT DISTINCT FROM p_grain_key_ext
           AND g.version         = p_expected_version
        RETURNING g.version INTO v_new_version;
    END IF;

    RETURN v_new_version;
END
$fn$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

('WriteToStorageKey', $q$
SELECT orleans_grain_state_write(
    @ServiceId, @GrainTypeString, @GrainTypeHash, @GrainIdHash,
    @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
    @GrainStateVersion, @PayloadBinary) AS "NewGrainStateVersion";
$q$),

('ReadFromStorageKey', $q$
SELECT payload AS "PayloadBinary",
       version AS "Version"
  FROM orleans_grain_state
 WHERE service_id      = @ServiceId
   AND grain_type_hash = @GrainTypeHash
   AND grain_id_hash   = @GrainIdHash
   AND grain_id_n0     = @GrainIdN0
   AND grain_id_n1     = @GrainIdN1
   AND grain_type      = @GrainTypeString
   AND grain_key_ext IS NOT DISTINCT FROM @GrainIdExtensionString;
$q$),

-- ClearStateAsync with DeleteStateOnClear = false (the default): keep the row
-- as a tombstone (payload NULL) and bump the version, so a later write by a
-- stale activation is still detected.
('ClearStorageKey', $q$
UPDATE orleans_grain_state
   SET payload     = NULL,
       version     = version + 1,
       modified_at = now()
 WHERE service_id      = @ServiceId
   AND grain_type_hash = @GrainTypeHash
   AND grain_id_hash   = @GrainIdHash
   AND grain_id_n0     = @GrainIdN0
   AND grain_id_n1     = @GrainIdN1
   AND grain_type      = @GrainTypeString
   AND grain_key_ext IS NOT DISTINCT FROM @GrainIdExtensionString
   AND version         = @GrainStateVersion
RETURNING version AS "NewGrainStateVersion";
$q$),

-- ClearStateAsync with DeleteStateOnClear = true: remove the row. The
-- provider only checks that the value returned differs from the ETag it sent
-- (it then resets the grain's ETag to null), so report version + 1.
('DeleteStorageKey', $q$
DELETE FROM orleans_grain_state
 WHERE service_id      = @ServiceId
   AND grain_type_hash = @GrainTypeHash
   AND grain_id_hash   = @GrainIdHash
   AND grain_id_n0     = @GrainIdN0
   AND grain_id_n1     = @GrainIdN1
   AND grain_type      = @GrainTypeString
   AND grain_key_ext IS NOT DISTINCT FROM @GrainIdExtensionString
   AND version         = @GrainStateVersion
RETURNING version + 1 AS "NewGrainStateVersion";
$q$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
