-- The enrollment vault. Every column that says something about a person is AES-256-GCM ciphertext under that
-- person's data key (see docs/biometrics.md); what stays in clear is opaque ids, states, dates and counts.
-- Erasure deletes every row below that carries a subject id, except the erasure record, which names no one.

-- A subject's data key, wrapped by the key-encryption key. Deleting the row crypto-shreds every copy of the
-- subject's ciphertext, including ones left in old WAL segments, dead tuples and backups.
create table subject_key (
    subject_id  text primary key,
    kek_id      text  not null,
    wrapped     bytea not null
);

create table subject (
    subject_id              text primary key references subject_key (subject_id),
    request_id              text not null unique,         -- the officer's idempotency key for the enrollment
    request_digest          bytea not null,               -- SHA-256 of the request, to tell a retry from a reuse
    protection_class        text not null,
    approval_quorum         integer not null,
    guardian_version        integer not null,             -- the guardian version the ledger holds
    pending_guardian_version integer,                     -- a replacement waiting for the ledger
    pending_quorum          integer,
    consent_required_until  text,                         -- yyyy-MM, as on the ledger
    personal                bytea not null,               -- names, birth date, sex, place of birth, languages
    photo                   bytea,
    consent                 bytea not null,               -- who consented, on what legal basis, when
    salt                    bytea not null,               -- the commitment salt, encrypted
    scheme                  text not null,
    commitment              text not null,                -- as registered on the ledger
    pepper_id               text not null,
    ledger_state            text not null,                -- PENDING, REGISTERED
    ledger_tx_id            text,
    enrolled_by             text not null,
    created_at              timestamptz not null,
    updated_at              timestamptz not null
);

-- Guardians, in versions: a replacement is written as a new version, put on the ledger, and only then made current,
-- so the notifier can always resolve every guardian reference the ledger holds.
create table guardian (
    guardian_ref   text primary key,
    subject_id     text not null references subject (subject_id) on delete cascade,
    version        integer not null,
    position       integer not null,
    details        bytea not null,                        -- name, relation, phone number, language
    phone_verified boolean not null,
    unique (subject_id, version, position)
);

-- The 1:N gallery: one enrolled fingerprint per row. The commitment covers all of a subject's templates.
create table biometric (
    subject_id   text not null references subject (subject_id) on delete cascade,
    finger       text not null,
    template     bytea not null,                          -- the SourceAFIS template, encrypted
    primary key (subject_id, finger)
);

-- Phone numbers proven by a one-time SMS code, waiting to be attached to a guardian. Only a keyed hash of the
-- number is kept; the row is consumed by the enrollment that uses it.
create table phone_verification (
    verification_id  text primary key,
    phone_digest     bytea not null,
    verified_at      timestamptz,
    created_at       timestamptz not null
);

-- Ledger work that must happen after a local commit: retried until the ledger has it, so a crash between the
-- database and the ledger never leaves an orphan on either side.
create table ledger_outbox (
    id           bigserial primary key,
    subject_id   text not null,
    operation    text not null,                           -- REGISTER, REPLACE_GUARDIANS, ERASE
    attempts     integer not null default 0,
    last_error   text,
    created_at   timestamptz not null,
    unique (subject_id, operation)
);

-- What is left of an erased subject: an opaque id, the erasure request and the certificate. Names no one.
create table erasure (
    subject_id    text primary key,
    request_ref   text not null unique,
    erased_at     timestamptz not null,
    erased_items  text not null,                          -- JSON list of what was destroyed
    ledger_tx_id  text,
    certificate   text                                    -- signed JSON, once the ledger has the tombstone
);

-- Duplicate enrollments referred to a supervisor. Holds no personal data of the new applicant: only the ids and
-- the score; the supervisor meets the applicant in person.
create table duplicate_referral (
    referral_id          text primary key,
    request_id           text not null,
    candidate_subject_id text not null,
    score                double precision not null,
    referred_by          text not null,
    created_at           timestamptz not null,
    resolved_by          text,
    resolution           text
);
