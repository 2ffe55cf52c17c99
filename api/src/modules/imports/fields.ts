import type { ImportKind } from '@portico/shared/contracts/imports';
import { LOCALES, type Locale } from '@portico/shared/locale';
import { translator } from '../../i18n';
import { normaliseHeader } from './parse';

/**
 * What a column's text becomes: `decimal` and `money` read Nordic numbers ("1 234,50"), `money`
 * in minor units (öre/øre), `date` reads YYYY-MM-DD, DD.MM.YYYY and DD-MM-YYYY, `list` splits on
 * `;` `,` or line breaks, `enum` matches a value or one of its words in sv/da/en.
 */
export type FieldType = 'text' | 'int' | 'decimal' | 'money' | 'date' | 'list' | 'enum';
export type FieldSpec = {
  key: string;
  required?: boolean;
  type?: FieldType;
  /** enum: value → words that mean it (besides the value itself), any language. */
  values?: Record<string, string[]>;
  /** Header words besides the field's label in sv/da/en (matched case- and punctuation-blind). */
  aliases?: string[];
};

export type Values = Record<string, unknown>;
/** A row turned into the upsert's input, and which field a path of that input came from (to name the column of an error). */
export type Built = { input: Record<string, unknown>; fieldOf: (path: PropertyKey[]) => string | undefined };

export type KindSpec = { kind: ImportKind; fields: FieldSpec[]; build: (v: Values) => Built };

const UNIT_TYPES = {
  apartment: ['lägenhet', 'lgh', 'bostad', 'lejlighed', 'bolig', 'flat'],
  office: ['kontor'],
  retail: ['butik', 'lokal', 'butikslokal', 'forretning', 'erhverv', 'shop'],
  storage: ['förråd', 'lager', 'depotrum', 'pulterrum', 'kælderrum'],
  parking: ['parkering', 'pplats', 'garage', 'parkeringsplads', 'carport'],
};
const CUSTOMER_KINDS = {
  person: ['privatperson', 'privat', 'individ', 'individual', 'private'],
  company: ['företag', 'organisation', 'bolag', 'virksomhed', 'firma', 'selskab', 'organization', 'business'],
};
const LEASE_TYPES = {
  residential: ['bostad', 'bolig', 'lägenhet', 'lejlighed', 'hyresrätt', 'beboelse'],
  commercial: ['lokal', 'kommersiell', 'erhverv', 'erhvervslejemål', 'företag', 'business'],
  parking: ['parkering', 'pplats', 'garage', 'parkeringsplads'],
  storage: ['förråd', 'depotrum', 'lager'],
};
const LANGUAGES = { sv: ['svenska', 'swedish', 'svensk'], da: ['dansk', 'danska', 'danish'], en: ['engelska', 'engelsk', 'english'] };
/** Rent line columns (leases): one money column each, by the line's kind. */
const RENT_FIELDS: Record<string, string> = {
  rent: 'rent',
  heating: 'heating',
  water: 'water',
  electricity: 'electricity',
  parking: 'parking',
  storage: 'storage',
  serviceCharge: 'service_charge',
};

/** Plain fields copied to the input under their own key; `fieldOf` names the first path segment. */
const direct =
  (...omit: string[]) =>
  (v: Values): Built => {
    const input: Record<string, unknown> = {};
    for (const [k, value] of Object.entries(v)) if (!omit.includes(k)) input[k] = value;
    return { input, fieldOf: (path) => (typeof path[0] === 'string' ? path[0] : undefined) };
  };

