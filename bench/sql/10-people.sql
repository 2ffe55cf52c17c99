-- One landlord with its staff, properties, units, customers, contacts, portal users, memberships
-- and leases. Run once per landlord with psql variables:
--   ll (A|B: key of every generated id), country (SE|DK), locale (sv|da), landlord_name,
--   admin_email, tenant_email, pwhash (argon2 hash of the benchmark password), customers.
-- Customer c rents unit c (its main lease); every tenth customer (c % 10 = 3) also rents a storage
-- room or parking space. Companies are every seventh customer. A fifth of the customers
-- (c % 5 = 1) have a registered portal user; customer 1 is the benchmark tenant. Property p is on
-- street p of the country's list (round robin), so every street exists from 40 properties up.
\set ON_ERROR_STOP on
-- The word lists of this country as constants (a column of bench.words would be read again per row).
select first_names::text as first_names, last_names::text as last_names, company_suffixes::text as company_suffixes, streets::text as streets, cities::text as cities, postal_prefix::text as postal_prefix
from bench.words where country = :'country' \gset
select subjects::text as subjects, tenant_bodies::text as tenant_bodies, staff_bodies::text as staff_bodies, fault_titles::text as fault_titles, service_titles::text as service_titles, inquiry_titles::text as inquiry_titles, info_titles::text as info_titles, desc_openings::text as desc_openings, desc_details::text as desc_details, desc_closings::text as desc_closings, object_types::text as object_types
from bench.texts where country = :'country' \gset
select now as clock_now from bench.clock \gset

insert into landlords (id, name, country, default_locale, portal_enabled, created_at)
select bench.uid(:'ll' || '-landlord', 0), :'landlord_name', :'country', :'locale', true, :'clock_now'::timestamptz - interval '3 years';

