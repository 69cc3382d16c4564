-- Irises (issue 17). One row per enrolled eye, every biometric column AES-256-GCM ciphertext under the subject's data
-- key (docs/biometrics.md): the IrisCode with its mask for 1:N deduplication and identification (the iris gallery,
-- as biometric is the fingerprint one), the iris-fc-v1 helper data (the codeword XOR the code, and the enrolled mask)
-- and the eye's own commitment salt. The commitment is the value the ledger holds for this eye. Deleted with the
-- subject (cascade), so erasure removes the helper data with the salt, and destroying the data key shreds every copy.
create table iris (
    subject_id   text not null references subject (subject_id) on delete cascade,
    eye          text not null,                           -- LEFT, RIGHT
    code         bytea not null,                          -- the IrisCode and mask, encrypted
    helper       bytea not null,                          -- iris-fc-v1 helper data, encrypted
    salt         bytea not null,                          -- the eye's commitment salt, encrypted
    commitment   text not null,                           -- iris-fc-v1, as registered on the ledger
    pepper_id    text not null,
    primary key (subject_id, eye)
);

-- Every change of the iris gallery is numbered like the fingerprint gallery's, so other instances follow it.
create trigger iris_changed after insert or update or delete on iris
    for each row execute function gallery_changed();

-- Which modality a duplicate referral matched on; the score is that modality's (SourceAFIS similarity for
-- FINGERPRINT, normalised Hamming distance for IRIS, where lower is closer).
alter table duplicate_referral add column modality text not null default 'FINGERPRINT';
