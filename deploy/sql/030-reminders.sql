-- 030-reminders.sql
--
-- Reminder table for UseAdoNetReminderService(...) (Microsoft.Orleans
-- .Reminders.AdoNet 10.4.2) and its query texts. Requires
-- 001-orleans-query.sql.
--
-- WHAT THE PROVIDER EXPECTS (contract, as used by 10.4.2)
--   * @ServiceId is ClusterOptions.ServiceId: reminders survive cluster
--     redeployments (new ClusterId), so they are keyed by service, not cluster.
--   * @GrainId is the grain id's string form (text). @GrainHash, @BeginHash
--     and @EndHash are the grain's uniform hash, a uint reinterpreted as a
--     signed int4 - stored as such, and ranges are compared in signed order.
--   * @StartTime is a UTC DateTime (Npgsql sends timestamptz). @Period is the
--     period in milliseconds, sent as int4 normally and as int8 when it does
--     not fit; the column is bigint and is read back with GetInt64.
--   * The ETag is an integer "Version" column. Upsert returns the new
--     version; delete must only succeed for the caller's version and returns
--     one boolean column.
--   * Rows are returned with the columns "GrainId", "ReminderName",
--     "StartTime", "Period", "Version".
--   * Ring ranges are half-open, (begin, end]. The provider picks
--     ReadRangeRows1Key when begin < end in signed order (a plain interval)
--     and ReadRangeRows2Key otherwise (the range wraps around; begin = end
--     means the whole ring).

SELECT pg_advisory_xact_lock(7010426542);

CREATE TABLE IF NOT EXISTS orleans_reminder
(
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    start_time    timestamptz NOT NULL,
    period_ms     bigint      NOT NULL,
    grain_hash    integer     NOT NULL,
    version       integer     NOT NULL DEFAULT 0,
    CONSTRAINT orleans_reminder_pk
        PRIMARY KEY (service_id, grain_id, reminder_name)
);

-- Each silo loads the reminders of its slice of the hash ring.
CREATE INDEX IF NOT EXISTS orleans_reminder_ring_ix
    ON orleans_reminder (service_id, grain_hash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Create (version 0) or replace a reminder (version + 1); returns "Version".
('UpsertReminderRowKey', $q$
INSERT INTO orleans_reminder AS r
       (service_id, grain_id, reminder_name, start_time, period_ms,
        grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period,
        @GrainHash, 0)
ON CONFLICT ON CONSTRAINT orleans_reminder_pk DO UPDATE
   SET start_time = EXCLUDED.start_time,
       period_ms  = EXCLUDED.period_ms,
       grain_hash = EXCLUDED.grain_hash,
       version    = r.version + 1
RETURNING r.version AS "Version";
$q$),

-- All reminders of one grain.
('ReadReminderRowsKey', $q$
SELECT grain_id      AS "GrainId",
       reminder_name AS "ReminderName",
       start_time    AS "StartTime",
       period_ms     AS "Period",
       version       AS "Version"
  FROM orleans_reminder
 WHERE service_id = @ServiceId
   AND grain_id   = @GrainId;
$q$),

-- One reminder of one grain (no row = not found).
('ReadReminderRowKey', $q$
SELECT grain_id      AS "GrainId",
       reminder_name AS "ReminderName",
       start_time    AS "StartTime",
       period_ms     AS "Period",
       version       AS "Version"
  FROM orleans_reminder
 WHERE service_id    = @ServiceId
   AND grain_id      = @GrainId
   AND reminder_name = @ReminderName;
$q$),

-- Non-wrapping ring range (begin < end, signed).
('ReadRangeRows1Key', $q$
SELECT grain_id      AS "GrainId",
       reminder_name AS "ReminderName",
       start_time    AS "StartTime",
       period_ms     AS "Period",
       version       AS "Version"
  FROM orleans_reminder
 WHERE service_id = @ServiceId
   AND grain_hash > @BeginHash
   AND grain_hash <= @EndHash;
$q$),

-- Wrapping ring range: everything after begin plus everything up to end.
('ReadRangeRows2Key', $q$
SELECT grain_id      AS "GrainId",
       reminder_name AS "ReminderName",
       start_time    AS "StartTime",
       period_ms     AS "Period",
       version       AS "Version"
  FROM orleans_reminder
 WHERE service_id = @ServiceId
   AND (grain_hash > @BeginHash OR grain_hash <= @EndHash);
$q$),

-- Version-checked delete; always returns exactly one boolean row.
('DeleteReminderRowKey', $q$
WITH removed AS (
    DELETE FROM orleans_reminder
     WHERE service_id    = @ServiceId
       AND grain_id      = @GrainId
       AND reminder_name = @ReminderName
       AND version       = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM removed) AS "Deleted";
$q$),

-- Wipe all reminders of the service (test/maintenance helper of the table).
('DeleteReminderRowsKey', $q$
DELETE FROM orleans_reminder
 WHERE service_id = @ServiceId;
$q$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
