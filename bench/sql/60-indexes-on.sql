-- After the load: the unique constraints and indexes 05-indexes-off.sql dropped, then the foreign
-- keys (each validated against all rows).
\set ON_ERROR_STOP on
select format('alter table %s add constraint %I %s', tab, name, def) from bench.saved_constraints where type = 'u' order by tab, name \gexec
select def from bench.saved_indexes order by name \gexec
select format('alter table %s add constraint %I %s', tab, name, def) from bench.saved_constraints where type = 'f' order by tab, name \gexec
