-- Equipment objects and cases for one landlord. psql variables: ll, country, customers, cases,
-- rare_word ('' for none). Cases spread over two years, newest last; status follows age (old cases
-- are mostly closed); 3 % are information sent to one customer (1 in 30 of them to every customer
-- of a property); 5 % name an equipment object, 10 % an invoice marking, 15 % an agreement number.
-- Exactly five cases (i = k * floor(cases / 6), k = 1..5) mention the rare word.
\set ON_ERROR_STOP on
-- The word lists of this country as constants (a column of bench.words would be read again per row).
select first_names::text as first_names, last_names::text as last_names, company_suffixes::text as company_suffixes, streets::text as streets, cities::text as cities, postal_prefix::text as postal_prefix
from bench.words where country = :'country' \gset
select subjects::text as subjects, tenant_bodies::text as tenant_bodies, staff_bodies::text as staff_bodies, fault_titles::text as fault_titles, service_titles::text as service_titles, inquiry_titles::text as inquiry_titles, info_titles::text as info_titles, desc_openings::text as desc_openings, desc_details::text as desc_details, desc_closings::text as desc_closings, object_types::text as object_types
from bench.texts where country = :'country' \gset
select now as clock_now from bench.clock \gset

create temp table dims as
select :customers::int as n, greatest(1, :customers::int / 50) as props, :cases::int as total,
  greatest(1, :cases::int / 6) as rare_step;
analyze dims;

-- Two machines per property: a washing machine in the laundry room and something else.
insert into equipment_objects (id, landlord_id, number, type, make, model, location, property_id, created_at)
select bench.uid(:'ll' || '-eq', p * 2 + j), bench.uid(:'ll' || '-landlord', 0),
  'OBJ-' || lpad((p * 10 + j)::text, 7, '0'),
  case when j = 1 then (:'object_types'::text[])[1] else bench.pick(:'object_types'::text[], p, 1) end,
  bench.pick(array['Electrolux','Miele','Kone','Systemair','Nibe','Schindler'], p * 2 + j, 2),
  'M-' || (100 + bench.r(p * 2 + j, 3, 900)),
  case when j = 1 then (case when :'country' = 'SE' then 'Tvättstugan' else 'Vaskeriet' end)
       else (case when :'country' = 'SE' then 'Källaren' else 'Kælderen' end) end,
  bench.uid(:'ll' || '-pr', p), :'clock_now'::timestamptz - interval '3 years'
from dims d, generate_series(1, d.props) p, generate_series(1, 2) j;

create temp table cs as
select i,
  :'clock_now'::timestamptz - interval '730 days' + (i - 1) * (interval '725 days' / d.total) + bench.r(i, 1, 1440) * interval '1 minute' as created,
  bench.r(i, 2, 1000) < 30 as info,
  bench.r(i, 2, 1000) < 1 as property_wide,
  1 + bench.r(i, 4, d.n) as c,
  bench.r(i, 5, 100) as type_roll,
  bench.r(i, 6, 100) as status_roll,
  i % d.rare_step = 0 and i / d.rare_step between 1 and 5 as rare
from dims d, generate_series(1, :cases::int) i;
analyze cs;

insert into cases (id, landlord_id, number, customer_id, lease_id, property_id, unit_id, object_id, type, title, description,
  status, assignee_id, reporter_kind, reporter_id, reporter_display_name, site_name, street, postal_code, city,
  reporter_name, reporter_phone, site_phone1, master_key_allowed, door_code, agreement_number, invoice_marking, send_sms,
  due_at, first_response_at, resolved_at, closed_at, created_at, updated_at)
