-- pg_trgm serves ILIKE '%…%' searches (case search, customer search; docs/case-search.md). Hand-written
-- because drizzle cannot express extensions; the trigram indexes themselves are in the drizzle schema.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
