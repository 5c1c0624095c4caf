-- What ingestion found in a document that a reader should know: text addressed to an AI, visible or hidden
-- (HTML comments, hidden elements), one finding per line.
ALTER TABLE library_document ADD COLUMN warnings VARCHAR(4000) DEFAULT '' NOT NULL;