select bench.uid(:'ll' || '-ca', cs.i), bench.uid(:'ll' || '-landlord', 0),
  to_char(cs.created at time zone 'UTC', 'YYYY') || '-' || lpad(cs.i::text, 6, '0'),
  case when not cs.property_wide then bench.uid(:'ll' || '-cu', cs.c) end,
  case when not cs.info then bench.uid(:'ll' || '-le', cs.c) end,
  pr.id,
  case when not cs.info then bench.uid(:'ll' || '-un', cs.c) end,
  case when not cs.info and bench.r(cs.i, 14, 100) < 5 then bench.uid(:'ll' || '-eq', p.p * 2 + 1 + bench.r(cs.i, 15, 2)) end,
  t.type,
  case t.type when 'fault' then bench.pick(:'fault_titles'::text[], cs.i, 20) when 'service' then bench.pick(:'service_titles'::text[], cs.i, 21)
    when 'inquiry' then bench.pick(:'inquiry_titles'::text[], cs.i, 22) else bench.pick(:'info_titles'::text[], cs.i, 23) end,
  bench.pick(:'desc_openings'::text[], cs.i, 24) || ' ' || bench.pick(:'desc_details'::text[], cs.i, 25) || ' ' || bench.pick(:'desc_closings'::text[], cs.i, 26)
    || case when cs.rare and :'rare_word' <> '' then ' Vi har också sett ' || :'rare_word' || ' i trapphuset.' else '' end,
  s.status,
  case when bench.r(cs.i, 9, 10) < 8 then bench.uid(:'ll' || '-st', (2 + bench.r(cs.i, 10, 20))) end,
  rep.kind, rep.id, rep.name,
  pr.name, pr.street, pr.postal_code, pr.city,
  case when rep.kind = 'tenant' then rep.name end,
  case when rep.kind = 'tenant' then '070' || lpad(bench.r(cs.c * 3 + 1, 4, 10000000)::text, 7, '0') end,
  case when bench.r(cs.i, 11, 10) < 3 then '08-' || lpad(bench.r(cs.i, 12, 1000000)::text, 6, '0') end,
  bench.r(cs.i, 13, 10) < 3,
  case when bench.r(cs.i, 16, 10) < 2 then lpad(bench.r(cs.i, 17, 10000)::text, 4, '0') end,
  case when bench.r(cs.i, 18, 100) < 15 then 'AVT-' || (2018 + bench.r(cs.i, 19, 8)) || '-' || lpad(bench.r(cs.i, 27, 10000)::text, 4, '0') end,
  case when bench.r(cs.i, 28, 100) < 10 then bench.pick(array['Projekt ','Kst ','Ref '], cs.i, 29) || (1000 + bench.r(cs.i, 30, 9000)) end,
  cs.info and bench.r(cs.i, 31, 2) = 0,
  case when t.type = 'fault' then cs.created + interval '14 days' end,
  tm.first_response, tm.resolved, tm.closed, cs.created,
  greatest(cs.created, tm.first_response, tm.resolved, tm.closed)
from cs
cross join dims d
cross join lateral (select case when cs.property_wide then 1 + bench.r(cs.i, 3, d.props) else ((cs.c - 1) % d.props) + 1 end as p) p
join properties pr on pr.id = bench.uid(:'ll' || '-pr', p.p)
cross join lateral (select case when cs.info then 'information' when cs.type_roll < 65 then 'fault'
  when cs.type_roll < 85 then 'service' else 'inquiry' end as type) t
cross join lateral (
  select case
    when :'clock_now'::timestamptz - cs.created > interval '60 days' then
      case when cs.status_roll < 70 then 'closed' when cs.status_roll < 95 then 'resolved' when cs.status_roll < 98 then 'in_progress'
        else 'waiting_for_tenant' end
    else (array['new','acknowledged','in_progress','waiting_for_tenant','resolved','closed'])[1 + cs.status_roll % 6] end as status) s
cross join lateral (
  select case when s.status <> 'new' then cs.created + (1 + bench.r(cs.i, 7, 48)) * interval '1 hour' end as first_response,
    case when s.status in ('resolved', 'closed') then least(:'clock_now'::timestamptz, cs.created + (1 + bench.r(cs.i, 8, 20)) * interval '1 day') end as resolved,
    case when s.status = 'closed' then least(:'clock_now'::timestamptz, cs.created + (8 + bench.r(cs.i, 8, 20)) * interval '1 day') end as closed) tm
cross join lateral (
  select case when not cs.info and bench.r(cs.i, 32, 10) < 6 then 'tenant' else 'staff' end as kind) rk
cross join lateral (
  select rk.kind,
    case when rk.kind = 'staff' then bench.uid(:'ll' || '-st', (2 + bench.r(cs.i, 33, 8)))
         when cs.c % 5 = 1 then bench.uid(:'ll' || '-pu', cs.c) else bench.uid(:'ll' || '-ct', cs.c * 2 + 1) end as id,
    case when rk.kind = 'staff' then bench.pick(:'first_names'::text[], 2 + bench.r(cs.i, 33, 8), 1) || ' ' || bench.pick(:'last_names'::text[], 2 + bench.r(cs.i, 33, 8), 2)
         else bench.pick(:'first_names'::text[], cs.c * 3 + 1, 3) || ' ' || bench.pick(:'last_names'::text[], cs.c, 1) end as name) rep
;

-- Information cases list their recipients: the one customer, or every customer of the property.
insert into case_recipients (landlord_id, case_id, customer_id)
select bench.uid(:'ll' || '-landlord', 0), bench.uid(:'ll' || '-ca', cs.i), bench.uid(:'ll' || '-cu', cs.c)
from cs where cs.info and not cs.property_wide
union all
select bench.uid(:'ll' || '-landlord', 0), bench.uid(:'ll' || '-ca', cs.i), bench.uid(:'ll' || '-cu', pc.c)
from cs cross join dims d
cross join lateral generate_series(1 + bench.r(cs.i, 3, d.props), d.n, d.props) pc(c)
where cs.property_wide;

-- Numbers the product hands out next continue after the generated ones.
insert into case_counters (landlord_id, year, last)
select bench.uid(:'ll' || '-landlord', 0), y, :cases::int
from generate_series(extract(year from :'clock_now'::timestamptz - interval '731 days')::int,
  extract(year from :'clock_now'::timestamptz)::int) y;

drop table cs;
drop table dims;
