/**
 * Postal codes of the landlords' countries: Sweden `NNN NN` (written with a space; typed without
 * one too), Denmark four digits. `normalizePostalCode` gives the stored form, or null when the
 * value is no postal code of that country.
 */
export type PostalCountry = 'SE' | 'DK';

export function normalizePostalCode(country: PostalCountry, value: string): string | null {
  const v = value.trim();
  if (country === 'SE') {
    const m = /^(\d{3}) ?(\d{2})$/.exec(v);
    return m ? `${m[1]} ${m[2]}` : null;
  }
  // DK: 4 digits, optionally written "DK-2100".
  const m = /^(?:DK-?)?(\d{4})$/i.exec(v);
  return m ? m[1]! : null;
}

export const isPostalCode = (country: PostalCountry, value: string) => normalizePostalCode(country, value) !== null;
