import { COUNT_CAP } from '@portico/shared/pagination';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { cappedCount, decodeCursor, encodeCursor, keyset } from './cursor';
import { createDb } from './db/client';

describe('created-at cursor (deliveries)', () => {
  it('round-trips a position and refuses forged ones with a 400', () => {
    const at = { createdAt: new Date('2026-11-30T12:00:00.123Z'), id: '0b3c2a4e-8f1d-4c2b-9a77-5d2e1f0a9b11' };
    expect(decodeCursor(encodeCursor(at))).toEqual(at);
    for (const forged of [
      '',
      'not-base64!',
      Buffer.from('0000-01-01T00:00:00Z|x').toString('base64url'),
      Buffer.from(`junk|${at.id}`).toString('base64url'),
    ]) {
      expect(() => decodeCursor(forged)).toThrow(expect.objectContaining({ statusCode: 400 }));
    }
  });
});

describe('keyset pages over a real table', () => {
  const { db, pool } = createDb(loadConfig().databaseUrl, { max: 1 }); // a temp table lives in one session
  const table = sql.raw('keyset_probe');
  const at = sql.raw('keyset_probe.at');
  const id = sql.raw('keyset_probe.id');
  const ks = keyset(
    [
      { expr: at, type: 'timestamptz' },
      { expr: id, type: 'int' },
    ],
    'desc',
  );

  beforeAll(async () => {
    await db.execute(sql`create temp table if not exists keyset_probe (id int primary key, at timestamptz not null)`);
    await db.execute(sql`truncate keyset_probe`);
    // 53 rows; ties on `at` (three per instant) and instants a microsecond apart, which a JS Date cannot tell apart.
    await db.execute(
      sql`insert into keyset_probe select g, timestamptz '2026-01-01 00:00:00' + (g / 3) * interval '1 microsecond' from generate_series(1, 53) g`,
    );
  });
  afterAll(() => pool.end());

  async function read(cursor?: string, limit = 10) {
    const pos = ks.decode(cursor);
    const rows = (
      await db.execute<{ id: number; k0: string; k1: string }>(
        sql`select id, ${ks.select.k0} as k0, ${ks.select.k1} as k1 from ${table} where ${ks.where(pos) ?? sql`true`} order by ${sql.join(ks.orderBy(pos), sql`, `)} limit ${limit + 1}`,
      )
    ).rows;
    return ks.page(rows, limit, pos);
  }

  it('walks forward over every row once, in order, and back again to the first page', async () => {
    const seen: number[] = [];
    const pages = [];
    let page = await read();
    expect(page.previousCursor).toBeNull();
    for (;;) {
      pages.push(page);
      seen.push(...page.items.map((r) => r.id));
      if (!page.nextCursor) break;
      page = await read(page.nextCursor);
    }
    expect(seen).toEqual(Array.from({ length: 53 }, (_, i) => 53 - i));
    expect(pages).toHaveLength(6);
    // Back from the last page, page by page, the same items as on the way forward.
    for (let i = pages.length - 1; i > 0; i--) {
      const back = await read(pages[i]!.previousCursor!);
      expect(back.items.map((r) => r.id)).toEqual(pages[i - 1]!.items.map((r) => r.id));
    }
    const first = await read(pages[1]!.previousCursor!);
    expect(first.previousCursor).toBeNull();
    expect(first.nextCursor).not.toBeNull();
  });

  it('refuses forged and damaged cursors with a 400, never a database error', async () => {
    const good = (await read()).nextCursor!;
    const forge = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const forged of [
      'x',
      good.slice(0, -3),
      forge(['a', '2026-13-45 00:00:00+00', '1']),
      forge(['a', 'yesterday', '1']),
      forge(['a', '0000-01-01 00:00:00+00', '1']),
      forge(['a', '2026-01-01 00:00:00+00', '1; drop table x']),
      forge(['c', '2026-01-01 00:00:00+00', '1']),
      forge(['a', '2026-01-01 00:00:00+00']),
      forge({ a: 1 }),
    ]) {
      await expect(read(forged)).rejects.toMatchObject({ statusCode: 400 });
    }
  });

  it('counts matches up to the cap, and says when the cap was reached', async () => {
    const small = await cappedCount(db, db.select({ one: sql`1` }).from(sql`generate_series(1, 7)`));
    expect(small).toEqual({ total: 7, totalCapped: false });
    const large = await cappedCount(db, db.select({ one: sql`1` }).from(sql`generate_series(1, ${COUNT_CAP * 3})`));
    expect(large).toEqual({ total: COUNT_CAP, totalCapped: true });
    const exact = await cappedCount(db, db.select({ one: sql`1` }).from(sql`generate_series(1, ${COUNT_CAP})`));
    expect(exact).toEqual({ total: COUNT_CAP, totalCapped: false });
  });
});