export const KINDS: Record<ImportKind, KindSpec> = {
  properties: {
    kind: 'properties',
    fields: [
      {
        key: 'externalId',
        required: true,
        aliases: ['id', 'externt id', 'eksternt id', 'external id', 'fastighetsnummer', 'ejendomsnummer'],
      },
      { key: 'name', required: true, aliases: ['fastighet', 'ejendom', 'property', 'namn', 'navn'] },
      { key: 'designation', aliases: ['beteckning', 'matrikel', 'matrikelnr'] },
      { key: 'street', required: true, aliases: ['adress', 'adresse', 'address', 'gata', 'gade', 'street'] },
      { key: 'postalCode', required: true, aliases: ['postnr', 'zip', 'postcode'] },
      { key: 'city', required: true, aliases: ['postort', 'stad', 'by', 'town'] },
      { key: 'description', aliases: ['beskrivning', 'beskrivelse'] },
      { key: 'yearBuilt', type: 'int', aliases: ['byggnadsår', 'byggeår', 'built'] },
      { key: 'totalAreaM2', type: 'decimal', aliases: ['yta', 'areal', 'area', 'm2', 'kvm', 'total yta', 'samlet areal'] },
      { key: 'floors', type: 'int', aliases: ['antal våningar', 'antal etager'] },
      { key: 'areaInfo', aliases: ['områdesinformation', 'områdeinformation', 'område', 'area information'] },
    ],
    build: direct(),
  },
  units: {
    kind: 'units',
    fields: [
      { key: 'externalId', required: true, aliases: ['id', 'externt id', 'eksternt id', 'external id', 'objektsnummer', 'objekt id'] },
      { key: 'propertyExternalId', required: true, aliases: ['fastighet', 'ejendom', 'property', 'fastighetsnummer', 'ejendomsnummer'] },
      { key: 'number', required: true, aliases: ['nummer', 'lgh nr', 'lejemål', 'lejemålsnr', 'unit', 'unit no', 'objektnummer'] },
      { key: 'type', type: 'enum', required: true, values: UNIT_TYPES, aliases: ['typ', 'type', 'kategori'] },
      { key: 'address', aliases: ['adress', 'adresse'] },
      { key: 'areaM2', type: 'decimal', aliases: ['yta', 'areal', 'area', 'm2', 'kvm', 'boarea'] },
      { key: 'floor', aliases: ['våning', 'etage', 'plan', 'vån'] },
    ],
    build: direct(),
  },
  customers: {
    kind: 'customers',
    fields: [
      {
        key: 'externalId',
        required: true,
        aliases: ['id', 'externt id', 'eksternt id', 'external id', 'kundnummer', 'kundenummer', 'customer no'],
      },
      { key: 'kind', type: 'enum', required: true, values: CUSTOMER_KINDS, aliases: ['typ', 'type', 'kundtyp', 'kundetype'] },
      { key: 'name', required: true, aliases: ['namn', 'navn', 'kund', 'kunde', 'customer', 'customer name'] },
      {
        key: 'identityNumber',
        aliases: [
          'personnummer',
          'organisationsnummer',
          'orgnr',
          'persnr',
          'cpr',
          'cvr',
          'cprnummer',
          'cvrnummer',
          'identity number',
          'ssn',
        ],
      },
      { key: 'email', aliases: ['epost', 'mail', 'email'] },
      { key: 'phone', aliases: ['mobil', 'mobilnummer', 'mobile', 'telefon', 'tlf', 'phone'] },
      { key: 'locale', type: 'enum', values: LANGUAGES, aliases: ['språk', 'sprog', 'language'] },
      { key: 'street', aliases: ['adress', 'adresse', 'address', 'gatuadress', 'fakturaadress'] },
      { key: 'postalCode', aliases: ['postnr', 'zip', 'postcode'] },
      { key: 'city', aliases: ['ort', 'postort', 'by', 'town'] },
      { key: 'contactName', aliases: ['kontakt', 'kontaktnamn', 'kontaktnavn', 'contact'] },
      { key: 'contactEmail', aliases: ['kontakt epost', 'kontakt email', 'kontakt e-mail'] },
      { key: 'contactPhone', aliases: ['kontakt mobil', 'kontakt telefon', 'contact phone'] },
      { key: 'contactLanguage', type: 'enum', values: LANGUAGES, aliases: ['kontakt språk', 'kontakt sprog'] },
    ],
    build: (v) => {
      const { contactName, contactEmail, contactPhone, contactLanguage, ...rest } = v;
      const hasContact = [contactName, contactEmail, contactPhone, contactLanguage].some((x) => x !== undefined);
      const contact: Record<string, unknown> = {};
      // A contact's name defaults to the customer's (a household's contact is the tenant).
      if (contactName !== undefined || rest.name !== undefined) contact.name = contactName ?? rest.name;
      if (contactEmail !== undefined) contact.email = contactEmail;
      if (contactPhone !== undefined) contact.phone = contactPhone;
      if (contactLanguage !== undefined) contact.locale = contactLanguage;
      const contactFields: Record<string, string> = {
        name: 'contactName',
        email: 'contactEmail',
        phone: 'contactPhone',
        locale: 'contactLanguage',
      };
      return {
        input: { ...rest, contacts: hasContact ? [contact] : [] },
        fieldOf: (path) =>
          path[0] === 'contacts' ? (contactFields[String(path[2])] ?? 'contactName') : typeof path[0] === 'string' ? path[0] : undefined,
      };
    },
  },
  leases: {
    kind: 'leases',
    fields: [
      { key: 'externalId', required: true, aliases: ['id', 'externt id', 'eksternt id', 'external id', 'avtals id', 'kontrakt id'] },
      { key: 'number', required: true, aliases: ['kontraktsnr', 'avtalsnummer', 'lejekontraktnummer', 'lease no', 'contract number'] },
      { key: 'type', type: 'enum', required: true, values: LEASE_TYPES, aliases: ['typ', 'avtalstyp', 'kontrakttype'] },
      {
        key: 'customerExternalId',
        required: true,
        aliases: ['kund', 'kunde', 'hyresgäst', 'lejer', 'tenant', 'customer', 'kundnummer', 'kundenummer'],
      },
      {
        key: 'unitExternalIds',
        type: 'list',
        required: true,
        aliases: ['objekt', 'lägenhet', 'lägenheter', 'lejemål', 'units', 'unit', 'objekts id', 'lejemåls id'],
      },
      { key: 'areaM2', type: 'decimal', aliases: ['yta', 'areal', 'area', 'm2', 'kvm'] },
      { key: 'validFrom', type: 'date', required: true, aliases: ['från', 'fra', 'from', 'startdatum', 'startdato', 'start', 'tillträde'] },
      { key: 'validTo', type: 'date', aliases: ['till', 'til', 'to', 'slutdatum', 'slutdato', 'end', 'avflytt'] },
      { key: 'noticePeriodMonths', type: 'int', aliases: ['uppsägningstid', 'opsigelse', 'opsigelsesvarsel', 'notice', 'notice period'] },
      { key: 'rent', type: 'money', aliases: ['hyra', 'husleje', 'månadshyra', 'årshyra', 'grundhyra', 'base rent'] },
      { key: 'heating', type: 'money', aliases: ['värme', 'varme', 'heat'] },
      { key: 'water', type: 'money', aliases: ['vatten', 'vand'] },
      { key: 'electricity', type: 'money', aliases: ['el', 'hushållsel', 'elektricitet', 'power'] },
      { key: 'parking', type: 'money', aliases: ['parkering', 'pplats'] },
      { key: 'storage', type: 'money', aliases: ['förråd', 'depotrum', 'lager'] },
      { key: 'serviceCharge', type: 'money', aliases: ['service', 'serviceavgift', 'serviceafgift', 'fællesudgifter'] },
      { key: 'vatRate', type: 'int', aliases: ['moms', 'moms %', 'momssats', 'vat', 'vat %'] },
    ],
    build: (v) => {
      // Each money column is a rent line of its kind; the VAT column applies to every line of the row.
      const { vatRate, ...rest } = v;
      const rentLines: Record<string, unknown>[] = [];
      const lineFields: string[] = [];
      const input: Record<string, unknown> = {};
      for (const [k, value] of Object.entries(rest)) {
        const kind = RENT_FIELDS[k];
        if (kind) {
          rentLines.push({ kind, amountMinor: value, ...(vatRate !== undefined ? { vatRate } : {}) });
          lineFields.push(k);
        } else input[k] = value;
      }
      input.rentLines = rentLines;
      return {
        input,
        fieldOf: (path) =>
          path[0] === 'rentLines'
            ? path[2] === 'vatRate'
              ? 'vatRate'
              : lineFields[Number(path[1])]
            : typeof path[0] === 'string'
              ? path[0]
              : undefined,
      };
    },
  },
};

