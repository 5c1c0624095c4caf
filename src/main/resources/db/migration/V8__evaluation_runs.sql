-- Evaluation runs: what was run (dataset and its hash, library state, composer, model, prompt, policy version,
-- configuration), the summary metrics and every question's result.
CREATE TABLE eval_run (
    id               VARCHAR(64)   PRIMARY KEY,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    dataset          VARCHAR(1024) NOT NULL,
    dataset_sha256   CHAR(64)      NOT NULL,
    library_documents INTEGER      NOT NULL,
    library_sha256   CHAR(64)      NOT NULL,
    composer         VARCHAR(64)   NOT NULL,
    model            VARCHAR(255)  NOT NULL,
    prompt           VARCHAR(255)  NOT NULL,
    policy_version   VARCHAR(64)   NOT NULL,
    configuration    TEXT          NOT NULL,
    summary          TEXT          NOT NULL,
    items            TEXT          NOT NULL
);

CREATE INDEX eval_run_created ON eval_run (created_at);
