/**
 * Imports, up to the dry run: what is read from a file (sniffed type, BOM, `;` or `,`, XLSX's
 * first sheet), what is refused (wrong type, not UTF-8, empty, more than 50,000 rows), the column
 * mapping (suggested in sv/da/en, remembered per landlord and kind, unknown columns refused),
 * templates, the list of past imports, roles and isolation.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, makeLandlord, PASSWORD, PNG, signIn } from '../../../test/helpers';
import { insertStaff } from '../../db/fixtures';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const csv = (rows: string[][], sep = ';', bom = true) =>
  Buffer.from(
    `${bom ? '\uFEFF' : ''}${rows.map((r) => r.map((c) => (/[";,\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(sep)).join('\r\n')}\r\n`,
  );

async function xlsx(rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Data');
  for (const r of rows) sheet.addRow(r);
  wb.addWorksheet('Ignored').addRow(['not', 'read']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function setUp(locale: 'sv' | 'da' | 'en' = 'sv') {
  const l = await makeLandlord(t.app, { locale });
  const manager = await signIn(t.app, 'staff', l.manager.email);
  return { l, manager };
}

const upload = (client: Client, kind: string, data: Buffer, name = 'file.csv') => client.upload(`/api/v1/imports?kind=${kind}`, data, name);

describe('upload', () => {
  it('reads a Nordic Excel CSV (BOM, `;`) and suggests the mapping from Swedish headers', async () => {
    const { manager } = await setUp();
    const res = await upload(
      manager,
      'units',
      csv([
        ['Objekts-id', 'Fastighets-id', 'Lägenhetsnummer', 'Objekttyp', 'Adress', 'Yta m²', 'Våning'],
        ['O-1', 'F-1', '1001', 'Lägenhet', 'Storgatan 1; lgh 1001', '64,5', '1'],
        ['', '', '', '', '', '', ''],
        ['O-2', 'F-1', '1002', 'Lägenhet', 'Storgatan 1', '70', '1'],
      ]),
      'objekt.csv',
    );
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      kind: 'units',
      format: 'csv',
      status: 'uploaded',
      rowCount: 2,
      filename: 'objekt.csv',
      unknownColumns: [],
      missingFields: [],
    });
    expect(body.headers[0]).toBe('Objekts-id');
    expect(body.mapping).toEqual({
      'Objekts-id': 'externalId',
      'Fastighets-id': 'propertyExternalId',
      Lägenhetsnummer: 'number',
      Objekttyp: 'type',
      Adress: 'address',
      'Yta m²': 'areaM2',
      Våning: 'floor',
    });
  });

  it('reads the first sheet of a real XLSX and matches Danish and English headers', async () => {
    const { manager } = await setUp('da');
    const data = await xlsx([
      ['Lejemålsnummer', 'Unit id', 'Ejendoms-id', 'Type', 'Adresse', 'Favourite colour'],
      ['1. th.', 'L-1', 'E-1', 'Lejlighed', 'Søndergade 12', 'blue'],
      [101, 'L-2', 'E-1', 'Butik', 'Søndergade 12', ''],
    ]);
    const res = await upload(manager, 'units', data, 'lejemål.xlsx');
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.format).toBe('xlsx');
    expect(body.rowCount).toBe(2);
    expect(body.mapping).toMatchObject({
      Lejemålsnummer: 'number',
      'Unit id': 'externalId',
      'Ejendoms-id': 'propertyExternalId',
      Type: 'type',
    });
    // Not a field of units: an unknown column until mapped or ignored.
    expect(body.unknownColumns).toEqual(['Favourite colour']);
  });

  it('refuses what is not a spreadsheet, text that is not UTF-8, empty files and files over 50,000 rows', async () => {
    const { manager } = await setUp('en');
    const png = await upload(manager, 'units', PNG, 'units.csv');
    expect(png.statusCode).toBe(415);
    expect(png.json().error.code).toBe('import_type_not_allowed');
    // A zip that is not a workbook is not one.
    const zip = await upload(manager, 'units', Buffer.from('504b0304140000000000', 'hex'), 'units.xlsx');
    expect(zip.statusCode).toBe(415);

    const latin1 = await upload(manager, 'customers', Buffer.from('Kund-id;Namn\nK-1;Åsa Öberg\n', 'latin1'));
    expect(latin1.statusCode).toBe(415);
    expect(latin1.json().error.code).toBe('import_not_utf8');
    expect(latin1.json().error.message).toContain('UTF-8');

    for (const empty of [Buffer.alloc(0), Buffer.from('\uFEFF'), csv([['Unit id', 'Unit number']])]) {
      const res = await upload(manager, 'units', empty);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('import_file_empty');
    }
    const dup = await upload(
      manager,
      'units',
      csv([
        ['Unit id', 'unit ID'],
        ['a', 'b'],
      ]),
    );
    expect(dup.json().error.code).toBe('import_duplicate_header');

    // 50,001 data rows, made cheaply as text.
    const big = Buffer.from(`Unit id,Unit number\n${'U,1\n'.repeat(50_001)}`);
    const tooMany = await upload(manager, 'units', big);
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json().error).toMatchObject({ code: 'import_too_many_rows', params: { rows: 50_001, max: 50_000 } });
    const bad = await manager.upload('/api/v1/imports?kind=leaflets', csv([['a'], ['b']]), 'x.csv');
    expect(bad.statusCode).toBe(400);
  }, 60_000);
});

describe('column mapping', () => {
  it('refuses unknown columns until ignored, remembers the mapping per landlord and kind, and refuses a bad mapping', async () => {
    const { l, manager } = await setUp('en');
    const file = csv(
      [
        ['Unit id', 'Property id', 'Nr', 'Type', 'Address', 'Favourite colour'],
        ['U-1', 'P-1', '1', 'apartment', 'Street 1', 'blue'],
      ],
      ',',
      false,
    );
    const first = (await upload(manager, 'units', file)).json();
    expect(first.unknownColumns).toEqual(['Nr', 'Favourite colour']);
    expect(first.missingFields).toEqual(['number']);
    const refused = await manager.post(`/api/v1/imports/${first.id}/dry-run`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('import_unknown_columns');
    expect(refused.json().error.message).toContain('Favourite colour');

    // A header not in the file, a field units do not have, two columns on one field.
    for (const mapping of [{ Elsewhere: 'number' }, { Nr: 'identityNumber' }, { Nr: 'number', Type: 'number' }]) {
      const res = await manager.put(`/api/v1/imports/${first.id}/mapping`, { mapping });
      expect(res.statusCode, JSON.stringify(mapping)).toBe(400);
      expect(res.json().error.code).toBe('import_mapping_invalid');
    }

    const mapped = await manager.put(`/api/v1/imports/${first.id}/mapping`, {
      mapping: { ...first.mapping, Nr: 'number', 'Favourite colour': null },
    });
    expect(mapped.statusCode, mapped.body).toBe(200);
    expect(mapped.json()).toMatchObject({ unknownColumns: [], missingFields: [] });

    // The next file of this kind gets the saved mapping, ignored column included (headers compared case-blind).
    const next = (
      await upload(
        manager,
        'units',
        csv(
          [
            ['unit id', 'Property id', 'NR', 'Type', 'Address', 'Favourite Colour'],
            ['U-2', 'P-1', '2', 'office', 'Street 1', 'red'],
          ],
          ',',
        ),
      )
    ).json();
    expect(next.mapping).toEqual({
      'unit id': 'externalId',
      'Property id': 'propertyExternalId',
      NR: 'number',
      Type: 'type',
      Address: 'address',
      'Favourite Colour': null,
    });
    expect(next.unknownColumns).toEqual([]);
    // Another kind and another landlord remember their own.
    expect(
      (
        await upload(
          manager,
          'properties',
          csv(
            [
              ['Nr', 'Name'],
              ['1', 'x'],
            ],
            ',',
          ),
        )
      ).json().unknownColumns,
    ).toEqual(['Nr']);
    const other = await setUp('en');
    expect((await upload(other.manager, 'units', file)).json().unknownColumns).toEqual(['Nr', 'Favourite colour']);
    expect(l.landlord.id).not.toBe(other.l.landlord.id);
  });
});

describe('templates', () => {
  it('has the kind headers and two example rows in the landlord language, and maps itself completely', async () => {
    for (const [locale, header] of [
      ['sv', 'Lägenhetsnummer'],
      ['da', 'Lejemålsnummer'],
      ['en', 'Unit number'],
    ] as const) {
      const { manager } = await setUp(locale);
      const res = await manager.get('/api/v1/imports/templates/units?format=xlsx');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
      expect(rows).toHaveLength(3);
      expect(rows[0]).toContain(header);
      for (const kind of ['properties', 'units', 'customers', 'leases']) {
        for (const format of ['xlsx', 'csv']) {
          const file = await manager.get(`/api/v1/imports/templates/${kind}?format=${format}`);
          expect(file.statusCode).toBe(200);
          const back = await upload(manager, kind, file.rawPayload, `template.${format}`);
          expect(back.statusCode, back.body).toBe(201);
          expect(back.json(), `${locale} ${kind} ${format}`).toMatchObject({ rowCount: 2, unknownColumns: [], missingFields: [] });
        }
      }
    }
  }, 60_000);
});

describe('past imports, roles and isolation', () => {
  it('lists imports newest first by keyset; finance and technicians get 403, another landlord 404', async () => {
    const { l, manager } = await setUp('en');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(
        (
          await upload(
            manager,
            'properties',
            csv(
              [
                ['Property id', 'Property name'],
                [`P-${i}`, 'x'],
              ],
              ',',
            ),
            `p${i}.csv`,
          )
        ).json().id,
      );
    const page1 = (await manager.get('/api/v1/imports?limit=2')).json();
    expect(page1.items.map((i: { id: string }) => i.id)).toEqual([ids[2], ids[1]]);
    expect(page1.total).toBe(3);
    const page2 = (await manager.get(`/api/v1/imports?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.items.map((i: { id: string }) => i.id)).toEqual([ids[0]]);
    expect((await manager.get('/api/v1/imports?kind=units')).json().items).toEqual([]);
    const admin = await signIn(t.app, 'staff', l.admin.email);
    expect((await admin.get(`/api/v1/imports/${ids[0]}`)).statusCode).toBe(200);

    const finance = await insertStaff(t.app.db, {
      landlordId: l.landlord.id,
      email: `finance-${randomUUID().slice(0, 8)}@staff.test`,
      name: 'F',
      role: 'finance',
      password: PASSWORD,
    });
    for (const email of [finance.email, l.technician.email]) {
      const c = await signIn(t.app, 'staff', email);
      expect((await c.get('/api/v1/imports')).statusCode).toBe(403);
      expect((await c.get(`/api/v1/imports/${ids[0]}`)).statusCode).toBe(403);
      expect((await upload(c, 'properties', csv([['Property id'], ['x']]))).statusCode).toBe(403);
      expect((await c.get('/api/v1/imports/templates/units')).statusCode).toBe(403);
    }
    const other = await setUp('en');
    for (const path of ['', '/errors.csv']) expect((await other.manager.get(`/api/v1/imports/${ids[0]}${path}`)).statusCode).toBe(404);
    expect((await other.manager.post(`/api/v1/imports/${ids[0]}/commit`)).statusCode).toBe(404);
    expect((await other.manager.put(`/api/v1/imports/${ids[0]}/mapping`, { mapping: {} })).statusCode).toBe(404);
    expect((await other.manager.get('/api/v1/imports')).json().items).toEqual([]);
  });
});
