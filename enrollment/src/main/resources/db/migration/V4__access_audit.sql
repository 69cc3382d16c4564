-- The access audit (issue 15, item 3): one row per read of a person's personal data, who, when, what and why.
-- Append-only and hash-chained: row n carries the SHA-256 of row n-1 (prev_hash) and its own (row_hash) over its
-- fields (audit/AuditChain.java is the one definition of the bytes hashed); the enrollment service anchors the head
-- (row count and row_hash) on the ledger (audit:AnchorAuditHead). No names, numbers or templates: subject ids and
-- guardian references are opaque, "what" names categories of data, never their values.
CREATE TABLE access_audit (
    seq        BIGINT PRIMARY KEY CHECK (seq > 0),
    read_at    TIMESTAMPTZ NOT NULL,
    actor      TEXT NOT NULL,
    purpose    TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    what       TEXT NOT NULL,
    prev_hash  BYTEA NOT NULL CHECK (octet_length(prev_hash) = 32),
    row_hash   BYTEA NOT NULL CHECK (octet_length(row_hash) = 32)
);
CREATE INDEX access_audit_subject ON access_audit (subject_id, seq);
CREATE INDEX access_audit_actor ON access_audit (actor, seq);
CREATE INDEX access_audit_read_at ON access_audit (read_at);

-- Append-only, twice over. A trigger refuses UPDATE, DELETE and TRUNCATE whoever asks (a superuser included, unless
-- they switch triggers off), and the privileges to do them are taken from everyone, the owner (the service's role)
-- included: the service may INSERT and SELECT, nothing else. The owner could grant them back or drop the trigger
-- (DDL, not a slip of the code); what catches that, and a superuser, is the hash chain and its anchors on the ledger.
CREATE FUNCTION access_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'access_audit is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER access_audit_no_change BEFORE UPDATE OR DELETE ON access_audit
    FOR EACH ROW EXECUTE FUNCTION access_audit_append_only();
CREATE TRIGGER access_audit_no_truncate BEFORE TRUNCATE ON access_audit
    FOR EACH STATEMENT EXECUTE FUNCTION access_audit_append_only();
REVOKE ALL ON access_audit FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON access_audit FROM CURRENT_USER;
