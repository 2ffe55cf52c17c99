/**
 * The possessive of a name ("Göta Fastigheter AB:s kundportal"), by the language's own rules.
 * Catalogue strings use it as `{{landlordName, genitive}}`; `addGenitiveFormat` teaches an
 * i18next instance the format. Pure, no dependencies, so the API and both SPAs share it.
 *
 * Swedish (Svenska skrivregler): a name ending in s, x or z takes nothing ("Lars bil", "Max"),
 * an abbreviation or anything ending in a capital letter or digit takes colon-s ("AB:s", "HSB:s",
 * "Kv. 7:s"), everything else a plain s ("Annas"). Danish (Retskrivningsordbogen): s, x or z take
 * an apostrophe ("Jens'", "A/S'"), abbreviations apostrophe-s ("DSB's"), else a plain s.
 * English: apostrophe-s, or a bare apostrophe after s ("James'").
 */
export function genitive(name: string, locale: string): string {
  const trimmed = name.trim();
  if (!trimmed) return name;
  const sibilant = /[sxz]$/i.test(trimmed);
  // An abbreviation: ends in a capital letter or a digit (AB, HSB, A/S, 7).
  const abbreviation = /[\p{Lu}\p{Nd}]$/u.test(trimmed);
  switch (locale.slice(0, 2)) {
    case 'sv':
      if (abbreviation) return `${trimmed}:s`;
      return sibilant ? trimmed : `${trimmed}s`;
    case 'da':
      if (sibilant) return `${trimmed}'`;
      return abbreviation ? `${trimmed}'s` : `${trimmed}s`;
    default:
      return /s$/i.test(trimmed) ? `${trimmed}'` : `${trimmed}'s`;
  }
}

/** Registers `genitive` as an i18next format (`{{name, genitive}}`); call after `init`. */
export function addGenitiveFormat(i18n: {
  services: { formatter?: { add(name: string, fn: (value: unknown, lng: string | undefined) => string): void } };
}) {
  i18n.services.formatter?.add('genitive', (value, lng) => genitive(String(value ?? ''), lng ?? 'en'));
}
