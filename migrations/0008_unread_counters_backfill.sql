-- Derived messaging counters (decision 8M2), rebuilt from threads and thread_reads.
-- Idempotent: run it any number of times, e.g. after bulk-loading threads/messages/thread_reads.
-- The same statements are the migration that introduced the counters (0008_unread_counters_backfill).

-- Per landlord: threads in the staff inbox (a tenant has written).
insert into staff_inbox_counts (landlord_id, threads)
select l.id, coalesce(c.n, 0)
from landlords l
left join (
  select landlord_id, count(*)::int as n from threads where last_tenant_message_at is not null group by landlord_id
) c on c.landlord_id = l.id
on conflict (landlord_id) do update set threads = excluded.threads;
--> statement-breakpoint

-- Per staff user: inbox threads read since the tenant's last message.
insert into staff_read_counts (landlord_id, staff_user_id, caught_up)
select s.landlord_id, s.id, coalesce(c.n, 0)
from staff_users s
left join (
  select r.landlord_id, r.reader_id, count(*)::int as n
  from thread_reads r
  join threads t on t.landlord_id = r.landlord_id and t.id = r.thread_id
  where r.reader_kind = 'staff' and t.last_tenant_message_at is not null and r.last_read_at >= t.last_tenant_message_at
  group by r.landlord_id, r.reader_id
) c on c.landlord_id = s.landlord_id and c.reader_id = s.id
on conflict (landlord_id, staff_user_id) do update set caught_up = excluded.caught_up;
