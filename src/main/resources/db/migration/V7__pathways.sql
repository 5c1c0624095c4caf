-- Learning paths: frameworks an administrator imported (the bundled ones are read from the application), the course
-- catalogue once an administrator imported one (until then the bundled sample catalogue is used), and each
-- educator's own profile.
CREATE TABLE pathways_framework (
    id          VARCHAR(64)  PRIMARY KEY,
    yaml        CLOB         NOT NULL,
    imported_by VARCHAR(64)  NOT NULL,
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE pathways_course (
    id          VARCHAR(100) PRIMARY KEY,
    position    INT          NOT NULL,
    course      CLOB         NOT NULL,
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE pathways_profile (
    username    VARCHAR(64)  PRIMARY KEY,
    yaml        CLOB         NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
