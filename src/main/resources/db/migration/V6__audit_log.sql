-- The audit log: an append-only, hash-chained record of every interaction, rating, erasure and purge.
-- hash = SHA-256(prev_hash, seq, kind, recorded_at, metadata, text_hash); text_hash = SHA-256 of the personal fields
-- (username, question, answer, comment), which erasure and retention may set to NULL while the chain still verifies.
-- The filter columns (interaction_id .. rating; rules and courses as ",a,b,") repeat values of metadata so that queries can use them; verification
-- checks that they agree with it.
CREATE TABLE audit_record (
    seq            BIGINT        PRIMARY KEY,
    id             VARCHAR(36)   NOT NULL UNIQUE,
    kind           VARCHAR(16)   NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    interaction_id VARCHAR(36),
    pseudonym      VARCHAR(64),
    username       VARCHAR(64),
    outcome        VARCHAR(16),
    language       VARCHAR(16),
    rules          VARCHAR(1000),
    courses        VARCHAR(1000),
    composer       VARCHAR(64),
    model          VARCHAR(255),
    prompt         VARCHAR(255),
    rating         SMALLINT,
    metadata       VARCHAR(1000000) NOT NULL,
    question       VARCHAR(1000000),
    answer         VARCHAR(1000000),
    comment        VARCHAR(1000000),
    text_hash      VARCHAR(64)   NOT NULL,
    prev_hash      VARCHAR(64)   NOT NULL,
    hash           VARCHAR(64)   NOT NULL
);

CREATE INDEX audit_record_time ON audit_record (recorded_at);
CREATE INDEX audit_record_interaction ON audit_record (interaction_id, kind);
CREATE INDEX audit_record_pseudonym ON audit_record (pseudonym, seq);

-- The chain's head: one row, locked (SELECT ... FOR UPDATE) by every append so that concurrent writers never fork it.
CREATE TABLE audit_head (
    id   INT         PRIMARY KEY,
    seq  BIGINT      NOT NULL,
    hash VARCHAR(64) NOT NULL
);

INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Researchers' judgements of a record; not part of the chain (a record's content never changes).
CREATE TABLE audit_annotation (
    id         VARCHAR(36)   PRIMARY KEY,
    record_id  VARCHAR(36)   NOT NULL,
    annotator  VARCHAR(64)   NOT NULL,
    label      VARCHAR(16)   NOT NULL,
    comment    VARCHAR(2000),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX audit_annotation_record ON audit_annotation (record_id, created_at);
