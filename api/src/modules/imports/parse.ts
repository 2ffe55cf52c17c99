import type { ImportFormat } from '@portico/shared/contracts/imports';
import { IMPORT_MAX_ROWS } from '@portico/shared/contracts/imports';
import { AppError, badRequest, tooLarge, unsupported } from '../../errors';

/** What was read from a file: the header row and the data rows, every cell as trimmed text. */
export type Sheet = { format: ImportFormat; headers: string[]; rows: { line: number; cells: string[] }[] };

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sniffs the bytes (never the name or the browser's claimed type): an XLSX is a zip holding
 * xl/workbook.xml (file-type looks inside), a CSV must be UTF-8 text. Anything else is a 415.
 */
export async function sniff(data: Buffer): Promise<ImportFormat> {
  if (data.length === 0) throw badRequest('import_file_empty');
  // file-type (and its tokenizers) load on the first upload, not at start-up.
  const { fileTypeFromBuffer } = await import('file-type');
  const sniffed = await fileTypeFromBuffer(data);
  if (sniffed) {
    if (sniffed.mime === XLSX_MIME) return 'xlsx';
    throw unsupported('import_type_not_allowed');
  }
  // Text has no NUL bytes (UTF-16 has plenty: refused as a type, not as an encoding).
  if (data.subarray(0, 64 * 1024).includes(0)) throw unsupported('import_type_not_allowed');
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw unsupported('import_not_utf8');
  }
  return 'csv';
}

/** Reads the first sheet (XLSX) or the whole file (CSV), refusing an empty file and one over the row limit. */
export async function readSheet(data: Buffer, format: ImportFormat): Promise<Sheet> {
  const grid = format === 'xlsx' ? await readXlsx(data) : await readCsv(data);
  // Rows with nothing in them (Excel's formatted-but-empty rows, a trailing newline) are not data.
  const lines = grid.filter((g) => g.cells.some((c) => c !== ''));
  const [head, ...rows] = lines;
  if (!head || rows.length === 0) throw badRequest('import_file_empty');
  if (rows.length > IMPORT_MAX_ROWS) throw tooLarge('import_too_many_rows', { rows: rows.length, max: IMPORT_MAX_ROWS });
  // Columns: as wide as the widest row; a column with no header but data gets a name to map or ignore.
  const width = Math.max(...lines.map((l) => lastFilled(l.cells)));
  const headers = Array.from({ length: width }, (_, i) => head.cells[i] || `#${i + 1}`);
  const keep = headers.map((_, i) => i).filter((i) => head.cells[i] || rows.some((r) => r.cells[i]));
  const seen = new Set<string>();
  for (const i of keep) {
    const key = normaliseHeader(headers[i]!);
    if (seen.has(key)) throw badRequest('import_duplicate_header', { column: headers[i]! });
    seen.add(key);
  }
  return {
    format,
    headers: keep.map((i) => headers[i]!),
    rows: rows.map((r) => ({ line: r.line, cells: keep.map((i) => r.cells[i] ?? '') })),
  };
}

const lastFilled = (cells: string[]) => {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i] !== '') return i + 1;
  return 0;
};

/** How headers are compared (mapping memory, suggestions): case, spacing and punctuation aside. */
export const normaliseHeader = (h: string) =>
  h
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}²]+/gu, '');

/** `;` (Nordic Excel) or `,`: whichever the header line has more of outside quotes. */
function delimiterOf(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

async function readCsv(data: Buffer) {
  const { parse } = await import('csv-parse/sync');
  const text = data.toString('utf8').replace(/^\uFEFF/, '');
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      trim: true,
    }) as string[][];
  } catch {
    throw badRequest('import_file_unreadable');
  }
  return records.map((cells, i) => ({ line: i + 1, cells: cells.map(clean) }));
}

/** Control characters never reach a record (the API refuses them in JSON too); tabs and line breaks become spaces. */
const clean = (s: string) =>
  s
    .replace(/[\t\r\n\u2028\u2029]+/g, ' ')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .trim();

type CellValue = null | undefined | string | number | boolean | Date | { [k: string]: unknown };

/** A cell as text: dates as YYYY-MM-DD, formulas by their result, rich text and links by their text. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if ('result' in value) return cellText(value.result as CellValue);
  if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r: { text?: string }) => r.text ?? '').join('');
  if ('text' in value) return cellText(value.text as CellValue);
  return '';
}

async function readXlsx(data: Buffer) {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw badRequest('import_file_unreadable');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw badRequest('import_file_empty');
  if (sheet.actualRowCount > IMPORT_MAX_ROWS + 1)
    throw tooLarge('import_too_many_rows', { rows: sheet.actualRowCount - 1, max: IMPORT_MAX_ROWS });
  const grid: { line: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values = row.values as CellValue[];
    // exceljs' row.values is 1-based (index 0 is empty).
    grid.push({ line, cells: values.slice(1).map((v) => clean(cellText(v))) });
  });
  return grid;
}
