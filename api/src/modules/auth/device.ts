/**
 * A short, human label for a session's device ("Firefox on Android") from its User-Agent, for
 * the device list in Settings. Only a label: nothing is decided on it.
 */
const BROWSERS = [
  ['Edg/', 'Edge'],
  ['OPR/', 'Opera'],
  ['Firefox/', 'Firefox'],
  ['Chrome/', 'Chrome'],
  ['Safari/', 'Safari'],
] as const;
const SYSTEMS = [
  ['Android', 'Android'],
  ['iPhone', 'iPhone'],
  ['iPad', 'iPad'],
  ['Windows', 'Windows'],
  ['Mac OS X', 'macOS'],
  ['CrOS', 'ChromeOS'],
  ['Linux', 'Linux'],
] as const;

export function deviceLabel(userAgent: string | undefined): string {
  if (!userAgent) return 'Unknown device';
  const browser = BROWSERS.find(([token]) => userAgent.includes(token))?.[1] ?? 'Browser';
  const os = SYSTEMS.find(([token]) => userAgent.includes(token))?.[1] ?? 'unknown system';
  return `${browser} on ${os}`;
}

/**
 * The stored label split into browser and system (product names, the same in every language),
 * so the portal writes the words around them in the reader's language ("Chrome på Linux").
 * Null where the label does not name one.
 */
export function deviceParts(label: string): { browser: string | null; os: string | null } {
  const [browser, os] = label.split(' on ');
  return {
    browser: BROWSERS.some(([, name]) => name === browser) ? browser! : null,
    os: SYSTEMS.some(([, name]) => name === os) ? os! : null,
  };
}
