-- 010-clustering.sql
--
-- Storage for Orleans cluster membership (UseAdoNetClustering on silos and
-- clients; Microsoft.Orleans.Clustering.AdoNet 10.4.2) plus the query texts the
-- provider reads from OrleansQuery. Requires 001-orleans-query.sql.
--
-- WHAT THE PROVIDER EXPECTS (contract, as used by 10.4.2)
--   * "DeploymentId" in every query is ClusterOptions.ClusterId.
--   * A silo is identified by (Address, Port, Generation). Address arrives as
--     text (IPv4/IPv6 literal), Port/Generation/Status/ProxyPort as int4,
--     StartTime/IAmAliveTime as UTC DateTime, which Npgsql sends as
--     timestamptz - hence timestamptz columns (a `timestamp` column would be
--     silently shifted by the session TimeZone).
--   * The whole table has ONE version number per cluster. Readers get it in a
--     column named "Version" and use it as the table ETag. Inserting or
--     updating a silo row must succeed only if the caller's @Version equals
--     the stored version, and must then bump it by one - atomically with the
--     row change. A failed check returns false, never an error.
--   * Read queries must always return at least one row (the version row),
--     even when no silo row matches: the provider takes the table version from
--     the first row and treats a NULL "StartTime" as "no silo in this row".
--   * Column names are matched by name; the aliases below spell them exactly
--     as the provider asks ("Address", "ProxyPort", ...).
--   * Status values are Orleans' SiloStatus: 3 = Active, 6 = Dead.
--   * I-am-alive heartbeats and defunct-row cleanup do NOT bump the version:
--     they are not membership changes.

SELECT pg_advisory_xact_lock(7010426542);

-- ---------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------

-- One row per cluster: the membership table's version (its ETag).
CREATE TABLE IF NOT EXISTS orleans_membership_version
(
    deployment_id text        NOT NULL,
    version       integer     NOT NULL DEFAULT 0,
    changed_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orleans_membership_version_pk PRIMARY KEY (deployment_id)
);

-- One row per silo incarnation. ON DELETE CASCADE lets "delete the whole
-- cluster" be a single statement on the version row.
CREATE TABLE IF NOT EXISTS orleans_membership_silo
(
    deployment_id   text        NOT NULL,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    -- SiloName and HostName are read back without NULL handling: keep NOT NULL.
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,
    -- Read back with GetInt32, so it may not be NULL; 0 means "no gateway".
    proxy_port      integer     NOT NULL DEFAULT 0,
    -- Orleans' own encoding: "silo,date|silo,date"; NULL when nobody suspects.
    suspect_times   text        NULL,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    CONSTRAINT orleans_membership_silo_pk
        PRIMARY KEY (deployment_id, address, port, generation),
    CONSTRAINT orleans_membership_silo_version_fk
        FOREIGN KEY (deployment_id)
        REFERENCES orleans_membership_version (deployment_id)
        ON DELETE CASCADE
);

-- ---------------------------------------------------------------------------
-- Functions for the two version-checked writes. Both lock the cluster's
-- version row first, so concurrent writers from different silos serialise on
-- it; the check, the row change and the version bump then happen in one
-- transaction, which is what the membership protocol relies on.
-- ---------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION orleans_membership_add_silo(
    p_deployment_id    text,
    p_address          text,
    p_port             integer,
    p_generation       integer,
    p_silo_name        text,
    p_host_name        text,
    p_status           integer,
    p_proxy_port       integer,
    p_start_time       timestamptz,
    p_i_am_alive_time  timestamptz,
    p_expected_version integer)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
DECLARE
    v_version integer;
BEGIN
    SELECT mv.version INTO v_version
      FROM orleans_membership_version AS mv
     WHERE mv.deployment_id = p_deployment_id
       FOR UPDATE;

    -- Unknown cluster or somebody changed the table since the caller read it.
    IF NOT FOUND OR v_version IS DISTINCT FROM p_expected_version THEN
        RETURN false;
    END IF;

    INSERT INTO orleans_membership_silo
        (deployment_id, address, port, generation, silo_name, host_name,
         status, proxy_port, suspect_times, start_time, i_am_alive_time)
    VALUES
        (p_deployment_id, p_address, p_port, p_generation, p_silo_name,
         p_host_name, p_status, coalesce(p_proxy_port, 0), NULL, p_start_time,
         p_i_am_alive_time)
    ON CONFLICT ON CONSTRAINT orleans_membership_silo_pk DO NOTHING;

    -- The silo incarnation is already registered: report failure and leave
    -- the version untouched.
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership_version
       SET version = version + 1,
           changed_at = now()
     WHERE deployment_id = p_deployment_id;

    RETURN true;
END
$fn$;

CREATE OR REPLACE FUNCTION orleans_membership_change_silo(
    p_deployment_id    text,
    p_address          text,
    p_port             integer,
    p_generation       integer,
    p_status           integer,
    p_suspect_times    text,
    p_i_am_alive_time  timestamptz,
    p_expected_version integer)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
DECLARE
    v_version integer;
