import { initialLocale } from './lib/locale-rule';

/**
 * The inline script at the end of index.html's body (built and inlined by build/boot-plugin.ts; not
 * part of the app bundle). It runs while the page is parsed, before any JS has loaded:
 * - it picks the language by the app's own rule (`initialLocale`, lib/locale-rule.ts) and sets
 *   `<html lang>`;
 * - it adds `<link rel="modulepreload">` for the current path's route chunks and for that language's
 *   catalogue chunks, so they download beside the entry instead of after it has run;
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

export function boot(manifest: BootManifest): void {
  const locale = initialLocale();
  document.documentElement.lang = locale;
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