-- 1 admin (the benchmark's staff user), 8 managers, 12 technicians, 2 finance.
insert into staff_users (id, landlord_id, email, name, role, password_hash, locale, created_at)
select bench.uid(:'ll' || '-st', k), bench.uid(:'ll' || '-landlord', 0),
  case when k = 1 then :'admin_email' else 'staff-' || lower(:'ll') || '-' || k || '@bench.example' end,
  bench.pick(:'first_names'::text[], k, 1) || ' ' || bench.pick(:'last_names'::text[], k, 2),
  case when k = 1 then 'admin' when k <= 9 then 'manager' when k <= 21 then 'technician' else 'finance' end,
  case when k = 1 then :'pwhash' end, :'locale', :'clock_now'::timestamptz - interval '3 years'
from generate_series(1, 23) k;

create temp table dims as
select :customers::int as n, greatest(1, :customers::int / 50) as props,
  (case when :customers::int >= 3 then (:customers::int - 3) / 10 + 1 else 0 end) as extra;
analyze dims;

insert into properties (id, landlord_id, name, street, postal_code, city, manager_id)
select bench.uid(:'ll' || '-pr', p), bench.uid(:'ll' || '-landlord', 0),
  (:'streets'::text[])[1 + (p - 1) % cardinality(:'streets'::text[])] || ' ' || (1 + bench.r(p, 2, 60)),
  (:'streets'::text[])[1 + (p - 1) % cardinality(:'streets'::text[])] || ' ' || (1 + bench.r(p, 2, 60)),
  bench.pick(:'postal_prefix'::text[], p, 3) || case when :'country' = 'SE' then ' ' || lpad(bench.r(p, 4, 100)::text, 2, '0') else '' end,
  bench.pick(:'cities'::text[], p, 5),
  bench.uid(:'ll' || '-st', (2 + bench.r(p, 6, 8)))
from dims d, generate_series(1, d.props) p;

-- Unit u is in property ((u - 1) % props) + 1; units above n are the storage rooms and parking spaces.
insert into units (id, landlord_id, property_id, number, type, address, area_m2, floor)
select bench.uid(:'ll' || '-un', u), bench.uid(:'ll' || '-landlord', 0), bench.uid(:'ll' || '-pr', p),
  num, kind, pr.street || case when kind = 'apartment' then ', lgh ' when kind in ('storage') then ', förråd ' else ', ' end || num,
  case when kind in ('apartment', 'office', 'retail') then (25 + bench.r(u, 2, 120))::numeric end,
  case when kind in ('apartment', 'office') then (bench.r(u, 3, 8))::text end
from dims d, generate_series(1, d.n + d.extra) u
cross join lateral (select ((u - 1) % d.props) + 1 as p) pp
cross join lateral (
  select case when u > d.n then (case when u % 2 = 0 then 'storage' else 'parking' end)
              when u % 7 = 0 then (case when u % 2 = 0 then 'office' else 'retail' end)
              else 'apartment' end as kind,
    (1000 + u)::text as num) k
join properties pr on pr.id = bench.uid(:'ll' || '-pr', pp.p);

insert into customers (id, landlord_id, kind, name, identity_number, email, phone, created_at)
select bench.uid(:'ll' || '-cu', c), bench.uid(:'ll' || '-landlord', 0),
  case when c % 7 = 0 then 'company' else 'person' end,
  case when c % 7 = 0 then bench.pick(:'last_names'::text[], c, 1) || ' ' || bench.pick(:'company_suffixes'::text[], c, 2)
       else bench.pick(:'first_names'::text[], c, 3) || ' ' || bench.pick(:'last_names'::text[], c, 1) end,
  null,
  'kund-' || lower(:'ll') || '-' || c || '@bench.example',
  '070' || lpad(bench.r(c, 4, 10000000)::text, 7, '0'),
  :'clock_now'::timestamptz - interval '3 years' + (c % 900) * interval '1 day'
from dims d, generate_series(1, d.n) c;

-- Portal users first (contacts point at them): the first contact of customers with c % 5 = 1.
insert into portal_users (id, email, name, phone, password_hash, locale, created_at)
select bench.uid(:'ll' || '-pu', c),
  case when c = 1 then :'tenant_email' else 'hyresgast-' || lower(:'ll') || '-' || c || '@bench.example' end,
  bench.pick(:'first_names'::text[], c, 3) || ' ' || bench.pick(:'last_names'::text[], c, 1),
  '070' || lpad(bench.r(c, 4, 10000000)::text, 7, '0'),
  case when c = 1 then :'pwhash' end, :'locale', :'clock_now'::timestamptz - interval '2 years'
from dims d, generate_series(1, d.n) c
where c % 5 = 1;

-- One contact per household, two per company.
insert into customer_contacts (id, landlord_id, customer_id, name, email, phone, portal_user_id)
select bench.uid(:'ll' || '-ct', c * 2 + k), bench.uid(:'ll' || '-landlord', 0), bench.uid(:'ll' || '-cu', c),
  bench.pick(:'first_names'::text[], c * 3 + k, 3) || ' ' || bench.pick(:'last_names'::text[], c, 1),
  case when c % 5 = 1 and k = 1 then pu.email else 'kontakt-' || lower(:'ll') || '-' || c || '-' || k || '@bench.example' end,
  '070' || lpad(bench.r(c * 3 + k, 4, 10000000)::text, 7, '0'),
  case when c % 5 = 1 and k = 1 then pu.id end
from dims d, generate_series(1, d.n) c
cross join lateral generate_series(1, case when c % 7 = 0 then 2 else 1 end) k
left join portal_users pu on pu.id = bench.uid(:'ll' || '-pu', c);

insert into portal_memberships (portal_user_id, customer_id, landlord_id, role, created_at)
select bench.uid(:'ll' || '-pu', c), bench.uid(:'ll' || '-cu', c), bench.uid(:'ll' || '-landlord', 0), 'main_admin', :'clock_now'::timestamptz - interval '2 years'
from dims d, generate_series(1, d.n) c
where c % 5 = 1;

-- Main lease of customer c on unit c; the extra lease of c % 10 = 3 on unit n + (c - 3) / 10 + 1.
insert into leases (id, landlord_id, customer_id, unit_id, number, valid_from, valid_to, status)
select bench.uid(:'ll' || '-le', c), bench.uid(:'ll' || '-landlord', 0), bench.uid(:'ll' || '-cu', c), bench.uid(:'ll' || '-un', c),
  'HK-' || lpad(c::text, 6, '0'), (:'clock_now'::timestamptz - interval '3 years' + (c % 900) * interval '1 day')::date, null::date, 'active'
from dims d, generate_series(1, d.n) c
union all
select bench.uid(:'ll' || '-lx', c), bench.uid(:'ll' || '-landlord', 0), bench.uid(:'ll' || '-cu', c),
  bench.uid(:'ll' || '-un', (d.n + (c - 3) / 10 + 1)),
  'HK-' || lpad(c::text, 6, '0') || '-F', (:'clock_now'::timestamptz - interval '2 years' + (c % 500) * interval '1 day')::date, null::date, 'active'
from dims d, generate_series(1, d.n) c
where c % 10 = 3;

drop table dims;
