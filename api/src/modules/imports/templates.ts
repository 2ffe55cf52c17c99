import type { ImportFormat, ImportKind } from '@portico/shared/contracts/imports';
import type { Locale } from '@portico/shared/locale';
import { fieldLabel, fieldsOf } from './fields';

type Example = Record<string, string>;

/**
 * Two example rows per kind in each language: Swedish and Danish addresses, identity numbers of
 * the right country (valid check digits), amounts as the landlord's spreadsheet would write them.
 */
const EXAMPLES: Record<Locale, Record<ImportKind, [Example, Example]>> = {
  sv: {
    properties: [
      {
        externalId: 'F-001',
        name: 'Björken 4',
        designation: 'Uppsala Björken 4',
        street: 'Storgatan 12',
        postalCode: '753 20',
        city: 'Uppsala',
        description: 'Flerbostadshus med butik i entréplan',
        yearBuilt: '1962',
        totalAreaM2: '2 450',
        floors: '5',
      },
      {
        externalId: 'F-002',
        name: 'Eken 9',
        designation: 'Uppsala Eken 9',
        street: 'Kungsgatan 40',
        postalCode: '753 21',
        city: 'Uppsala',
        description: '',
        yearBuilt: '1988',
        totalAreaM2: '1 180',
        floors: '3',
      },
    ],
    units: [
      {
        externalId: 'O-1001',
        propertyExternalId: 'F-001',
        number: '1001',
        type: 'Lägenhet',
        address: 'Storgatan 12, lgh 1001',
        areaM2: '64,5',
        floor: '1',
      },
      {
        externalId: 'O-0101',
        propertyExternalId: 'F-001',
        number: '0101',
        type: 'Butik',
        address: 'Storgatan 12',
        areaM2: '120',
        floor: '0',
      },
    ],
    customers: [
      {
        externalId: 'K-5001',
        kind: 'Privatperson',
        name: 'Anna Andersson',
        identityNumber: '19811218-9876',
        email: 'anna.andersson@example.se',
        phone: '070-123 45 67',
        contactName: 'Anna Andersson',
        contactEmail: 'anna.andersson@example.se',
        contactPhone: '070-123 45 67',
        contactLanguage: 'Svenska',
      },
      {
        externalId: 'K-5002',
        kind: 'Företag',
        name: 'Hörnbageriet AB',
        identityNumber: '556677-8899',
        email: 'info@hornbageriet.example.se',
        phone: '073-765 43 21',
        contactName: 'Erik Berg',
        contactEmail: 'erik@hornbageriet.example.se',
        contactPhone: '073-765 43 21',
        contactLanguage: 'Svenska',
      },
    ],
    leases: [
      {
        externalId: 'A-23-0415',
        number: 'HA-23-0415',
        type: 'Bostad',
        customerExternalId: 'K-5001',
        unitExternalIds: 'O-1001',
        areaM2: '64,5',
        validFrom: '2023-04-01',
        validTo: '',
        noticePeriodMonths: '3',
        rent: '8 450,00',
        heating: '',
        parking: '650,00',
        serviceCharge: '',
      },
      {
        externalId: 'A-24-0102',
        number: 'LA-24-0102',
        type: 'Lokal',
        customerExternalId: 'K-5002',
        unitExternalIds: 'O-0101',
        areaM2: '120',
        validFrom: '2024-01-01',
        validTo: '2026-12-31',
        noticePeriodMonths: '9',
        rent: '18 000,00',
        heating: '1 200,00',
        parking: '',
        serviceCharge: '450,00',
        vatRate: '25',
      },
    ],
  },
  da: {
    properties: [
      {
        externalId: 'E-001',
        name: 'Bøgehuset',
        designation: 'Matr. nr. 12a Aarhus Bygrunde',
        street: 'Søndergade 12',
        postalCode: '8000',
        city: 'Aarhus C',
        description: 'Etageejendom med butik i stueetagen',
        yearBuilt: '1962',
        totalAreaM2: '2.450',
        floors: '5',
      },
      {
        externalId: 'E-002',
        name: 'Egegården',
        designation: 'Matr. nr. 7b Aarhus Bygrunde',
        street: 'Vestergade 40',
        postalCode: '8000',
        city: 'Aarhus C',
        description: '',
        yearBuilt: '1988',
        totalAreaM2: '1.180',
        floors: '3',
      },
    ],
    units: [
      {
        externalId: 'L-101',
        propertyExternalId: 'E-001',
        number: '1. th.',
        type: 'Lejlighed',
        address: 'Søndergade 12, 1. th.',
        areaM2: '64,5',
        floor: '1',
      },
      {
        externalId: 'L-001',
        propertyExternalId: 'E-001',
        number: 'St.',
        type: 'Butik',
        address: 'Søndergade 12, st.',
        areaM2: '120',
        floor: '0',
      },
    ],
    customers: [
      {
        externalId: 'K-5001',
        kind: 'Privat',
        name: 'Mette Hansen',
        identityNumber: '010190-1234',
        email: 'mette.hansen@example.dk',
        phone: '20 12 34 56',
        contactName: 'Mette Hansen',
        contactEmail: 'mette.hansen@example.dk',
        contactPhone: '20 12 34 56',
        contactLanguage: 'Dansk',
      },
      {
        externalId: 'K-5002',
        kind: 'Virksomhed',
        name: 'Hjørnebageriet ApS',
        identityNumber: '12345674',
        email: 'info@hjornebageriet.example.dk',
        phone: '30 76 54 32',
        contactName: 'Lars Nielsen',
        contactEmail: 'lars@hjornebageriet.example.dk',
        contactPhone: '30 76 54 32',
        contactLanguage: 'Dansk',
      },
    ],
    leases: [
      {
        externalId: 'LK-23-0415',
        number: 'HA-23-0415',
        type: 'Bolig',
        customerExternalId: 'K-5001',
        unitExternalIds: 'L-101',
        areaM2: '64,5',
        validFrom: '2023-04-01',
        validTo: '',
        noticePeriodMonths: '3',
        rent: '8.450,00',
        heating: '',
        parking: '650,00',
        serviceCharge: '',
      },
      {
        externalId: 'LK-24-0102',
        number: 'EA-24-0102',
        type: 'Erhverv',
        customerExternalId: 'K-5002',
        unitExternalIds: 'L-001',
        areaM2: '120',
        validFrom: '2024-01-01',
        validTo: '2026-12-31',
        noticePeriodMonths: '6',
        rent: '18.000,00',
        heating: '1.200,00',
        parking: '',
        serviceCharge: '450,00',
        vatRate: '25',
      },
    ],
  },
  en: {
    properties: [
      {
        externalId: 'P-001',
        name: 'Birch House',
        designation: 'Uppsala Björken 4',
        street: 'Storgatan 12',
        postalCode: '753 20',
        city: 'Uppsala',
        description: 'Apartment block with a shop on the ground floor',
        yearBuilt: '1962',
        totalAreaM2: '2450',
        floors: '5',
      },
      {
        externalId: 'P-002',
        name: 'Oak Court',
        designation: 'Uppsala Eken 9',
        street: 'Kungsgatan 40',
        postalCode: '753 21',
        city: 'Uppsala',
        description: '',
        yearBuilt: '1988',
        totalAreaM2: '1180',
        floors: '3',
      },
    ],
    units: [
      {
        externalId: 'U-1001',
        propertyExternalId: 'P-001',
        number: '1001',
        type: 'apartment',
        address: 'Storgatan 12, apt 1001',
        areaM2: '64.5',
        floor: '1',
      },
      {
        externalId: 'U-0101',
        propertyExternalId: 'P-001',
        number: '0101',
        type: 'retail',
        address: 'Storgatan 12',
        areaM2: '120',
        floor: '0',
      },
    ],
    customers: [
      {
        externalId: 'C-5001',
        kind: 'person',
        name: 'Anna Andersson',
        identityNumber: '19811218-9876',
        email: 'anna.andersson@example.com',
        phone: '+46 70 123 45 67',
        contactName: 'Anna Andersson',
        contactEmail: 'anna.andersson@example.com',
        contactPhone: '+46 70 123 45 67',
        contactLanguage: 'English',
      },
      {
        externalId: 'C-5002',
        kind: 'company',
        name: 'Corner Bakery AB',
        identityNumber: '556677-8899',
        email: 'info@cornerbakery.example.com',
        phone: '+46 73 765 43 21',
        contactName: 'Erik Berg',
        contactEmail: 'erik@cornerbakery.example.com',
        contactPhone: '+46 73 765 43 21',
        contactLanguage: 'English',
      },
    ],
    leases: [
      {
        externalId: 'L-23-0415',
        number: 'HA-23-0415',
        type: 'residential',
        customerExternalId: 'C-5001',
        unitExternalIds: 'U-1001',
        areaM2: '64.5',
        validFrom: '2023-04-01',
        validTo: '',
        noticePeriodMonths: '3',
        rent: '8450.00',
        heating: '',
        parking: '650.00',
        serviceCharge: '',
      },
      {
        externalId: 'L-24-0102',
        number: 'LA-24-0102',
        type: 'commercial',
        customerExternalId: 'C-5002',
        unitExternalIds: 'U-0101',
        areaM2: '120',
        validFrom: '2024-01-01',
        validTo: '2026-12-31',
        noticePeriodMonths: '9',
        rent: '18000.00',
        heating: '1200.00',
        parking: '',
        serviceCharge: '450.00',
        vatRate: '25',
      },
    ],
  },
};

/** The rows of a kind's template: the headers (labels in the language) and the two examples. */
export function templateRows(kind: ImportKind, locale: Locale) {
  const fields = fieldsOf(kind);
  return [fields.map((f) => fieldLabel(kind, f.key, locale)), ...EXAMPLES[locale][kind].map((ex) => fields.map((f) => ex[f.key] ?? ''))];
}

/** CSV as Excel opens it in the language's region (`;` in sv/da, with a BOM); XLSX with bold headers. */
export async function templateFile(kind: ImportKind, format: ImportFormat, locale: Locale) {
  const rows = templateRows(kind, locale);
  const name = `portico-${kind}-template.${format}`;
  if (format === 'csv') {
    const sep = locale === 'en' ? ',' : ';';
    const quote = (v: string) => (/[",;\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
    return {
      filename: name,
      contentType: 'text/csv; charset=utf-8',
      body: Buffer.from(`\uFEFF${rows.map((r) => r.map(quote).join(sep)).join('\r\n')}\r\n`),
    };
  }
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(kind);
  for (const r of rows) sheet.addRow(r);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((c) => {
    c.width = 20;
  });
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return { filename: name, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body };
}
