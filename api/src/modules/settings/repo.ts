import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { landlords } from '../../db/schema/landlords';

export async function findLandlord(db: DbOrTx, landlordId: string) {
  const [row] = await db.select().from(landlords).where(eq(landlords.id, landlordId));
  return row;
}

export async function updateLandlord(
  db: DbOrTx,
  landlordId: string,
  patch: Partial<
    Pick<typeof landlords.$inferInsert, 'name' | 'portalEnabled' | 'passwordPolicy' | 'defaultLocale' | 'invoicesRequireStrongAuth'>
  >,
) {
  if (Object.keys(patch).length) await db.update(landlords).set(patch).where(eq(landlords.id, landlordId));
}
