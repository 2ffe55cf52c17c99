import { preferencesQueryOptions } from '@/features/settings/api/get-preferences';
import { loadMe, prefetch } from './prefetch';

/** Everything behind sign-in needs the user first (the portal layout waits for it). */
export async function portalLayoutLoader() {
  await loadMe();
  return null;
}

export async function settingsLoader() {
  if (!(await loadMe())) return null;
  await prefetch(preferencesQueryOptions());
  return null;
}
