-- Who a retried write is for (issue 15). The outbox keeps the actor of the request that queued the work: the person's
-- pseudonymous IdP subject, or service:enrollment when no person asked. A retry names that actor on the ledger, not
-- whoever happens to be logged in when it runs. Never personal data (the services send only pseudonymous actors).
-- Rows queued before this column existed stay null and are retried as service:enrollment.
alter table ledger_outbox add column actor text;
