-- guardian-notify: the analysts' oversight projection. Every chaincode event the consumer reads becomes one or more
-- activity rows, written in the same transaction as the consumer's checkpoint. Nothing personal: the ledger holds
-- none, so subject, guardian and request ids here are the ledger's opaque ids. Erasing a subject deletes its rows.
CREATE TABLE subject_activity (
    transaction_id  TEXT NOT NULL,
    -- one transaction can give several rows (a decision that also approves, a crossing that raises an alert)
    seq             INT NOT NULL,
    block_number    BIGINT NOT NULL,
    subject_id      TEXT NOT NULL,
    kind            TEXT NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    post            TEXT,
    direction       TEXT,
    outcome         TEXT,
    decision        TEXT,
    guardian_ref    TEXT,
    request_id      TEXT,
    crossing_id     TEXT,
    alert_id        TEXT,
    alert_type      TEXT,
    legal_basis     TEXT,
    override_reason TEXT,
    PRIMARY KEY (transaction_id, seq)
);
CREATE INDEX subject_activity_subject ON subject_activity (subject_id, occurred_at);
CREATE INDEX subject_activity_kind ON subject_activity (kind, occurred_at);
CREATE INDEX subject_activity_request ON subject_activity (request_id) WHERE request_id IS NOT NULL;
