-- What sharding by landlord (Citus, distribution column landlord_id) would have to change, read from the
-- catalogue of a migrated database (docs/scaling.md). psql "$DATABASE_URL" -f api/test/citus-readiness.sql
\pset footer off
\echo '== 1. Tables without landlord_id (candidates for reference tables, or global tables that stay on the coordinator)'
select c.relname as "table", (select count(*) from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as columns
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where n.nspname = 'public' and c.relkind = 'r'
  and not exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'landlord_id' and not a.attisdropped)
order by 1;

\echo '== 2. Tables whose landlord_id may be NULL (a distributed table needs it NOT NULL)'
select c.relname as "table" from pg_class c join pg_namespace n on n.oid = c.relnamespace
join pg_attribute a on a.attrelid = c.oid and a.attname = 'landlord_id'
where n.nspname = 'public' and c.relkind = 'r' and not a.attnotnull order by 1;

\echo '== 3. Primary keys and unique constraints/indexes of landlord tables that do not include landlord_id'
select c.relname as "table", i.relname as "constraint or index",
       case when x.indisprimary then 'primary key' when con.contype = 'u' then 'unique constraint' else 'unique index' end as kind,
       pg_get_indexdef(x.indexrelid) as definition
from pg_index x join pg_class c on c.oid = x.indrelid join pg_class i on i.oid = x.indexrelid
join pg_namespace n on n.oid = c.relnamespace
left join pg_constraint con on con.conindid = x.indexrelid
where n.nspname = 'public' and x.indisunique
  and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'landlord_id')
  and not exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'landlord_id' and a.attnum = any(x.indkey))
order by 1, 2;

\echo '== 4. Foreign keys between landlord tables that do not include landlord_id on both sides'
select cl.relname as "from", con.conname as "foreign key", cf.relname as "to", pg_get_constraintdef(con.oid) as definition
from pg_constraint con join pg_class cl on cl.oid = con.conrelid join pg_class cf on cf.oid = con.confrelid
where con.contype = 'f'
  and exists (select 1 from pg_attribute a where a.attrelid = cf.oid and a.attname = 'landlord_id')
  and exists (select 1 from pg_attribute a where a.attrelid = cl.oid and a.attname = 'landlord_id')
  and cf.relname <> 'landlords'
  and not exists (select 1 from pg_attribute a where a.attrelid = cl.oid and a.attname = 'landlord_id' and a.attnum = any(con.conkey))
order by 1, 2;

\echo '== 5. Foreign keys from landlord tables to tables without landlord_id (must point at reference tables)'
select cl.relname as "from", con.conname as "foreign key", cf.relname as "to"
from pg_constraint con join pg_class cl on cl.oid = con.conrelid join pg_class cf on cf.oid = con.confrelid
where con.contype = 'f'
  and exists (select 1 from pg_attribute a where a.attrelid = cl.oid and a.attname = 'landlord_id')
  and not exists (select 1 from pg_attribute a where a.attrelid = cf.oid and a.attname = 'landlord_id')
order by 1, 2;

\echo '== 6. Foreign keys from tables without landlord_id into landlord tables'
select cl.relname as "from", con.conname as "foreign key", cf.relname as "to"
from pg_constraint con join pg_class cl on cl.oid = con.conrelid join pg_class cf on cf.oid = con.confrelid
where con.contype = 'f'
  and not exists (select 1 from pg_attribute a where a.attrelid = cl.oid and a.attname = 'landlord_id')
  and exists (select 1 from pg_attribute a where a.attrelid = cf.oid and a.attname = 'landlord_id')
order by 1, 2;

\echo '== 7. Sequences and identity/serial columns (a per-landlord series must not come from a global sequence)'
select s.relname as sequence, d.refobjid::regclass as "owned by table" from pg_class s
left join pg_depend d on d.objid = s.oid and d.deptype in ('a', 'i')
where s.relkind = 'S' and s.relnamespace = 'public'::regnamespace order by 1;
