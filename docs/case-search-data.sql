-- The 1,000,000-case database behind docs/case-search.md: createdb, run the migrations, then psql -f this file, then vacuum analyze.
\set ON_ERROR_STOP on
set synchronous_commit = off;
insert into landlords (id, name, country, default_locale) values ('11111111-1111-4111-8111-111111111111', 'Big Fastigheter AB', 'SE', 'sv');
insert into staff_users (id, landlord_id, email, name, role)
select ('22222222-2222-4222-8222-' || lpad(g::text, 12, '0'))::uuid, '11111111-1111-4111-8111-111111111111', 'staff' || g || '@big.test', 'Tekniker ' || g, case when g <= 3 then 'admin' else 'technician' end
from generate_series(1, 20) g;
insert into properties (id, landlord_id, name, street, postal_code, city)
select ('33333333-3333-4333-8333-' || lpad(g::text, 12, '0'))::uuid, '11111111-1111-4111-8111-111111111111', 'Fastighet ' || g,
  (array['Storgatan','Kungsgatan','Drottninggatan','Vasagatan','Östra Hamngatan','Nørregade','Vesterbrogade','Åboulevarden','Strandvejen','Ringvägen'])[1 + g % 10] || ' ' || g,
  '111 ' || lpad((g % 100)::text, 2, '0'), (array['Stockholm','Göteborg','Malmö','København','Aarhus'])[1 + g % 5]
from generate_series(1, 200) g;
insert into units (id, landlord_id, property_id, number, type, address)
select ('44444444-4444-4444-8444-' || lpad(g::text, 12, '0'))::uuid, '11111111-1111-4111-8111-111111111111',
  ('33333333-3333-4333-8333-' || lpad((1 + g % 200)::text, 12, '0'))::uuid, 'L' || g, 'apartment', 'Lgh ' || g
from generate_series(1, 10000) g;
insert into customers (id, landlord_id, kind, name)
select ('55555555-5555-4555-8555-' || lpad(g::text, 12, '0'))::uuid, '11111111-1111-4111-8111-111111111111', 'person', 'Kund ' || g
from generate_series(1, 10000) g;
insert into leases (id, landlord_id, customer_id, unit_id, number, valid_from)
select ('66666666-6666-4666-8666-' || lpad(g::text, 12, '0'))::uuid, '11111111-1111-4111-8111-111111111111',
  ('55555555-5555-4555-8555-' || lpad(g::text, 12, '0'))::uuid, ('44444444-4444-4444-8444-' || lpad(g::text, 12, '0'))::uuid, 'K-' || g, '2020-01-01'
from generate_series(1, 10000) g;
insert into equipment_objects (id, landlord_id, number, type, property_id)
select ('77777777-7777-4777-8777-' || lpad(g::text, 12, '0'))::uuid, '11111111-1111-4111-8111-111111111111', 'OBJ-' || lpad(g::text, 5, '0'),
  (array['Tvättmaskin','Fläkt','Hiss','Värmepump','Torktumlare'])[1 + g % 5], ('33333333-3333-4333-8333-' || lpad((1 + g % 200)::text, 12, '0'))::uuid
from generate_series(1, 3000) g;

-- 1,000,000 cases over five years; older ones almost all resolved/closed.
insert into cases (landlord_id, number, customer_id, lease_id, property_id, unit_id, object_id, type, title, description, status, assignee_id,
  reporter_kind, reporter_id, reporter_display_name, street, agreement_number, invoice_marking, due_at, created_at, updated_at)