export const fieldsOf = (kind: ImportKind) => KINDS[kind].fields;

/** A field's column label in a language (the template's header, the console's option). */
export const fieldLabel = (kind: ImportKind, key: string, locale: Locale) => translator(locale)(`imports:fields.${kind}.${key}`);

/**
 * Suggests a field per header: the landlord's remembered mapping first, then the field whose
 * label (sv, da or en), key or alias reads the same. A header matching nothing is left out (an
 * unknown column until mapped or ignored).
 */
export function suggestMapping(kind: ImportKind, headers: string[], remembered: Record<string, string | null> | undefined) {
  const words = new Map<string, string>();
  for (const field of fieldsOf(kind)) {
    const names = [field.key, ...(field.aliases ?? []), ...LOCALES.map((l) => fieldLabel(kind, field.key, l))];
    for (const name of names) {
      const n = normaliseHeader(name);
      if (!words.has(n)) words.set(n, field.key);
    }
  }
  const mapping: Record<string, string | null> = {};
  const taken = new Set<string>();
  for (const header of headers) {
    const n = normaliseHeader(header);
    const known = remembered && n in remembered ? remembered[n] : undefined;
    const field = known !== undefined ? known : words.get(n);
    if (field === undefined || (field !== null && taken.has(field))) continue;
    if (field !== null && !fieldsOf(kind).some((f) => f.key === field)) continue;
    mapping[header] = field;
    if (field) taken.add(field);
  }
  return mapping;
}

