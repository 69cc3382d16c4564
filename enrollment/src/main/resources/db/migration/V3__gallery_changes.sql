-- Several enrollment instances behind one database (issue 13, item 3). Every change of the 1:N gallery (a template
-- enrolled, renewed or erased, or an enrollment the ledger refused) leaves a numbered row here, written by a trigger
-- so no code path can forget it, and a NOTIFY on channel gallery_change that carries the number. Each instance
-- re-reads the changed subjects' templates from biometric; one that missed notifications re-reads every change
-- after the last number it applied.
--
-- The trigger takes the same transaction-level advisory lock as deduplication (key 6556923092432584705, i.e.
-- 0x5AFEDED000000001; GalleryLock in the code). Numbers are drawn under that lock and it is released only at commit,
-- so changes become visible in the order of their numbers: an instance that has applied number n has seen every
-- change numbered below n. Without the lock, a lower number could commit after a higher one and be skipped.
create table gallery_change (
    seq         bigserial primary key,
    subject_id  text not null,
    changed_at  timestamptz not null default now()
);

create function gallery_changed() returns trigger language plpgsql as $$
declare
    changed text;
    number  bigint;
begin
    changed := case when tg_op = 'DELETE' then old.subject_id else new.subject_id end;
    perform pg_advisory_xact_lock(6556923092432584705);
    insert into gallery_change (subject_id) values (changed) returning seq into number;
    perform pg_notify('gallery_change', number::text);
    return null;
end
$$;

create trigger biometric_changed after insert or update or delete on biometric
    for each row execute function gallery_changed();
