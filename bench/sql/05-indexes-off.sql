-- Before the load: remember and drop the product's foreign keys, unique constraints (primary keys
-- stay) and indexes; 60-indexes-on.sql puts them back once the rows are in, which checks every key
-- in one pass per constraint and builds each index in one sort: much faster than row by row.
\set ON_ERROR_STOP on
create table bench.saved_constraints as
select c.conrelid::regclass::text as tab, c.conname as name, c.contype as type, pg_get_constraintdef(c.oid) as def
from pg_constraint c
join pg_namespace n on n.oid = c.connamespace
where n.nspname = 'public' and c.contype in ('f', 'u');
create table bench.saved_indexes as
select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
from pg_index i
join pg_class t on t.oid = i.indrelid
join pg_namespace n on n.oid = t.relnamespace
where n.nspname = 'public' and not i.indisprimary
  and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid);
select format('alter table %s drop constraint %I', tab, name) from bench.saved_constraints where type = 'f' \gexec
select format('alter table %s drop constraint %I', tab, name) from bench.saved_constraints where type = 'u' \gexec
select format('drop index %s', name) from bench.saved_indexes \gexec
