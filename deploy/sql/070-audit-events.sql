-- 070-audit-events.sql
--
-- The audit trail (OrleansHealth.Silo.Audit.PostgresAuditTrail): one row per
-- read of patient data and per change, written before the answer leaves the
-- silo. Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE, so neither
-- the application nor a mistaken script can rewrite history. Retention is an
-- operator's decision taken deliberately (docs/security.md): drop the trigger,
-- archive and purge, recreate it.

SELECT pg_advisory_xact_lock(7010426542);

CREATE TABLE IF NOT EXISTS oh_audit_events
(
    service_id text        NOT NULL,
    id         uuid        NOT NULL,
    at         timestamptz NOT NULL,
    actor      text        NOT NULL,
    roles      text        NOT NULL,
    action     text        NOT NULL,
    patient_id text        NULL,
    object     text        NULL,
    outcome    text        NOT NULL,
    status     integer     NOT NULL,
    client     text        NULL,
    trace_id   text        NULL,
    PRIMARY KEY (service_id, id)
);

CREATE INDEX IF NOT EXISTS oh_audit_events_by_time ON oh_audit_events (service_id, at);
CREATE INDEX IF NOT EXISTS oh_audit_events_by_patient ON oh_audit_events (service_id, patient_id, at) WHERE patient_id IS NOT NULL;

CREATE OR REPLACE FUNCTION oh_audit_events_append_only() RETURNS trigger
LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'oh_audit_events is append-only (% refused)', TG_OP;
END;
$$;

CREATE OR REPLACE TRIGGER oh_audit_events_no_rewrite
    BEFORE UPDATE OR DELETE ON oh_audit_events
    FOR EACH ROW EXECUTE FUNCTION oh_audit_events_append_only();

CREATE OR REPLACE TRIGGER oh_audit_events_no_truncate
    BEFORE TRUNCATE ON oh_audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION oh_audit_events_append_only();
