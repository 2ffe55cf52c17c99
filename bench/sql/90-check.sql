-- Consistency of the generated data (run on the small database): every thread's counters match its
-- messages, and the rare word is in exactly five cases of the first landlord.
\set ON_ERROR_STOP on
do $$
declare bad bigint; rare bigint;
begin
  select count(*) into bad
  from threads t
  join (
    select thread_id, count(*)::int as n, max(created_at) as last_at,
      max(created_at) filter (where author_kind = 'staff') as last_staff,
      max(created_at) filter (where author_kind = 'tenant') as last_tenant,
      (array_agg(left(body, 160) order by created_at desc))[1] as preview,
      (array_agg(author_kind order by created_at desc))[1] as last_kind
    from messages group by thread_id
  ) m on m.thread_id = t.id
  where t.message_count <> m.n or t.last_message_at <> m.last_at
     or t.last_staff_message_at is distinct from m.last_staff or t.last_tenant_message_at is distinct from m.last_tenant
     or t.last_message_preview <> m.preview or t.last_author_kind <> m.last_kind;
  if bad > 0 then raise exception '% threads disagree with their messages', bad; end if;
  select count(*) into bad from threads t where not exists (select 1 from messages m where m.thread_id = t.id);
  if bad > 0 then raise exception '% threads without messages', bad; end if;
  select count(*) into rare from cases where description ilike '%' || current_setting('bench.rare_word') || '%';
  if rare <> 5 then raise exception 'rare word in % cases, expected 5', rare; end if;
end $$;
