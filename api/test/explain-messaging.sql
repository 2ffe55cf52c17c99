-- The data docs/performance-messaging.md was measured on: 1 landlord, 50,000 customers, 250,000 threads,
-- 1,000,000 messages, reads by three staff users (90% / 30% / none) and by tenants, 300,000 invoices.
-- createdb portico_msg_big; migrate it (DATABASE_URL=… tsx src/db/migrate.ts); psql -f this file;
-- psql -f ../bench/derive/messaging.sql; vacuum analyze. About 4 minutes on 2 busy cores.
set synchronous_commit = off;
-- one landlord, staff
insert into landlords (id, name, country, default_locale, portal_enabled) values ('11111111-1111-4111-8111-111111111111', 'Big Landlord', 'SE', 'sv', true);
insert into staff_users (id, landlord_id, email, name, role) values
 ('22222222-0000-4000-8000-000000000001', '11111111-1111-4111-8111-111111111111', 'admin@big.test', 'Admin', 'admin'),
 ('22222222-0000-4000-8000-000000000002', '11111111-1111-4111-8111-111111111111', 'reader@big.test', 'Reads most', 'manager'),
 ('22222222-0000-4000-8000-000000000003', '11111111-1111-4111-8111-111111111111', 'some@big.test', 'Reads some', 'manager'),
 ('22222222-0000-4000-8000-000000000004', '11111111-1111-4111-8111-111111111111', 'new@big.test', 'Reads none', 'manager');
insert into properties (id, landlord_id, name, street, postal_code, city) values ('33333333-3333-4333-8333-333333333333', '11111111-1111-4111-8111-111111111111', 'Storgatan', 'Storgatan 1', '111 11', 'Stockholm');
-- 50,000 customers, a unit and a lease each
create temp table c as select g, gen_random_uuid() as cid, gen_random_uuid() as uid, gen_random_uuid() as lid from generate_series(1, 50000) g;
insert into customers (id, landlord_id, kind, name, email)
select cid, '11111111-1111-4111-8111-111111111111', case when g % 5 = 0 then 'company' else 'person' end,
       (array['Andersson','Johansson','Karlsson','Nilsson','Eriksson','Larsson','Olsson','Persson','Svensson','Gustafsson','Pettersson','Jonsson','Jansen','Nielsen','Hansen','Pedersen'])[1 + g % 16] || ' ' || (array['Anna','Erik','Lars','Karin','Maria','Johan','Sara','Mikael','Eva','Anders'])[1 + (g / 16) % 10] || ' ' || g,
       'kund' || g || '@example.test'
from c;
insert into units (id, landlord_id, property_id, number, type, address)
select uid, '11111111-1111-4111-8111-111111111111', '33333333-3333-4333-8333-333333333333', 'U' || g, 'apartment', 'Storgatan 1, lgh ' || g from c;
insert into leases (id, landlord_id, customer_id, unit_id, number, valid_from)
select lid, '11111111-1111-4111-8111-111111111111', cid, uid, 'L-' || g, '2024-01-01' from c;
-- 5,000 portal users, one membership each
insert into portal_users (id, email, name)
select gen_random_uuid(), 'tenant' || g || '@example.test', 'Tenant ' || g from c where g <= 5000;
insert into portal_memberships (portal_user_id, customer_id, landlord_id, role)
select u.id, c.cid, '11111111-1111-4111-8111-111111111111', 'main_admin'
from c join portal_users u on u.email = 'tenant' || c.g || '@example.test';
-- 250,000 threads (5 per customer) over two years: half written by both sides, a quarter by each alone
create temp table th as
select gen_random_uuid() as id, c.cid, c.lid, c.g, k,
       now() - (random() * 730) * interval '1 day' as at, (c.g * 5 + k) % 4 as shape
from c, generate_series(0, 4) k;
insert into threads (id, landlord_id, customer_id, lease_id, subject, created_at, last_message_at, last_message_preview, last_author_kind,
                     last_staff_message_at, last_tenant_message_at, message_count)
select id, '11111111-1111-4111-8111-111111111111', cid, lid, 'Ärende ' || g || '/' || k, at - interval '2 days', at, 'Senaste meddelandet',
       case when shape = 2 then 'tenant' else 'staff' end,
       case when shape in (0, 1) then at when shape = 3 then at else null end,
       case when shape in (0, 2) then at - interval '1 hour' when shape = 1 then at - interval '1 day' else null end,
       4
from th;
-- 1,000,000 messages (4 per thread)
insert into messages (landlord_id, thread_id, author_kind, author_id, author_name, body, created_at)
select '11111111-1111-4111-8111-111111111111', th.id,
       case when th.shape = 2 or (th.shape in (0, 1) and m % 2 = 0) then 'tenant' else 'staff' end,
       '22222222-0000-4000-8000-000000000001', 'Someone', 'Meddelande ' || m || ' i tråd ' || th.g, th.at - (3 - m) * interval '1 hour'
from th, generate_series(0, 3) m;
-- reads: "Reads most" has read 90% of the threads after their last message, "Reads some" 30%, "Reads none" nothing
insert into thread_reads (landlord_id, thread_id, reader_kind, reader_id, last_read_at)
select '11111111-1111-4111-8111-111111111111', id, 'staff', '22222222-0000-4000-8000-000000000002', at + interval '1 minute' from th where random() < 0.9;
insert into thread_reads (landlord_id, thread_id, reader_kind, reader_id, last_read_at)
select '11111111-1111-4111-8111-111111111111', id, 'staff', '22222222-0000-4000-8000-000000000003', at + interval '1 minute' from th where random() < 0.3;
insert into thread_reads (landlord_id, thread_id, reader_kind, reader_id, last_read_at)
select '11111111-1111-4111-8111-111111111111', th.id, 'tenant', u.id, th.at + interval '1 minute'
from th join portal_users u on u.email = 'tenant' || th.g || '@example.test' where th.k % 2 = 0;
-- 300,000 invoices (6 per customer)
insert into invoices (landlord_id, customer_id, lease_id, number, period, total_minor, currency, due_date, status)
select '11111111-1111-4111-8111-111111111111', cid, lid, 'F' || (g * 10 + m), '2026-' || lpad((m + 1)::text, 2, '0'), 1250000, 'SEK',
       date '2026-01-31' + m * 30, case when m < 4 then 'paid' else 'unpaid' end
from c, generate_series(0, 5) m;
-- a live portal session for tenant1
insert into sessions (family_id, audience, user_id, token_hash, expires_at)
select '44444444-4444-4444-8444-444444444444', 'portal', id, 'bench-token', now() + interval '1 day' from portal_users where email = 'tenant1@example.test';
-- 200,000 other sessions, so the membership check's session lookup is measured on a real-sized table
insert into sessions (family_id, audience, user_id, token_hash, expires_at, revoked_at)
select gen_random_uuid(), 'portal', (select id from portal_users limit 1), 'tok' || g, now() + interval '1 day', case when g % 3 = 0 then now() end
from generate_series(1, 200000) g;
