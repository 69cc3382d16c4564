-- An outbox that cannot jam (issue 14). Work that fails for a reason retrying cannot fix is set aside as DEAD, with its
-- reason, for an operator; work that fails for a passing reason waits until next_attempt_at (growing backoff). Order
-- is kept per subject only: a subject's later work waits behind its earlier work, nobody else's does.
alter table ledger_outbox
    add column state           text not null default 'PENDING',   -- PENDING, DEAD
    add column next_attempt_at timestamptz,
    add column failed_at       timestamptz;                       -- when it was set aside
update ledger_outbox set next_attempt_at = created_at;
alter table ledger_outbox alter column next_attempt_at set not null;
create index ledger_outbox_due on ledger_outbox (state, next_attempt_at);
create index ledger_outbox_per_subject on ledger_outbox (subject_id, id);