/** A converted value, or `{ invalid }` when the text cannot be one (reported against the column). */
export type Converted = { value: unknown } | { invalid: true };

export function convert(field: FieldSpec, text: string): Converted {
  switch (field.type ?? 'text') {
    case 'text':
      return { value: text };
    case 'int': {
      const n = readNumber(text.replace(/\s*%$/, ''));
      return n !== undefined && Number.isInteger(n) ? { value: n } : { invalid: true };
    }
    case 'decimal': {
      const n = readNumber(text);
      return n !== undefined ? { value: n } : { invalid: true };
    }
    case 'money': {
      const n = readNumber(text);
      return n !== undefined ? { value: Math.round(n * 100) } : { invalid: true };
    }
    case 'date': {
      const d = readDate(text);
      return d ? { value: d } : { invalid: true };
    }
    case 'list':
      return {
        value: text
          .split(/[;,\n]/)
          .map((s) => s.trim())
          .filter(Boolean),
      };
    case 'enum': {
      const n = normaliseHeader(text);
      for (const [value, words] of Object.entries(field.values ?? {})) {
        if (normaliseHeader(value) === n || words.some((w) => normaliseHeader(w) === n)) return { value };
      }
      return { invalid: true };
    }
  }
}

/** "1 234,50", "1234.50", "1.234,50", "1,234.50" → 1234.5; anything else undefined. */
export function readNumber(text: string): number | undefined {
  let s = text.replace(/[\s\u00a0\u202f']/g, '').replace(/^−/, '-');
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    s = comma > dot ? s.replaceAll('.', '').replace(',', '.') : s.replaceAll(',', '');
  } else if (comma >= 0) {
    s = s.replace(',', '.');
  }
  if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
  return Number(s);
}

/** YYYY-MM-DD (also what XLSX date cells become), DD.MM.YYYY, DD-MM-YYYY, DD/MM/YYYY → YYYY-MM-DD. */
export function readDate(text: string): string | undefined {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  let [y, mo, d] = m ? [m[1], m[2], m[3]] : [];
  if (!m) {
    m = /^(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})$/.exec(text);
    if (m) [d, mo, y] = [m[1], m[2], m[3]];
  }
  if (!y || !mo || !d) return undefined;
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : undefined;
}
