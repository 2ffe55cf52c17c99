-- The data docs/content-plans.md was measured on (issue 12's lists at scale, issue 13 §5):
-- landlord A (1111…) with 1,000 properties, 20,000 customers/units/leases, 50,000 operational notices,
-- 50,000 posts, 50,000 documents and 600 help articles; 4,000 other landlords sharing another 50,000
-- notices, 50,000 posts, 50,000 documents and 24 help articles each (96,000); 1,000,000 outbox rows,
-- of which ~290,000 are deliveries of landlord A's urgent notices (one landlord-wide notice with 40,000).
--   createdb portico_scale_big; DATABASE_URL=…/portico_scale_big tsx src/db/migrate.ts
--   psql …/portico_scale_big -f test/explain-content.sql      (about 2 minutes on 2 busy cores)
--   DATABASE_URL=…/portico_scale_big tsx test/explain-content.ts
set synchronous_commit = off;
set jit = off;

-- Landlords: A, and 4,000 small ones; one staff user each (created_by).
create temp table ll as
select g as n, case when g = 0 then '11111111-1111-4111-8111-111111111111'::uuid else gen_random_uuid() end as id,
       case when g = 0 then '22222222-0000-4000-8000-000000000001'::uuid else gen_random_uuid() end as staff
from generate_series(0, 4000) g;
insert into landlords (id, name, country, default_locale, portal_enabled)
select id, 'Landlord ' || n, case when n % 2 = 0 then 'SE' else 'DK' end, case when n % 2 = 0 then 'sv' else 'da' end, true from ll;
insert into staff_users (id, landlord_id, email, name, role)
select staff, id, 'staff' || n || '@scale.test', 'Staff ' || n, 'admin' from ll;

-- Properties: 1,000 for A, 3 for each other landlord.
create temp table pr as
select ll.n as lg, ll.id as lid, p, gen_random_uuid() as id
from ll, generate_series(0, 999) p where ll.n = 0 or p < 3;
create index on pr (lg, p);
analyze pr;
insert into properties (id, landlord_id, name, street, postal_code, city)
select id, lid, 'Fastighet ' || lg || '-' || p, 'Storgatan ' || p, '111 11', 'Stockholm' from pr;

-- Landlord A: 20,000 customers with one unit (in property g % 1000) and one active lease each.
create temp table c as
select g, gen_random_uuid() as cid, gen_random_uuid() as uid, gen_random_uuid() as lid,
       (select id from pr where lg = 0 and p = g % 1000) as pid
from generate_series(0, 19999) g;
create index on c (g);
analyze c;
insert into customers (id, landlord_id, kind, name, email)
select cid, '11111111-1111-4111-8111-111111111111', 'person', 'Kund ' || g, 'kund' || g || '@scale.test' from c;
insert into units (id, landlord_id, property_id, number, type, address)
select uid, '11111111-1111-4111-8111-111111111111', pid, 'U' || g, 'apartment', 'Storgatan, lgh ' || g from c;
insert into leases (id, landlord_id, customer_id, unit_id, number, valid_from)
select lid, '11111111-1111-4111-8111-111111111111', cid, uid, 'L-' || g, '2020-01-01' from c;
insert into lease_units (landlord_id, lease_id, unit_id)
select '11111111-1111-4111-8111-111111111111', lid, uid from c;

-- Operational notices: 100,000; A's 50,000 one every 105 minutes back from 30 days ahead (about ten
-- years); the first few planned, a handful current, the rest over (past ends_at, or resolved early).
-- 20 % landlord-wide, the rest at 1-3 properties; 5 % urgent.
create temp table nn as
select g, gen_random_uuid() as id,
       case when g < 50000 then 0 else 1 + g % 4000 end as lg,
       now() + interval '30 days' - (case when g < 50000 then g else g - 50000 end) * interval '105 minutes' as starts
from generate_series(0, 99999) g;
insert into operational_notices (id, landlord_id, kind, title, body, body_html, urgent, all_properties, starts_at, ends_at, resolved_at,
                                 created_by, created_at)
