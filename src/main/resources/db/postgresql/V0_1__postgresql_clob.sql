-- PostgreSQL only, before every shared migration: those migrations are written once for the embedded H2 store and
-- PostgreSQL, and name H2's CLOB type for long text, which in PostgreSQL becomes a domain over text.
CREATE DOMAIN clob AS text;
