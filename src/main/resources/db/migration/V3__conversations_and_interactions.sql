-- Conversations and the record of every answer (question as the guardrails left it, answer, citations, verdicts,
-- retrieval, composer, model, prompt, policy version, time per stage, feedback).
CREATE TABLE conversation (
    id         VARCHAR(36) PRIMARY KEY,
    username   VARCHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX conversation_user ON conversation (username);

CREATE TABLE interaction (
    id               VARCHAR(36)  PRIMARY KEY,
    conversation_id  VARCHAR(36)  NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    username         VARCHAR(64)  NOT NULL,
    question         CLOB         NOT NULL,
    outcome          VARCHAR(16)  NOT NULL,
    response         CLOB         NOT NULL,
    retrieved        CLOB         NOT NULL,
    composer         VARCHAR(64)  NOT NULL,
    model            VARCHAR(255) NOT NULL,
    prompt           VARCHAR(255) NOT NULL,
    policy_version   VARCHAR(64)  NOT NULL,
    stage_millis     VARCHAR(1000) NOT NULL,
    rating           SMALLINT,
    feedback_comment VARCHAR(2000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX interaction_conversation ON interaction (conversation_id, created_at);
CREATE INDEX interaction_user ON interaction (username);
