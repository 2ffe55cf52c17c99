import { earlyRequests, sendEarly } from './lib/early-requests';
import { initialLocale } from './lib/locale-rule';
import { readStoredSelection } from './lib/selection-storage';

/**
 * The inline script of index.html (built and inlined by build/boot-plugin.ts; not part of the app
 * bundle): `boot()` runs from the head, before the stylesheet, `paint()` at the end of the body. It
 * runs while the page is parsed, before any JS has loaded:
 * - it picks the language by the app's own rule (`initialLocale`, lib/locale-rule.ts) and sets
 *   `<html lang>`;
 * - it adds `<link rel="modulepreload">` for the current path's route chunks and for that language's
 *   catalogue chunks, so they download beside the entry instead of after it has run;
 * - for a returning user on /messages it starts that page's first API requests (/me, the unread
 *   badge, the list page), which the app's API client then takes instead of asking again
 *   (lib/early-requests.ts), so the data arrives while the JS downloads and evaluates;
 * - on a prerendered path (the sign-in page) it puts that language's prerendered markup into #root,
 *   so the page paints before React has loaded; main.tsx then hydrates it.
 */
export interface BootManifest {
  /** Route pattern (react-router syntax: `/messages/:threadId`, `*`) → JS files beyond the entry's. */
  routes: Record<string, string[]>;
  /** Language → its catalogue chunks. */
  catalogues: Record<string, string[]>;
  /** Paths with prerendered markup: a `<template id="prerender:<path>:<locale>">` per language. */
  prerendered: string[];
  /** The app's entry module (index.html has it as a modulepreload; this script starts it). */
  entry: string;
}

export const PRERENDER_ID_PREFIX = 'prerender:';

/**
 * The pattern react-router would pick for `pathname` among `patterns` (the subset the portal's route
 * table uses: static segments, `:param` segments, a trailing `*`), or null. Static segments outrank
 * parameters, which outrank a splat; case-insensitive, trailing slashes ignored, like react-router.
 */
export function matchRoute(patterns: readonly string[], pathname: string): string | null {
  const segments = pathname.toLowerCase().split('/').filter(Boolean);
  let best: string | null = null;
  let bestScore = -1;
  for (const pattern of patterns) {
    const parts = pattern.toLowerCase().split('/').filter(Boolean);
    let score = 0;
    let matched = true;
    let splat = false;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] as string;
      if (part === '*' && i === parts.length - 1) {
        splat = true;
        break;
      }
      const segment = segments[i];
      if (segment === undefined) matched = false;
      else if (part.startsWith(':')) score += 3;
      else if (part === segment) score += 10;
      else matched = false;
      if (!matched) break;
    }
    if (!matched || (!splat && parts.length !== segments.length)) continue;
    if (score > bestScore) {
      best = pattern;
      bestScore = score;
    }
  }
  return best;
}

/** Whether the prerendered markup of this path matches what the app would render now. */
function plainVisit(): boolean {
  // The sign-in page shows notices for `?eidError=` and for a navigation state (kept across reloads).
  const state = history.state as { usr?: unknown } | null;
  return location.search === '' && (state?.usr ?? null) === null;
}

/** Called by the app (AppProviders' first effect) once React owns the page. */
export const HYDRATED_CALLBACK = '__porticoHydrated';

/**
 * Until React has hydrated the prerendered form, submitting it would be the browser's own GET, with
 * the password in the URL. Hold the submit and send it again through the app once it is ready.
 */
function holdSubmitsUntilHydrated(): void {
  let held: HTMLFormElement | null = null;
  const hold = (event: Event) => {
    event.preventDefault();
    if (event.target instanceof HTMLFormElement) held = event.target;
  };
  document.addEventListener('submit', hold, true);
  (window as unknown as Record<string, () => void>)[HYDRATED_CALLBACK] = () => {
    document.removeEventListener('submit', hold, true);
    const form = held;
    held = null;
    form?.requestSubmit();
  };
}

function warmIntl(locale: string): void {
  try {
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(0);
    new Intl.PluralRules(locale).select(1);
  } catch {
    // an old browser without dateStyle: the app formats without this head start
  }
}

let booted: { manifest: BootManifest; locale: string } | null = null;

/**
 * The head part (an inline script before the stylesheet, so no stylesheet holds it up): language and
 * the page's early data requests. `paint()` at the end of the body does the rest.
 */
export function boot(manifest: BootManifest): void {
  const locale = initialLocale();
  document.documentElement.lang = locale;
  // First: the page's data has the longest way to go (the API and the database), and the requests go
  // out before the route chunks take the connections.
  const stored = readStoredSelection();
  const early = earlyRequests(location.pathname, location.search, stored);
  sendEarly(early, stored?.customerId);
  // That page's first render formats dates and a plural: the browser loads ICU's data for the
  // language on the first Intl use (tens of ms on a phone; the largest item of the render's profile
  // at 4× throttle). Load it now, in a task of its own, while the app's JS is on its way.
  if (early.length) setTimeout(() => warmIntl(locale), 0);
  booted = { manifest, locale };
}

/**
 * The body part (end of the body: #root and the templates exist): modulepreload links, prerendered
 * markup, then the entry. (The preloads from the head were tried: their compilation then competed
 * with the page's parsing, 8S15.)
 */
export function paint(): void {
  if (!booted) return;
  const { manifest, locale } = booted;
  const pattern = matchRoute(Object.keys(manifest.routes), location.pathname);
  const files = [...(pattern ? (manifest.routes[pattern] ?? []) : []), ...(manifest.catalogues[locale] ?? [])];
  for (const href of files) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.appendChild(link);
  }
  const start = () => {
    const script = document.createElement('script');
    script.type = 'module';
    script.crossOrigin = '';
    script.src = manifest.entry;
    document.head.appendChild(script);
  };
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const template = document.getElementById(`${PRERENDER_ID_PREFIX}${path}:${locale}`);
  const root = document.getElementById('root');
  if (manifest.prerendered.includes(path) && plainVisit() && template instanceof HTMLTemplateElement && root) {
    root.replaceChildren(template.content.cloneNode(true));
    holdSubmitsUntilHydrated();
    // Let the browser paint the page before the entry runs (it is downloading meanwhile: modulepreload):
    // evaluating React and the app takes a few hundred ms on a slow phone.
    requestAnimationFrame(() => setTimeout(start, 0));
  } else start();
}