BEGIN
    SELECT mv.version INTO v_version
      FROM orleans_membership_version AS mv
     WHERE mv.deployment_id = p_deployment_id
       FOR UPDATE;

    IF NOT FOUND OR v_version IS DISTINCT FROM p_expected_version THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership_silo AS s
       SET status          = p_status,
           suspect_times   = p_suspect_times,
           i_am_alive_time = p_i_am_alive_time
     WHERE s.deployment_id = p_deployment_id
       AND s.address       = p_address
       AND s.port          = p_port
       AND s.generation    = p_generation;

    -- No such silo row: nothing changed, so the version must not move either.
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership_version
       SET version = version + 1,
           changed_at = now()
     WHERE deployment_id = p_deployment_id;

    RETURN true;
END
$fn$;

-- ---------------------------------------------------------------------------
-- Query texts. Dollar quoting ($q$...$q$) keeps the SQL readable (no doubled
-- quotes). Parameter names after @ are fixed by the provider.
-- ---------------------------------------------------------------------------

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Silo start-up: make sure the cluster has its version row. Must return one
-- boolean column (true = this call created it); the value is only logged.
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id, version)
    VALUES (@DeploymentId, 0)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM created) AS "Created";
$q$),

-- A silo announces itself (normally with status Joining). One boolean column.
('InsertMembershipKey', $q$
SELECT orleans_membership_add_silo(
    @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
    @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version) AS "Inserted";
$q$),

-- Status changes and suspicion votes. @SuspectTimes may be NULL. One boolean.
('UpdateMembershipKey', $q$
SELECT orleans_membership_change_silo(
    @DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes,
    @IAmAliveTime, @Version) AS "Updated";
$q$),

-- Periodic heartbeat; result ignored, version untouched.
('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership_silo
   SET i_am_alive_time = @IAmAliveTime
 WHERE deployment_id = @DeploymentId
   AND address       = @Address
   AND port          = @Port
   AND generation    = @Generation;
$q$),

-- One silo plus the table version. The LEFT JOIN guarantees the version row
-- comes back even when the silo is not (yet) registered.
('MembershipReadRowKey', $q$
SELECT s.address         AS "Address",
       s.port            AS "Port",
       s.generation      AS "Generation",
       s.silo_name       AS "SiloName",
       s.host_name       AS "HostName",
       s.status          AS "Status",
       s.proxy_port      AS "ProxyPort",
       s.suspect_times   AS "SuspectTimes",
       s.start_time      AS "StartTime",
       s.i_am_alive_time AS "IAmAliveTime",
       v.version         AS "Version"
  FROM orleans_membership_version AS v
  LEFT JOIN orleans_membership_silo AS s
         ON s.deployment_id = v.deployment_id
        AND s.address       = @Address
        AND s.port          = @Port
        AND s.generation    = @Generation
 WHERE v.deployment_id = @DeploymentId;
$q$),

-- Every silo of the cluster plus the table version (same shape as above).
('MembershipReadAllKey', $q$
SELECT s.address         AS "Address",
       s.port            AS "Port",
       s.generation      AS "Generation",
       s.silo_name       AS "SiloName",
       s.host_name       AS "HostName",
       s.status          AS "Status",
       s.proxy_port      AS "ProxyPort",
       s.suspect_times   AS "SuspectTimes",
       s.start_time      AS "StartTime",
       s.i_am_alive_time AS "IAmAliveTime",
       v.version         AS "Version"
  FROM orleans_membership_version AS v
  LEFT JOIN orleans_membership_silo AS s
         ON s.deployment_id = v.deployment_id
 WHERE v.deployment_id = @DeploymentId;
$q$),

-- Drop a whole cluster (used by tooling/tests). Silo rows go via the cascade.
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_membership_version
 WHERE deployment_id = @DeploymentId;
$q$),

-- Clients (and silos acting as clients) look for gateways here: active silos
-- that opened a gateway port. @Status is always SiloStatus.Active (3).
('GatewaysQueryKey', $q$
SELECT address    AS "Address",
       proxy_port AS "ProxyPort",
       generation AS "Generation"
  FROM orleans_membership_silo
 WHERE deployment_id = @DeploymentId
   AND status        = @Status
   AND proxy_port    > 0;
$q$),

-- Mandatory bulk clean-up of defunct silos (ClusterMembershipOptions
-- .DefunctSiloCleanupPeriod / DefunctSiloExpiration). @IAmAliveTime is the
-- cut-off. 10.4.2 only calls this when the optional per-row key below is
-- absent, but it refuses to start without it. We delete only rows already
-- declared Dead whose last sign of life (start or heartbeat) is older than the
-- cut-off - the same rows the per-row variant would pick. The version is not
-- bumped: removing dead rows does not change who is in the cluster.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership_silo
 WHERE deployment_id = @DeploymentId
   AND status        = 6
   AND greatest(start_time, i_am_alive_time) < @IAmAliveTime;
$q$),

-- Optional in 10.4.2, used when present: the provider reads the table itself,
-- picks Dead rows older than the cut-off with no recent suspicion votes, and
-- deletes them one by one, passing back the values it saw. Deleting only when
-- the row still holds exactly those values means a row that changed since the
-- read is left alone. Timestamps round-trip exactly (microseconds are kept);
-- suspect times are compared with NULL and '' treated alike.
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleans_membership_silo
 WHERE deployment_id   = @DeploymentId
   AND address         = @Address
   AND port            = @Port
   AND generation      = @Generation
   AND status          = 6
   AND start_time      = @StartTime
   AND i_am_alive_time = @IAmAliveTime
   AND coalesce(suspect_times, '') = coalesce(@SuspectTimes, '');
$q$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