select '11111111-1111-4111-8111-111111111111',
  extract(year from created)::int || '-' || lpad((row_number() over (partition by extract(year from created) order by created))::text, 6, '0'),
  ('55555555-5555-4555-8555-' || lpad(cust::text, 12, '0'))::uuid,
  ('66666666-6666-4666-8666-' || lpad(cust::text, 12, '0'))::uuid,
  ('33333333-3333-4333-8333-' || lpad((1 + cust % 200)::text, 12, '0'))::uuid,
  ('44444444-4444-4444-8444-' || lpad(cust::text, 12, '0'))::uuid,
  case when g % 7 = 0 then ('77777777-7777-4777-8777-' || lpad((1 + g % 3000)::text, 12, '0'))::uuid end,
  typ, title, descr,
  case when created < now() - interval '60 days' then (case when g % 50 = 0 then 'in_progress' when g % 3 = 0 then 'resolved' else 'closed' end)
       else (array['new','acknowledged','in_progress','waiting_for_tenant','resolved','closed'])[1 + g % 6] end,
  ('22222222-2222-4222-8222-' || lpad((1 + g % 20)::text, 12, '0'))::uuid,
  'tenant', ('55555555-5555-4555-8555-' || lpad(cust::text, 12, '0'))::uuid, 'Kund ' || cust,
  street, case when g % 4 = 0 then 'AV-' || (g % 5000) end, case when g % 5 = 0 then 'KST ' || (g % 800) end,
  case when typ = 'information' then null else created + (case typ when 'fault' then 3 when 'service' then 10 else 5 end) * interval '1 day' end,
  created, created + (g % 1000) * interval '1 hour'
from (
  select g, 1 + (g::bigint * 7919) % 10000 as cust,
    timestamptz '2022-01-01' + (g / 1000000.0) * (now() - timestamptz '2022-01-01') + (g % 97) * interval '1 second' as created,
    (array['fault','fault','fault','service','service','inquiry','information'])[1 + g % 7] as typ,
    (array['Läcker kran i köket','Trasig dörr till förrådet','Elementet blir inte varmt','Stopp i avloppet','Fläkten låter högt',
           'Tvättmaskinen fungerar inte','Hissen står still','Fönstret går inte att stänga','Lampa trasig i trapphuset','Mögel i badrummet',
           'Utedørren lukker ikke','Vandhanen drypper','Radiatoren er kold','Elevatoren er i stykker','Vinduet er utæt',
           'Klotter på fasaden','Brandlarmet piper','Skadedjur i källaren','Nyckel borttappad','Parkering blockerad'])[1 + (g * 31) % 20]
      || case when g % 11 = 0 then ' igen' else '' end as title,
    (array['Hej, ','Hei, ','Hejsan, ','Goddag, ',''])[1 + g % 5]
      || (array['det droppar hela tiden från kranen och det har blivit värre den senaste veckan.',
                'dörren går inte att låsa och låset verkar vara trasigt sedan i går kväll.',
                'elementen i vardagsrummet är kalla fast termostaten står på max.',
                'vattnet rinner inte undan i duschen och det luktar illa från golvbrunnen.',
                'ventilationen brummar på natten och det går inte att sova.',
                'vaskemaskinen i fællesvaskeriet stopper midt i programmet.',
                'der er fugt i kælderen og det lugter af skimmel.',
                'døren til opgangen smækker ikke i og står åben om natten.',
                'radiatoren i soveværelset bliver ikke varm selvom termostaten er skruet op.',
                'trappbelysningen slocknar efter bara några sekunder.'])[1 + (g * 13) % 10]
      || ' ' || (array['Ring gärna innan ni kommer.','Vi är hemma efter klockan 16.','Nyckel finns hos grannen.','Ring venligst før I kommer.',
                       'Tack på förhand!','Mvh','Det haster.','Hunden är snäll.'])[1 + (g * 17) % 8]
      || case when g in (123457, 345679, 567891, 789013, 901235) then ' Dessutom hittade vi en zeppelinare av plast i schaktet.' else '' end as descr,
    (array['Storgatan','Kungsgatan','Drottninggatan','Vasagatan','Östra Hamngatan','Nørregade','Vesterbrogade','Åboulevarden','Strandvejen','Ringvägen',
           'Björkvägen','Tallstigen','Ekbacken','Lindgatan','Almvägen','Søndergade','Algade','Bredgade','Kirkevej','Skolegade'])[1 + (g * 3) % 20]
      || ' ' || (1 + g % 120) as street
  from generate_series(1, 1000000) g
) s;
-- Some related cases to customers (recipients).
insert into case_recipients (landlord_id, case_id, customer_id)
select landlord_id, id, ('55555555-5555-4555-8555-' || lpad((1 + (abs(hashtext(id::text)) % 10000))::text, 12, '0'))::uuid
from cases where type = 'information' and random() < 0.05;
