-- Documents of the library and their open-educational-resource metadata. Passages live in the passage index.
CREATE TABLE library_document (
    id            VARCHAR(32)   PRIMARY KEY,
    source        VARCHAR(1024) NOT NULL UNIQUE,
    origin        VARCHAR(2048) NOT NULL,
    title         VARCHAR(1024) NOT NULL,
    authors       VARCHAR(4000) NOT NULL,
    licence       VARCHAR(64)   NOT NULL,
    language      VARCHAR(35)   NOT NULL,
    source_url    VARCHAR(2048) NOT NULL,
    course        VARCHAR(255)  NOT NULL,
    competencies  VARCHAR(1024) NOT NULL,
    level         VARCHAR(64)   NOT NULL,
    resource_type VARCHAR(64)   NOT NULL,
    media_type    VARCHAR(255)  NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    content_hash  CHAR(64)      NOT NULL,
    passages      INTEGER       NOT NULL,
    ingested_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX library_document_origin ON library_document (origin);
CREATE INDEX library_document_licence ON library_document (licence);
CREATE INDEX library_document_language ON library_document (language);
CREATE INDEX library_document_course ON library_document (course);
