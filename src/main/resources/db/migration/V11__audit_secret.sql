-- The key of users' pseudonyms, one row, kept with the records it pseudonymises: every instance that shares the
-- database gives a user the same pseudonym. A key from an older data directory's audit-secret file is moved here.
CREATE TABLE audit_secret (
    id     INTEGER      PRIMARY KEY,
    secret VARCHAR(128) NOT NULL
);
