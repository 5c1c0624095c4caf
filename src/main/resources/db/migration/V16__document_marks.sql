-- A document's inline formatting (links, strong and emphasised words, inline code) in reading order, as a JSON array,
-- for the document page; empty for documents ingested before it was kept.
ALTER TABLE library_document ADD COLUMN marks CLOB DEFAULT '' NOT NULL;
