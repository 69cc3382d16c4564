-- guardian-notify: the red flags the rules found, for the analysts' hit counts over time. One row per alert id (an id
-- derived from the evidence, so a replayed stream adds nothing). No subject: the counts need the rule, post and day.
CREATE TABLE red_flag_hit (
    alert_id  TEXT PRIMARY KEY,
    rule      TEXT NOT NULL,
    post      TEXT,
    raised_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX red_flag_hit_raised ON red_flag_hit (raised_at);
