-- Pruning gallery_change (issue 13). Its rows are only a follow-up channel between instances: an instance that has
-- applied change n never reads rows numbered n or below again, and one that starts loads the whole gallery anyway. Kept
-- for ever they would hold the opaque id of every subject ever changed, erased ones included. GalleryChangePruning
-- deletes, periodically, every row up to the newest one older than the retention window
-- (safepassage.biometrics.gallery-change.retention): always a prefix of the numbers, which commit in order (V3).
--
-- The highest number deleted is kept here. An instance whose last applied change is below it has missed changes it
-- can no longer read (it fell further behind than the retention) and reloads its whole gallery instead.
create table gallery_change_pruned (
    only_row  boolean primary key default true check (only_row),
    up_to     bigint not null check (up_to >= 0)
);

insert into gallery_change_pruned (up_to) values (0);
