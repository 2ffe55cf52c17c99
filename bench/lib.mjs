// Small helpers shared by capture.mjs and measure.mjs.
import { readFileSync } from 'node:fs';

export const CSRF_HEADER = 'x-portico-csrf';

/** Signs in through the API like a browser; returns the headers a signed-in GET needs. */
export async function signIn(baseUrl, audience, email, password) {
  const res = await fetch(`${baseUrl}/api/v1/auth/${audience}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${email} (${audience}) at ${baseUrl}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .filter((c) => !c.endsWith('='))
    .join('; ');
  return { cookie, [CSRF_HEADER]: '1' };
}

/** Headers per audience (`staff`, `tenant`) for one API. */
export async function signInBoth(baseUrl, env = process.env) {
  return {
    staff: await signIn(baseUrl, 'staff', env.STAFF_EMAIL, env.BENCH_PASSWORD),
    tenant: await signIn(baseUrl, 'portal', env.PORTAL_EMAIL, env.BENCH_PASSWORD),
  };
}

export const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

export function percentile(sorted, p) {
  if (!sorted.length) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return Number.NaN;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}
