-- Threads, their messages and read markers for one landlord. psql variables: ll, country,
-- customers, threads. Thread t belongs to customer ((t - 1) % customers) + 1 (so customer 1, the
-- benchmark tenant, has threads/customers of them) and has 1–7 messages (4 on average) that
-- alternate between the tenant and staff. The thread's counters (last_message_at, last_*_message_at,
-- message_count, preview, last author) are computed from the same per-thread parameters as its
-- messages, so they agree (99-check.sql verifies it on the small database).
\set ON_ERROR_STOP on
-- The word lists of this country as constants (a column of bench.words would be read again per row).
select first_names::text as first_names, last_names::text as last_names, company_suffixes::text as company_suffixes, streets::text as streets, cities::text as cities, postal_prefix::text as postal_prefix
from bench.words where country = :'country' \gset
select subjects::text as subjects, tenant_bodies::text as tenant_bodies, staff_bodies::text as staff_bodies, fault_titles::text as fault_titles, service_titles::text as service_titles, inquiry_titles::text as inquiry_titles, info_titles::text as info_titles, desc_openings::text as desc_openings, desc_details::text as desc_details, desc_closings::text as desc_closings, object_types::text as object_types
from bench.texts where country = :'country' \gset
select now as clock_now from bench.clock \gset

create temp table th as
select t, ((t - 1) % :customers::int) + 1 as c,
  1 + bench.r(t, 1, 7) as n,
  bench.r(t, 2, 10) < 7 as tenant_first,
  -- Spread over two years, the newest a fortnight old so that no message is in the future.
  :'clock_now'::timestamptz - interval '730 days' + (t - 1) * (interval '716 days' / :threads::int) + bench.r(t, 3, 600) * interval '1 minute' as start,
  (1 + bench.r(t, 4, 48)) * interval '1 hour' as gap
from generate_series(1, :threads::int) t;
analyze th;

-- Who wrote message k of a thread, and what.
create temp view msg as
select th.t, th.c, k,
  case when (k % 2 = 0) = th.tenant_first then 'tenant' else 'staff' end as kind,
  th.start + k * th.gap as at,
  2 + bench.r(th.t * 8 + k, 6, 20) as staff_no
from th cross join lateral generate_series(0, th.n - 1) k;

insert into threads (id, landlord_id, customer_id, lease_id, subject, created_at, last_message_at, last_message_preview,
  last_author_kind, last_staff_message_at, last_tenant_message_at, message_count)
select bench.uid(:'ll' || '-th', th.t), bench.uid(:'ll' || '-landlord', 0), bench.uid(:'ll' || '-cu', th.c),
  bench.uid(:'ll' || '-le', th.c), bench.pick(:'subjects'::text[], th.t, 9), th.start,
  th.start + (th.n - 1) * th.gap,
  left(case when last_kind = 'tenant' then bench.pick(:'tenant_bodies'::text[], th.t * 8 + th.n - 1, 7)
            else bench.pick(:'staff_bodies'::text[], th.t * 8 + th.n - 1, 8) end, 160),
  last_kind,
  th.start + (case when last_kind = 'staff' then th.n - 1 when th.n >= 2 then th.n - 2 end) * th.gap,
  th.start + (case when last_kind = 'tenant' then th.n - 1 when th.n >= 2 then th.n - 2 end) * th.gap,
  th.n
from th
cross join lateral (select case when ((th.n - 1) % 2 = 0) = th.tenant_first then 'tenant' else 'staff' end as last_kind) lk;

insert into messages (id, landlord_id, thread_id, author_kind, author_id, author_name, body, created_at)
select bench.uid(:'ll' || '-ms', m.t * 8 + m.k), bench.uid(:'ll' || '-landlord', 0), bench.uid(:'ll' || '-th', m.t),
  m.kind,
  case when m.kind = 'staff' then bench.uid(:'ll' || '-st', m.staff_no)
       when m.c % 5 = 1 then bench.uid(:'ll' || '-pu', m.c)
       else bench.uid(:'ll' || '-ct', m.c * 2 + 1) end,
  case when m.kind = 'staff' then bench.pick(:'first_names'::text[], m.staff_no, 1) || ' ' || bench.pick(:'last_names'::text[], m.staff_no, 2)
       else bench.pick(:'first_names'::text[], m.c * 3 + 1, 3) || ' ' || bench.pick(:'last_names'::text[], m.c, 1) end,
  case when m.kind = 'tenant' then bench.pick(:'tenant_bodies'::text[], m.t * 8 + m.k, 7) else bench.pick(:'staff_bodies'::text[], m.t * 8 + m.k, 8) end,
  m.at
from msg m
;

-- The admin (staff 1) has read 60% of the threads to the end and 10% only up to the first message;
-- each registered tenant has read 60% of its customer's threads to the end.
insert into thread_reads (landlord_id, thread_id, reader_kind, reader_id, last_read_at)
select bench.uid(:'ll' || '-landlord', 0), bench.uid(:'ll' || '-th', th.t), 'staff', bench.uid(:'ll' || '-st', 1),
  case when bench.r(th.t, 10, 10) < 6 then th.start + (th.n - 1) * th.gap else th.start end
from th where bench.r(th.t, 10, 10) < 7
union all
select bench.uid(:'ll' || '-landlord', 0), bench.uid(:'ll' || '-th', th.t), 'tenant', bench.uid(:'ll' || '-pu', th.c),
  th.start + (th.n - 1) * th.gap
from th where th.c % 5 = 1 and bench.r(th.t, 11, 10) < 6;

drop view msg;
drop table th;
