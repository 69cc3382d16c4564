-- guardian-notify: escalation of crossing requests no guardian can be reached for, or none answers, to the
-- child-protection duty officer. One row per request, ever: inserting it claims the one alert text (state SENDING), so
-- the duty officer is texted at most once per request, across restarts and rounds. A crash mid-send leaves SENDING,
-- which a restart turns into SEND_UNKNOWN: never resent.
CREATE TABLE duty_escalation (
    request_id    TEXT PRIMARY KEY REFERENCES crossing_request (request_id),
    reason        TEXT NOT NULL,
    state         TEXT NOT NULL,
    message_sid   TEXT UNIQUE,
    provider_error INT,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
