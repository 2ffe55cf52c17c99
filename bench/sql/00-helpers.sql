-- Helpers for the generators, in a schema of their own (dropped by 99-finish.sql).
-- Everything is deterministic: the same scale gives the same rows, ids included.
drop schema if exists bench cascade;
create schema bench;

-- A v4-shaped uuid (zod's z.uuid() checks version and variant) for row i of a namespace such as
-- 'A-ca' (landlord A's cases): 80 bits from the namespace, 48 from i scattered by an odd multiplier
-- (a bijection modulo 2^48, so unique). md5 of the constant namespace is folded once per statement.
create function bench.uid(ns text, i bigint) returns uuid
  language sql immutable parallel safe
  as $$ select (substr(md5(ns), 1, 8) || '-' || substr(md5(ns), 9, 4) || '-4' || substr(md5(ns), 14, 3) || '-8'
    || substr(md5(ns), 18, 3) || '-' || lpad(to_hex((i * 2654435761) % 281474976710656), 12, '0'))::uuid $$;

-- A pseudo-random integer in [0, m) from a row number and a salt (hashint8 is Postgres' own, in C).
create function bench.r(i bigint, salt int, m int) returns int
  language sql immutable parallel safe
  as $$ select ((hashint8(i * 1009 + salt)::bigint + 2147483648) % m)::int $$;

-- One element of a text array, chosen by (i, salt).
create function bench.pick(arr text[], i bigint, salt int) returns text
  language sql immutable parallel safe
  as $$ select arr[1 + bench.r(i, salt, cardinality(arr))] $$;

-- The benchmark's fixed "now", so both databases and all phases agree on dates.
create table bench.clock as select date_trunc('hour', now()) as now;

-- Words per country. Nothing here contains the rare word (see 30-cases.sql).
create table bench.words (country text primary key, first_names text[], last_names text[], company_suffixes text[],
  streets text[], cities text[], postal_prefix text[]);
insert into bench.words values
('SE',
 array['Anna','Erik','Karin','Lars','Maria','Johan','Eva','Per','Sara','Anders','Lena','Mikael','Emma','Fredrik','Ingrid','Magnus',
       'Sofia','Nils','Elin','Gustav','Maja','Oskar','Astrid','Henrik','Linnea','Björn','Kerstin','Olof','Ulla','Viktor'],
 array['Andersson','Johansson','Karlsson','Nilsson','Eriksson','Larsson','Olsson','Persson','Svensson','Gustafsson','Pettersson',
       'Jonsson','Jansson','Hansson','Bengtsson','Jönsson','Lindberg','Jakobsson','Magnusson','Lindström','Berg','Holm','Lund',
       'Sandberg','Forsberg','Engström','Åberg','Ström','Wallin','Sjöberg'],
 array['Bygg AB','Konsult AB','Redovisning AB','Café AB','Tandvård AB','Frisör AB','Arkitekter AB','Handel AB','IT-tjänster AB'],
 array['Storgatan','Kungsgatan','Drottninggatan','Vasagatan','Sveavägen','Götgatan','Linnégatan','Björkvägen','Ekvägen',
       'Tallvägen','Parkvägen','Skolgatan','Kyrkogatan','Järnvägsgatan','Nygatan','Östra Hamngatan','Västra Långgatan',
       'Hantverkargatan','Fleminggatan','Odengatan','Karlavägen','Birger Jarlsgatan','Ringvägen','Folkungagatan','Åsögatan',
       'Högbergsgatan','Bellmansgatan','Tegnérgatan','Rådmansgatan','Upplandsgatan','Sankt Eriksgatan','Hornsgatan',
       'Renstiernas gata','Allégatan','Mäster Samuelsgatan','Sjöviksvägen','Ängsvägen','Lärkvägen','Solrosvägen','Gjutargatan'],
 array['Stockholm','Göteborg','Malmö','Uppsala','Västerås','Örebro','Linköping','Helsingborg','Norrköping','Lund'],
 array['111','113','118','211','411','413','553','582','602','753']),
('DK',
 array['Mette','Jens','Lars','Hanne','Søren','Anne','Peter','Kirsten','Niels','Camilla','Mads','Louise','Rasmus','Ida','Frederik',
       'Sofie','Anders','Line','Morten','Julie'],
 array['Nielsen','Jensen','Hansen','Pedersen','Andersen','Christensen','Larsen','Sørensen','Rasmussen','Jørgensen','Petersen',
       'Madsen','Kristensen','Olsen','Thomsen','Poulsen','Johansen','Knudsen','Mortensen','Møller'],
 array['ApS','A/S','Rådgivning ApS','Tandlæger ApS','Byg ApS','Café ApS'],
 array['Vesterbrogade','Nørrebrogade','Østerbrogade','Amagerbrogade','Strandvejen','Jagtvej','Istedgade','Gammel Kongevej',
       'Frederiksberg Allé','Blågårdsgade','Enghavevej','Godthåbsvej','Sønder Boulevard','Falkoner Allé','Tagensvej'],
 array['København','Aarhus','Odense','Aalborg','Frederiksberg','Esbjerg'],
 array['1050','1620','2100','2200','2300','8000','5000','9000']);

-- Message subjects and bodies, case titles and description parts. A row per country.
create table bench.texts (country text primary key, subjects text[], tenant_bodies text[], staff_bodies text[],
  fault_titles text[], service_titles text[], inquiry_titles text[], info_titles text[],
  desc_openings text[], desc_details text[], desc_closings text[], object_types text[]);
insert into bench.texts values
('SE',
 array['Fråga om hyresavin','Störande grannar','Nyckel till förrådet','Parkeringsplats','Andrahandsuthyrning','Renovering av badrummet',
       'Flytt och uppsägning','Bredband i lägenheten','Tvättstugan','Sophantering','Balkongen','Ventilationen','Hyreshöjning',
       'Laddbox för elbil','Inflyttningsbesiktning','Fönsterbyte','Trapphusstädning','Cykelrummet','Porttelefon','Värme i lägenheten'],
 array['Hej! Jag undrar när hyresavin för nästa kvartal kommer, jag har inte fått den ännu.',
       'Grannarna ovanför spelar hög musik sent på kvällarna, senast i natt till klockan två.',
       'Jag har tappat nyckeln till förrådet, hur gör jag för att få en ny?',
       'Finns det någon ledig parkeringsplats i garaget? Vi har skaffat bil.',
       'Vi vill hyra ut lägenheten i andra hand under ett år, vad behöver ni för uppgifter?',
       'Tack för snabbt svar! Det passar bra på tisdag förmiddag.',
       'Jag har fortfarande inte fått något besked om renoveringen av badrummet.',
       'Tvättstugan är bokad av samma person varje dag, går det att göra något åt det?',
       'Sopkärlen i gården är överfulla sedan i helgen.',
       'Det drar kallt från fönstren i vardagsrummet, kan någon komma och titta?',
       'Hur säger jag upp mitt förråd? Jag behöver det inte längre.',
       'Kan vi få installera en laddbox vid vår parkeringsplats?'],
 array['Hej och tack för ditt meddelande. Vi återkommer så snart vi vet mer.',
       'Hyresavin skickas ut den 20:e varje månad. Du hittar den även här i portalen under Fakturor.',
       'Vi har pratat med grannarna och påmint om trivselreglerna.',
       'En ny nyckel kostar 250 kr och hämtas på förvaltningskontoret mot legitimation.',
       'Det finns en ledig plats i garaget från första nästa månad. Vill du att vi reserverar den?',
       'Skicka en ansökan om andrahandsuthyrning med kontrakt och den nya hyresgästens uppgifter.',
       'Vår fastighetsskötare kommer på tisdag mellan 8 och 12.',
       'Vi har tagit upp frågan om tvättstugan på nästa husmöte.',
       'Tack, vi har beställt extra tömning av sopkärlen.',
       'Uppsägning av förrådet sker skriftligen med tre månaders uppsägningstid.'],
 array['Droppande kran i köket','Elementet i sovrummet blir inte varmt','Stopp i avloppet i badrummet','Trasig tvättmaskin i tvättstugan',
       'Hissen står still','Ytterdörren går inte att låsa','Lampan i trapphuset är trasig','Fuktfläck i taket','Kylskåpet kyler inte',
       'Spisen fungerar inte','Toaletten rinner hela tiden','Fönstret går inte att stänga','Ventilationen brummar','Porttelefonen är tyst',
       'Vattenläcka under diskbänken','Brandvarnaren piper'],
 array['Byte av filter i ventilationen','Service av tvättmaskin','Årlig kontroll av hissen','Rensning av takrännor',
       'Byte av packning i blandare','Besiktning av balkonger','Sotning av imkanal','Service av portautomatik'],
 array['Fråga om hyran','Önskemål om ommålning','Fråga om andrahandsuthyrning','Nyckelbeställning','Fråga om parkering',
       'Önskan om extra förråd'],
 array['Vattnet stängs av på tisdag','Trapphusstädning flyttas','Fönsterputs i hela fastigheten','Stambyte i höst',
       'Ny entrédörr monteras','Sophämtningen ändras'],
 array['Det har varit så sedan i helgen.','Felet upptäcktes i morse.','Problemet har återkommit flera gånger den senaste månaden.',
       'Det började efter att vattnet varit avstängt.','Grannen har samma problem.','Det hände i samband med stormen i natt.'],
 array['Det droppar ungefär en gång i sekunden och vattnet samlas på golvet.','Radiatorn är kall trots att termostaten står på max.',
       'Vattnet rinner undan mycket långsamt och det luktar illa.','Maskinen stannar mitt i programmet och visar felkod E21.',
       'Hissen stannade mellan våning tre och fyra och larmet gick.','Låset kärvar och nyckeln går inte att vrida om.',
       'Det blinkar och slocknar efter några sekunder.','Fläcken är ungefär en halv meter bred och växer.',
       'Temperaturen ligger på tolv grader och maten blir dålig.','Två av plattorna blir inte varma.',
       'Det porlar i toalettstolen hela natten.','Fönsterbeslaget har lossnat på ena sidan.'],
 array['Ni får gärna använda huvudnyckel om jag inte är hemma.','Ring gärna innan ni kommer.','Jag är hemma efter klockan 16.',
       'Hunden är hemma, men den är snäll.','Det är bråttom eftersom vi har småbarn.','Tack på förhand!'],
 array['Tvättmaskin','Torktumlare','Hiss','Ventilationsaggregat','Porttelefon','Värmepump']),
('DK',
 array['Spørgsmål om huslejen','Støjende naboer','Nøgle til kælderrum','Parkeringsplads','Fremleje','Renovering af badeværelset',
       'Fraflytning','Internet i lejligheden','Vaskeriet','Affaldssortering','Altanen','Ventilationen'],
 array['Hej! Jeg har ikke modtaget opkrævningen for næste kvartal endnu.',
       'Naboerne ovenpå spiller høj musik sent om aftenen.',
       'Jeg har mistet nøglen til kælderrummet, hvordan får jeg en ny?',
       'Er der en ledig parkeringsplads i gården?',
       'Tak for det hurtige svar! Tirsdag formiddag passer fint.',
       'Det trækker koldt fra vinduerne i stuen, kan nogen komme og se på det?'],
 array['Tak for din besked. Vi vender tilbage, så snart vi ved mere.',
       'Opkrævningen sendes den 20. i hver måned. Du finder den også her i portalen.',
       'Vi har talt med naboerne og mindet dem om husordenen.',
       'En ny nøgle koster 200 kr. og afhentes på ejendomskontoret.',
       'Vores vicevært kommer tirsdag mellem 8 og 12.'],
 array['Dryppende vandhane i køkkenet','Radiatoren i soveværelset bliver ikke varm','Stoppet afløb i badeværelset',
       'Vaskemaskinen i vaskeriet er i stykker','Elevatoren står stille','Hoveddøren kan ikke låses','Fugtplet i loftet',
       'Køleskabet køler ikke'],
 array['Udskiftning af filter i ventilationen','Service af vaskemaskine','Årligt eftersyn af elevatoren','Rensning af tagrender'],
 array['Spørgsmål om huslejen','Ønske om maling','Spørgsmål om fremleje','Bestilling af nøgle'],
 array['Vandet lukkes tirsdag','Trappevask flyttes','Vinduespudsning i hele ejendommen','Faldstammeudskiftning til efteråret'],
 array['Det har været sådan siden weekenden.','Fejlen blev opdaget i morges.','Problemet er vendt tilbage flere gange.'],
 array['Det drypper cirka en gang i sekundet.','Radiatoren er kold, selvom termostaten står på max.',
       'Vandet løber meget langsomt ud, og det lugter.','Maskinen stopper midt i programmet.'],
 array['I må gerne bruge hovednøgle, hvis jeg ikke er hjemme.','Ring gerne, før I kommer.','Tak på forhånd!'],
 array['Vaskemaskine','Tørretumbler','Elevator','Ventilationsanlæg']);
