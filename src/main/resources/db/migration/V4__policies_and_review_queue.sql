-- Every policy version an administrator put in force (the latest is in force), and the review queue: verdicts that a
-- person must follow up (high-severity refusals, rules whose action is review).
CREATE TABLE guardrails_policy (
    version     VARCHAR(64)  PRIMARY KEY,
    yaml        CLOB         NOT NULL,
    uploaded_by VARCHAR(64)  NOT NULL,
    uploaded_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE review_item (
    id             VARCHAR(36)   PRIMARY KEY,
    interaction_id VARCHAR(36)   NOT NULL REFERENCES interaction (id) ON DELETE CASCADE,
    rule           VARCHAR(64)   NOT NULL,
    action         VARCHAR(16)   NOT NULL,
    severity       VARCHAR(8)    NOT NULL,
    reason         VARCHAR(4000) NOT NULL,
    evidence       VARCHAR(4000) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    resolved_by    VARCHAR(64),
    resolved_at    TIMESTAMP WITH TIME ZONE,
    resolution     VARCHAR(2000)
);

CREATE INDEX review_item_status ON review_item (status, created_at);
