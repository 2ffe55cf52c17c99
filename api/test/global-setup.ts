import { runMigrations } from '../src/db/migrate';

/** Migrates the test database once per run; every test then makes its own landlord. */
export default async function setup() {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run the API tests through `npm test`');
  await runMigrations(process.env.DATABASE_URL);
}