select nn.id, ll.id, case when g % 3 = 0 then 'planned_work' else 'disruption' end, 'Driftstörning ' || g, 'Text ' || g, '<p>Text ' || g || '</p>',
       g % 20 = 0, g % 5 = 0, starts,
       case when g % 10 = 0 then null else starts + (1 + g % 3) * interval '1 day' end,
       case when g % 10 = 0 and starts < now() - interval '30 days' then starts + interval '2 days' end,
       ll.staff, starts - interval '1 day'
from nn join ll on ll.n = nn.lg;
insert into operational_notice_properties (landlord_id, notice_id, property_id)
select distinct ll.id, nn.id, pr.id
from nn join ll on ll.n = nn.lg, generate_series(0, nn.g % 3) k
join pr on true
where nn.g % 5 <> 0 and pr.lg = nn.lg and pr.p = case when nn.lg = 0 then (nn.g * 7 + k * 131) % 1000 else (nn.g + k) % 3 end;
insert into operational_notice_updates (landlord_id, notice_id, kind, created_by, created_at)
select ll.id, nn.id, 'published', ll.staff, starts - interval '1 day' from nn join ll on ll.n = nn.lg;

-- Posts: 100,000; A's 50,000 one every 105 minutes back from now; 40 % expired after 30 days, 1 % pinned,
-- 70 % for all properties, the rest for one property.
create temp table po as
select g, gen_random_uuid() as id, case when g < 50000 then 0 else 1 + g % 4000 end as lg,
       now() - (case when g < 50000 then g else g - 50000 end) * interval '105 minutes' as pfrom
from generate_series(0, 99999) g;
insert into posts (id, landlord_id, category, title, body, body_html, pinned, all_properties, publish_from, publish_until, created_by, created_at)
select po.id, ll.id, (array['news','bulletin','area'])[1 + g % 3], 'Nyhet ' || g, 'Text ' || g, '<p>Text ' || g || '</p>',
       g % 100 = 0, g % 10 < 7, pfrom, case when g % 5 < 2 then pfrom + interval '30 days' end, ll.staff, pfrom
from po join ll on ll.n = po.lg;
insert into post_properties (landlord_id, post_id, property_id)
select ll.id, po.id, pr.id
from po join ll on ll.n = po.lg join pr on pr.lg = po.lg and pr.p = case when po.lg = 0 then (po.g * 7) % 1000 else po.g % 3 end
where po.g % 10 >= 7;

-- Documents: 100,000 with one attachment each; A's 50,000: 40 % customer, 30 % lease, 30 % property
-- (customer documents for customers whose number ends in 0-3, lease documents for those ending in 2, 5, 8;
-- 15 per property); the others' at their properties.
create temp table dd as
select g, gen_random_uuid() as id, case when g < 50000 then 0 else 1 + g % 4000 end as lg,
       now() - (case when g < 50000 then g else g - 50000 end) * interval '105 minutes' as at
from generate_series(0, 99999) g;
insert into documents (id, landlord_id, scope, customer_id, lease_id, property_id, category, title, created_by, created_at)
select dd.id, ll.id,
       case when dd.lg <> 0 or g % 10 >= 7 then 'property' when g % 10 < 4 then 'customer' else 'lease' end,
       case when dd.lg = 0 and g % 10 < 4 then (select cid from c where c.g = dd.g % 20000) end,
       case when dd.lg = 0 and g % 10 between 4 and 6 then (select lid from c where c.g = (dd.g * 3) % 20000) end,
       case when dd.lg <> 0 or g % 10 >= 7 then (select id from pr where pr.lg = dd.lg and pr.p = case when dd.lg = 0 then dd.g % 1000 else dd.g % 3 end) end,
       (array['contract','house_rules','energy_certificate','inspection','manual','minutes','other'])[1 + g % 7], 'Dokument ' || g, ll.staff, at
from dd join ll on ll.n = dd.lg;
insert into attachments (landlord_id, uploader_kind, uploader_id, filename, content_type, size, storage_key, document_id, created_at)
select ll.id, 'staff', ll.staff, 'dokument-' || g || '.pdf', 'application/pdf', 12345, 'documents/' || dd.id, dd.id, at
from dd join ll on ll.n = dd.lg;

