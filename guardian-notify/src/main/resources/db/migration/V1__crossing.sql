-- guardian-notify: durable state of the crossing-approval flow. No child's data; guardians' phone numbers only as
-- keyed hashes (HMAC with safepassage.notify.code-key), codes only as keyed hashes bound to request and guardian.

-- Where the chaincode event consumer resumes: after transaction_id in block_number (Fabric Gateway checkpoint).
CREATE TABLE event_checkpoint (
    consumer       TEXT PRIMARY KEY,
    block_number   BIGINT NOT NULL,
    transaction_id TEXT,
    updated_at     TIMESTAMPTZ NOT NULL
);

-- One row per crossing request seen on the ledger, with its decision state as the ledger reported it.
CREATE TABLE crossing_request (
    request_id      TEXT PRIMARY KEY,
    subject_id      TEXT NOT NULL,
    post            TEXT NOT NULL,
    direction       TEXT NOT NULL,
    companion_ref   TEXT,
    approval_quorum INT NOT NULL,
    guardian_count  INT NOT NULL,
    status          TEXT NOT NULL,
    approvals       INT NOT NULL DEFAULT 0,
    refusals        INT NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL,
    block_number    BIGINT NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

-- The outbox: at most one code and one text per request and guardian, ever.
CREATE TABLE guardian_message (
    request_id        TEXT NOT NULL REFERENCES crossing_request (request_id),
    guardian_ref      TEXT NOT NULL,
    state             TEXT NOT NULL,
    phone_hash        BYTEA,
    language          TEXT,
    code_hash         BYTEA,
    code_expires_at   TIMESTAMPTZ,
    message_sid       TEXT UNIQUE,
    delivery_status   TEXT,
    delivery_error    INT,
    send_attempts     INT NOT NULL DEFAULT 0,
    wrong_attempts    INT NOT NULL DEFAULT 0,
    locked            BOOLEAN NOT NULL DEFAULT FALSE,
    decision          TEXT,
    decision_state    TEXT,
    decision_evidence TEXT,
    reply_sid         TEXT UNIQUE,
    decided_at        TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (request_id, guardian_ref)
);
CREATE INDEX guardian_message_awaiting_reply ON guardian_message (phone_hash) WHERE state = 'SENT' AND decision IS NULL;

-- Every inbound SMS webhook accepted, once per MessageSid: a redelivered webhook finds its row and does nothing.
CREATE TABLE inbound_message (
    message_sid TEXT PRIMARY KEY,
    phone_hash  BYTEA NOT NULL,
    kind        TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    received_at TIMESTAMPTZ NOT NULL
);

-- Numbers that texted STOP: nothing more is sent to them until they text START.
CREATE TABLE opt_out (
    phone_hash   BYTEA PRIMARY KEY,
    opted_out_at TIMESTAMPTZ NOT NULL
);
