-- guardian-notify: erasure of a subject's SMS records (DELETE /internal/v1/subjects/{subjectId}/messages).
-- Every text about a subject's requests must be findable, here and at Twilio, so the sids of the confirmation texts
-- and the request an inbound reply was matched to are kept too.

-- The confirmation texted after a decision was recorded (the request text's sid is message_sid, the reply's reply_sid).
ALTER TABLE guardian_message ADD COLUMN confirmation_sid TEXT UNIQUE;

-- The request an inbound text was matched to, when it was (a decision, an expired or a locked code).
ALTER TABLE inbound_message ADD COLUMN request_id TEXT;
CREATE INDEX inbound_message_request ON inbound_message (request_id) WHERE request_id IS NOT NULL;

CREATE INDEX crossing_request_subject ON crossing_request (subject_id);

-- Requests of erased subjects, as keyed hashes of their ids (HMAC with safepassage.notify.code-key, nothing else can
-- be read from them): a redelivered event for one (after a crash or a rewound checkpoint) creates nothing again.
CREATE TABLE erased_request (
    request_hash BYTEA PRIMARY KEY,
    erased_at    TIMESTAMPTZ NOT NULL
);
