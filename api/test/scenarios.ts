import type { DbOrTx } from '../src/db/client';
import { messages, threads } from '../src/db/schema/messaging';

/** A thread with one tenant message, written straight to the tables (for browser tests' set-up). */
export async function createMessageThread(
  db: DbOrTx,
  values: { landlordId: string; customerId: string; leaseId: string; subject: string; portalUser: { id: string; name: string } },
) {
  const now = new Date();
  const [thread] = await db
    .insert(threads)
    .values({
      landlordId: values.landlordId,
      customerId: values.customerId,
      leaseId: values.leaseId,
      subject: values.subject,
      lastAuthorKind: 'tenant',
      lastMessageAt: now,
      lastTenantMessageAt: now,
      lastMessagePreview: values.subject,
      messageCount: 1,
    })
    .returning();
  await db.insert(messages).values({
    landlordId: values.landlordId,
    threadId: thread!.id,
    authorKind: 'tenant',
    authorId: values.portalUser.id,
    authorName: values.portalUser.name,
    body: values.subject,
    createdAt: now,
  });
  return thread!;
}
