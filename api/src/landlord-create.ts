/**
 * `npm run landlord:create -- --name "Göta Hem AB" --country SE --locale sv --admin-email anna@gotahem.se [--admin-name "Anna Berg"]`
 *
 * Creates a landlord and invites its first admin by e-mail (section 4), against the configured
 * DATABASE_URL — the same command in development and in production (built to api/dist like
 * migrate and seed). The invitation goes through the outbox: the worker sends it (in development
 * it lands in the mail catcher). See docs/landlord-data.md.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type NewLandlord, NewLandlordSchema } from '@portico/shared/contracts/settings';
import { loadConfig } from './config';
import { createDb } from './db/client';
import { createLandlordWithAdmin } from './modules/onboarding/service';

const DEFAULT_LOCALE = { SE: 'sv', DK: 'da' } as const;

const USAGE =
  'usage: npm run landlord:create -- --name "<name>" --country SE|DK [--locale sv|da|en] --admin-email <e-mail> [--admin-name "<name>"]';

/** The command line as the service's input; throws with a readable message on bad input. */
export function parseLandlordArgs(argv: string[]): NewLandlord {
  const { values } = parseArgs({
    args: argv,
    options: {
      name: { type: 'string' },
      country: { type: 'string' },
      locale: { type: 'string' },
      'admin-email': { type: 'string' },
      'admin-name': { type: 'string' },
    },
    strict: true,
  });
  const country = values.country?.toUpperCase();
  const email = values['admin-email'] ?? '';
  const parsed = NewLandlordSchema.safeParse({
    name: values.name,
    country,
    defaultLocale: values.locale ?? DEFAULT_LOCALE[country as 'SE' | 'DK'],
    adminEmail: email,
    adminName: values['admin-name'] ?? email.split('@')[0],
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  --${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`${USAGE}\n${problems}`);
  }
  return parsed.data;
}

/** Runs the command against a database URL; returns what it created. */
export async function runLandlordCreate(argv: string[], env: NodeJS.ProcessEnv = process.env) {
  const input = parseLandlordArgs(argv);
  const config = loadConfig(env);
  const { db, pool } = createDb(config.databaseUrl, { max: 1 });
  try {
    return await createLandlordWithAdmin({ db, config }, input);
  } finally {
    await pool.end();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const { landlord, admin } = await runLandlordCreate(process.argv.slice(2));
    console.log(`landlord created: ${landlord.name} (${landlord.country}, ${landlord.defaultLocale}) id ${landlord.id}`);
    console.log(`invitation queued for ${admin.email} (admin); the worker sends it — the link is valid for 7 days`);
  } catch (err) {
    const code = (err as { code?: string }).code;
    console.error(code === 'email_taken' ? 'error: that admin e-mail already has a staff account' : `error: ${(err as Error).message}`);
    process.exitCode = 1;
  }
}
