/**
 * For the worker's tests: a database of their own (the worker's relay and reconciler see every
 * outbox row, so they must not share one with other test files) and a wait helper.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { runMigrations } from '../db/migrate';

const adminUrl = process.env.PG_ADMIN_URL ?? process.env.DATABASE_URL!.replace(/\/[^/]+$/, '/postgres');

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function ownDatabase(label: string) {
  const name = `portico_${label}_${randomUUID().slice(0, 8)}`;
  await admin(`create database ${name}`);
  const url = adminUrl.replace(/\/[^/]+$/, `/${name}`);
  await runMigrations(url);
  return { name, url, drop: () => admin(`drop database if exists ${name} with (force)`) };
}

export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
