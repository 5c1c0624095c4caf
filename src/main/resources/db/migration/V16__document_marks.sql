-- A document's inline formatting (links, strong and emphasised words, inline code) in reading order, as a JSON array,
-- for the document page: empty when it has none, NULL for a document ingested before it was kept, which its next
-- ingestion fills in without indexing it again.
ALTER TABLE library_document ADD COLUMN marks CLOB;
