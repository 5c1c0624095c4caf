-- A document is identified by where it comes from (its folder, or the uploads) and its source: the same relative
-- path in two folders, or an upload of the same name, are different documents, so source is no longer unique.
-- Existing documents keep their ids (ingestion finds them by origin and source). Written for both H2 and PostgreSQL:
-- the column is rebuilt because the unique constraint has a generated name in H2.
ALTER TABLE library_document ADD COLUMN source_path VARCHAR(1024) DEFAULT '' NOT NULL;
UPDATE library_document SET source_path = source;
ALTER TABLE library_document DROP COLUMN source;
ALTER TABLE library_document RENAME COLUMN source_path TO source;
CREATE INDEX library_document_source ON library_document (source);
