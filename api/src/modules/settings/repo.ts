import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { landlords } from '../../db/schema/landlords';

export type LandlordRow = typeof landlords.$inferSelect;

export async function findLandlord(db: DbOrTx, landlordId: string, lock = false) {
  const query = db.select().from(landlords).where(eq(landlords.id, landlordId));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export type LandlordPatch = Partial<Omit<typeof landlords.$inferInsert, 'id' | 'country' | 'createdAt' | 'updatedAt'>>;

export async function updateLandlord(db: DbOrTx, landlordId: string, patch: LandlordPatch) {
  if (Object.keys(patch).length)
    await db
      .update(landlords)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(landlords.id, landlordId));
}

export async function insertLandlord(
  db: DbOrTx,
  values: { name: string; country: 'SE' | 'DK'; defaultLocale: 'sv' | 'da' | 'en'; portalEnabled?: boolean },
) {
  const [row] = await db.insert(landlords).values(values).returning();
  return row!;
}
