-- Case search (docs/case-search.md): trigram indexes serve ILIKE '%…%' on case text. Hand-written
-- because drizzle cannot express extensions; the indexes themselves are in the drizzle schema.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
