-- 001-orleans-query.sql
--
-- The query catalogue for Orleans' ADO.NET providers (clustering, grain
-- persistence, reminders).
--
-- WHY THIS TABLE EXISTS
--   The Microsoft.Orleans.*.AdoNet packages contain no SQL of their own. When a
--   provider starts it runs, verbatim, `SELECT QueryKey, QueryText FROM
--   OrleansQuery` (persistence adds a WHERE on its own keys) and afterwards only
--   ever executes the text it found there, binding its values as @Name
--   parameters. A provider whose keys are missing refuses to start, so this
--   table and the keys inserted by the 010/020/030 scripts are a hard prerequisite.
--
-- NAMING
--   The provider's statement is unquoted, so PostgreSQL folds it to
--   orleansquery(querykey, querytext); the unquoted names below resolve to the
--   same thing. Everything in these scripts is created unqualified, so it lands
--   in the first schema of the connection's search_path (set
--   `Search Path=...` in the connection string to use a dedicated schema; the
--   silo must use the same connection string at run time).
--
-- HOW THESE SCRIPTS ARE RUN
--   The silo's `migrate` command sends each file, in file-name order, as one
--   multi-statement NpgsqlCommand inside a transaction. Hence: no psql
--   meta-commands, no top-level BEGIN/COMMIT, and every statement must be
--   re-runnable (IF NOT EXISTS / CREATE OR REPLACE / ON CONFLICT ... DO UPDATE),
--   so that running a script again also refreshes the stored query texts.
--
-- CONCURRENCY
--   Two silos migrating at the same moment could race on CREATE TABLE IF NOT
--   EXISTS / CREATE OR REPLACE FUNCTION ("tuple concurrently updated",
--   duplicate pg_type rows). Every script therefore first takes the same
--   transaction-scoped advisory lock; a second migrator waits until the first
--   commits and then finds everything already in place. The key is arbitrary
--   but must be identical in every file.

SELECT pg_advisory_xact_lock(7010426542);

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    -- The provider looks keys up by exact (case-sensitive) name, e.g.
    -- 'MembershipReadAllKey'. 64 characters is plenty for every key in use.
    QueryKey  varchar(64) NOT NULL,
    -- Read as a .NET string and executed as-is, with @Name placeholders that
    -- Npgsql rewrites into positional parameters.
    QueryText text        NOT NULL,
    CONSTRAINT orleansquery_pk PRIMARY KEY (QueryKey)
);

COMMENT ON TABLE OrleansQuery IS
    'Orleans ADO.NET provider query catalogue (deploy/sql). Keys are looked up by exact name; rows are rewritten by re-running the deploy/sql scripts.';