-- Help articles: 8 articles x 3 languages for every small landlord, 200 x 3 for A; words per language.
create temp table hw as select * from (values
  ('sv', array['faktura','betala','nyckel','tvättstuga','felanmälan','ärende','inloggning','lösenord','flytt','hyra','parkering','sopor','värme','vatten','balkong','förråd','bredband','kontrakt','uppsägning','avisering']),
  ('da', array['faktura','betale','nøgle','vaskeri','fejlmelding','sag','login','adgangskode','flytning','husleje','parkering','affald','varme','vand','altan','depotrum','bredbånd','kontrakt','opsigelse','varsel']),
  ('en', array['invoice','pay','key','laundry','repair','case','sign','password','moving','rent','parking','waste','heating','water','balcony','storage','broadband','contract','termination','notice'])
) as t(locale, words);
insert into help_articles (landlord_id, article_key, locale, category, title, body, body_html, position)
select ll.id, 'article-' || a, hw.locale, (array['sign_in','cases','messages','invoices','moving','property','other'])[1 + a % 7],
       initcap(hw.words[1 + a % 20]) || ' ' || a,
       hw.words[1 + a % 20] || ' ' || hw.words[1 + (a * 3) % 20] || ' ' || hw.words[1 + (a * 7) % 20] || ' och ' || hw.words[1 + (a + 5) % 20] || ' ' || repeat('text ', 40),
       '<p>…</p>', a
from ll, generate_series(0, 199) a, hw
where a < case when ll.n = 0 then 200 else 8 end;

-- Outbox: 1,000,000 rows. A's urgent notices (2,500) have ~100 deliveries each; the newest
-- landlord-wide urgent notice has 40,000 (every customer, e-mail and SMS). The rest are message
-- e-mails of every landlord. 2 % failed, 1 % pending, the rest sent.
create temp table urgent as
select nn.id, row_number() over (order by nn.starts desc) as r, nn.starts
from nn where nn.lg = 0 and nn.g % 20 = 0 and nn.starts < now();
create temp table big_notice as select id, starts from nn where lg = 0 and g % 20 = 0 and g % 5 = 0 and starts < now() order by starts desc limit 1;
insert into outbox (landlord_id, channel, payload, notice_id, customer_id, status, attempts, created_at, enqueued_at, sent_at, last_error)
select '11111111-1111-4111-8111-111111111111', case when k % 2 = 0 then 'email' else 'sms' end,
       jsonb_build_object('to', 'kund' || c.g || '@scale.test', 'name', 'Kund ' || c.g),
       b.id, c.cid, case when k % 50 = 0 then 'failed' when k % 100 = 1 then 'pending' else 'sent' end, 1,
       b.starts + (k % 600) * interval '1 second', b.starts + interval '1 minute', b.starts + interval '2 minutes',
       case when k % 50 = 0 then 'mailbox unavailable' end
from big_notice b, generate_series(0, 39999) k join c on c.g = k / 2;
insert into outbox (landlord_id, channel, payload, notice_id, customer_id, status, attempts, created_at, enqueued_at, sent_at)
select '11111111-1111-4111-8111-111111111111', 'email', jsonb_build_object('to', 'kund' || c.g || '@scale.test', 'name', 'Kund ' || c.g),
       u.id, c.cid, case when k % 50 = 0 then 'failed' else 'sent' end, 1,
       u.starts + k * interval '1 second', u.starts, u.starts
from urgent u, generate_series(0, 99) k join c on c.g = k * 17
where u.id not in (select id from big_notice);
insert into outbox (landlord_id, channel, payload, status, attempts, created_at, enqueued_at, sent_at)
select ll.id, 'email', jsonb_build_object('to', 'someone' || g || '@scale.test', 'subject', 'Nytt meddelande'),
       case when g % 50 = 0 then 'failed' when g % 100 = 1 then 'pending' else 'sent' end, 1,
       now() - (g % 1000000) * interval '30 seconds', now() - (g % 1000000) * interval '30 seconds', now()
from generate_series(1, 1000000 - (select count(*) from outbox)) g join ll on ll.n = g % 4001;

vacuum (analyze) landlords, staff_users, properties, customers, units, leases, lease_units, operational_notices,
  operational_notice_properties, operational_notice_updates, posts, post_properties, documents, attachments, help_articles, outbox;
select (select count(*) from operational_notices) as notices, (select count(*) from posts) as posts,
       (select count(*) from documents) as documents, (select count(*) from help_articles) as help,
       (select count(*) from outbox) as outbox, (select count(*) from outbox where notice_id is not null) as deliveries;
