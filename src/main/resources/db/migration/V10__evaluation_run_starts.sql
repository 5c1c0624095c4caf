-- Evaluation runs started over HTTP or from the pages: who started which question set, how far the run has come, and
-- how it ended (running, done, failed with the reason). A run that is done is stored in eval_run under the same id.
CREATE TABLE eval_run_start (
    id          VARCHAR(64)   PRIMARY KEY,
    dataset     VARCHAR(1024) NOT NULL,
    started_by  VARCHAR(64)   NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    status      VARCHAR(16)   NOT NULL,
    reason      VARCHAR(2000),
    questions   INTEGER       NOT NULL,
    asked       INTEGER       NOT NULL
);

CREATE INDEX eval_run_start_status ON eval_run_start (status);
