/**
 * BgMax (Bankgiro Inbetalningar) files, STANDARDS §6: a pure parser and validator. It answers the
 * file's payments, or the first problem with its code and 1-based line number; nothing here reads
 * the database (the payee check against the landlord's bankgiro is `assertPayee`).
 *
 * Decisions (docs/decisions.md 11P1): records are 80 characters (shorter ones are padded, longer
 * ones refused), CRLF or LF; the bytes are read as UTF-8 when they decode cleanly as UTF-8 and as
 * Latin-1 otherwise (Bankgirot's files are Latin-1, a file re-saved by an editor is often UTF-8, and
 * a Latin-1 file with å/ä/ö is practically never valid UTF-8).
 */

export type BgmaxProblemCode =
  | 'bgmax_not_bgmax'
  | 'bgmax_bad_record'
  | 'bgmax_record_count'
  | 'bgmax_deposit_total'
  | 'bgmax_test_file'
  | 'bgmax_foreign_bankgiro';

/** A problem in the file: a code for the error catalogue, the line it is on, and what it found. */
export class BgmaxProblem extends Error {
  constructor(
    readonly code: BgmaxProblemCode,
    readonly line: number,
    readonly detail: Record<string, string | number> = {},
  ) {
    super(`${code} at line ${line}`);
    this.name = 'BgmaxProblem';
  }
}

export type BgmaxPayment = {
  /** The line of its TK20/TK21. */
  line: number;
  /** TK20 payment or TK21 deduction (its amount is subtracted from the deposit). */
  kind: 'payment' | 'deduction';
  /** Trimmed; empty when the payer gave none. */
  reference: string;
  /** Öre, always positive as written; a deduction's sign is in `kind`. */
  amountMinor: number;
  /** 0 blank, 1 none, 2 correct OCR, 3 several (TK22/23/25), 4 free text, 5 failed the OCR check. */
  referenceCode: number;
  /** 1 electronic, 2 Leverantörsbetalningar, 3 paper form, 4 Autogiro. */
  channel: number;
  /** BGC serial number: Bankgirot's unique id of the payment. */
  bankSerial: string;
  /** Formatted `NNN-NNNN`/`NNNN-NNNN`, or null when the field is zeros. */
  payerBankgiro: string | null;
  /** TK21's deduction code (position 71). */
  deductionCode: string | null;
  /** TK22/TK23 references (trimmed, non-empty). */
  extraReferences: string[];
  /** TK25 texts. */
  information: string[];
  payerName: string | null;
  payerAddress: { street: string; postalCode: string; town: string; country: string; countryCode: string } | null;
  payerOrgNumber: string | null;
  /** From the deposit (TK15) the payment belongs to. */
  depositDate: string;
  depositSerial: string;
};

export type BgmaxDeposit = {
  /** The TK15's line; `openingLine` is its TK05's. */
  line: number;
  openingLine: number;
  payeeBankgiro: string;
  currency: string;
  date: string;
  serial: string;
  totalMinor: number;
  records: number;
};

export type BgmaxFile = {
  /** TK01 positions 25–44 as written: `YYYYMMDDHHMMSS` + 6 fraction digits. */
  stamp: string;
  version: string;
  test: boolean;
  encoding: 'utf-8' | 'latin1';
  deposits: BgmaxDeposit[];
  payments: BgmaxPayment[];
};

const RECORD_LENGTH = 80;

/** UTF-8 when the bytes decode cleanly, Latin-1 otherwise; a UTF-8 byte-order mark is dropped. */
export function decodeBgmax(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'latin1' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('latin1').decode(bytes), encoding: 'latin1' };
  }
}

/** `0009912346` → `991-2346`; all zeros → null. */
export function formatBankgiro(field: string): string | null {
  const digits = field.replace(/^0+/, '');
  if (digits.length === 0) return null;
  if (digits.length < 5) return digits;
  return `${digits.slice(0, -4)}-${digits.slice(-4)}`;
}

/** Positions are 1-based and inclusive, as STANDARDS §6 lists them. */
const at = (record: string, from: number, to: number) => record.slice(from - 1, to);

function digits(record: string, from: number, to: number, line: number, field: string): string {
  const value = at(record, from, to);
  if (!/^\d+$/.test(value)) throw new BgmaxProblem('bgmax_bad_record', line, { field });
  return value;
}

function isoDate(value: string, line: number): string {
  const iso = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso)
    throw new BgmaxProblem('bgmax_bad_record', line, { field: 'date' });
  return iso;
}

const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());

/**
 * Parses and checks a whole file: layout name `BGMAX`, the record order (01, then sections of 05 …
 * 20/21 [22 23 25 26 27 28 29]… 15, then 70), each deposit's total (Σ TK20 − Σ TK21 = TK15) and
 * record count, and the TK70 counts. Throws the first BgmaxProblem.
 */
export function parseBgmax(bytes: Uint8Array): BgmaxFile {
  const { text, encoding } = decodeBgmax(bytes);
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  // Trailing blank lines (a final newline, an editor's extra one) are not records.
  while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop();
  if (lines.length === 0) throw new BgmaxProblem('bgmax_not_bgmax', 1);

  let header: { stamp: string; version: string; test: boolean } | null = null;
  let section: { line: number; payeeBankgiro: string; currency: string; payments: BgmaxPayment[] } | null = null;
  let current: BgmaxPayment | null = null;
  let ended = false;
  const deposits: BgmaxDeposit[] = [];
  const payments: BgmaxPayment[] = [];
  const counts = { tk20: 0, tk21: 0, tk2223: 0, tk15: 0 };
  const serials = new Set<string>();

  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    if (raw.length > RECORD_LENGTH) throw new BgmaxProblem('bgmax_bad_record', line, { field: 'length' });
    const record = raw.padEnd(RECORD_LENGTH, ' ');
    const tk = at(record, 1, 2);

    if (index === 0) {
      if (tk !== '01' || at(record, 3, 22).trim() !== 'BGMAX') throw new BgmaxProblem('bgmax_not_bgmax', line);
      const stamp = digits(record, 25, 44, line, 'timestamp');
      isoDate(stamp.slice(0, 8), line);
      const mark = at(record, 45, 45);
      if (mark !== 'P' && mark !== 'T') throw new BgmaxProblem('bgmax_bad_record', line, { field: 'test_mark' });
      header = { stamp, version: at(record, 23, 24), test: mark === 'T' };
      continue;
    }
    if (ended) throw new BgmaxProblem('bgmax_bad_record', line, { field: 'after_end' });

    switch (tk) {
      case '05': {
        if (section) throw new BgmaxProblem('bgmax_bad_record', line, { field: 'section_open' });
        const bankgiro = formatBankgiro(digits(record, 3, 12, line, 'payee_bankgiro'));
        if (!bankgiro) throw new BgmaxProblem('bgmax_bad_record', line, { field: 'payee_bankgiro' });
        const currency = at(record, 23, 25);
        if (currency !== 'SEK' && currency !== 'EUR') throw new BgmaxProblem('bgmax_bad_record', line, { field: 'currency' });
        section = { line, payeeBankgiro: bankgiro, currency, payments: [] };
        current = null;
        break;
      }
      case '20':
      case '21': {
        if (!section) throw new BgmaxProblem('bgmax_bad_record', line, { field: 'no_section' });
        const code = Number(digits(record, 56, 56, line, 'reference_code'));
        if (code > 5) throw new BgmaxProblem('bgmax_bad_record', line, { field: 'reference_code' });
        const channel = at(record, 57, 57);
        current = {
          line,
          kind: tk === '20' ? 'payment' : 'deduction',
          reference: at(record, 13, 37).trim(),
          amountMinor: Number(digits(record, 38, 55, line, 'amount')),
          referenceCode: code,
          channel: /^\d$/.test(channel) ? Number(channel) : 0,
          bankSerial: digits(record, 58, 69, line, 'bgc_serial'),
          payerBankgiro: formatBankgiro(digits(record, 3, 12, line, 'sender_bankgiro')),
          deductionCode: tk === '21' ? blankToNull(at(record, 71, 71)) : null,
          extraReferences: [],
          information: [],
          payerName: null,
          payerAddress: null,
          payerOrgNumber: null,
          depositDate: '',
          depositSerial: '',
        };
        if (!Number.isSafeInteger(current.amountMinor)) throw new BgmaxProblem('bgmax_bad_record', line, { field: 'amount' });
        // Bankgirot's serial is unique per payment: a second one is a damaged or doctored file.
        if (serials.has(current.bankSerial)) throw new BgmaxProblem('bgmax_bad_record', line, { field: 'bgc_serial' });
        serials.add(current.bankSerial);
        section.payments.push(current);
        if (tk === '20') counts.tk20++;
        else counts.tk21++;
        break;
      }
      case '22':
      case '23':
      case '25':
      case '26':
      case '27':
      case '28':
      case '29': {
        if (!current) throw new BgmaxProblem('bgmax_bad_record', line, { field: 'no_payment' });
        if (tk === '22' || tk === '23') {
          counts.tk2223++;
          const ref = at(record, 13, 37).trim();
          if (ref) current.extraReferences.push(ref);
        } else if (tk === '25') {
          const info = at(record, 3, 52).trim();
          if (info) current.information.push(info);
        } else if (tk === '26') {
          current.payerName = [at(record, 3, 37).trim(), at(record, 38, 72).trim()].filter(Boolean).join(' ') || null;
        } else if (tk === '27') {
          current.payerAddress = {
            ...(current.payerAddress ?? { town: '', country: '', countryCode: '' }),
            street: at(record, 3, 37).trim(),
            postalCode: at(record, 38, 46).trim(),
          };
        } else if (tk === '28') {
          current.payerAddress = {
            ...(current.payerAddress ?? { street: '', postalCode: '' }),
            town: at(record, 3, 37).trim(),
            country: at(record, 38, 72).trim(),
            countryCode: at(record, 73, 74).trim(),
          };
        } else {
          current.payerOrgNumber = digits(record, 3, 14, line, 'org_number').replace(/^0+(?=\d{10}$)/, '');
        }
        break;
      }
      case '15': {
        if (!section) throw new BgmaxProblem('bgmax_bad_record', line, { field: 'no_section' });
        const date = isoDate(digits(record, 38, 45, line, 'payment_date'), line);
        const serial = digits(record, 46, 50, line, 'deposit_serial');
        const totalMinor = Number(digits(record, 51, 68, line, 'deposit_total'));
        const currency = at(record, 69, 71);
        if (currency !== section.currency) throw new BgmaxProblem('bgmax_bad_record', line, { field: 'currency' });
        const records = Number(digits(record, 72, 79, line, 'record_count'));
        if (records !== section.payments.length)
          throw new BgmaxProblem('bgmax_record_count', line, { expected: records, actual: section.payments.length });
        const sum = section.payments.reduce((s, p) => s + (p.kind === 'payment' ? p.amountMinor : -p.amountMinor), 0);
        if (sum !== totalMinor) throw new BgmaxProblem('bgmax_deposit_total', line, { expected: totalMinor, actual: sum });
        for (const p of section.payments) {
          p.depositDate = date;
          p.depositSerial = serial;
          payments.push(p);
        }
        deposits.push({
          line,
          openingLine: section.line,
          payeeBankgiro: section.payeeBankgiro,
          currency,
          date,
          serial,
          totalMinor,
          records,
        });
        counts.tk15++;
        section = null;
        current = null;
        break;
      }
      case '70': {
        if (section) throw new BgmaxProblem('bgmax_bad_record', line, { field: 'section_open' });
        const expected = {
          tk20: Number(digits(record, 3, 10, line, 'count_tk20')),
          tk21: Number(digits(record, 11, 18, line, 'count_tk21')),
          tk2223: Number(digits(record, 19, 26, line, 'count_tk22_23')),
          tk15: Number(digits(record, 27, 34, line, 'count_tk15')),
        };
        for (const key of ['tk20', 'tk21', 'tk2223', 'tk15'] as const) {
          if (expected[key] !== counts[key])
            throw new BgmaxProblem('bgmax_record_count', line, { record: key, expected: expected[key], actual: counts[key] });
        }
        ended = true;
        break;
      }
      default:
        throw new BgmaxProblem('bgmax_bad_record', line, { field: 'record_type' });
    }
  }
  if (!ended) throw new BgmaxProblem('bgmax_bad_record', lines.length + 1, { field: 'missing_end' });
  if (deposits.length === 0) throw new BgmaxProblem('bgmax_record_count', lines.length, { record: 'tk15', expected: 1, actual: 0 });
  return { ...header!, encoding, deposits, payments };
}

/**
 * Every deposit must be to the landlord's bankgiro (stored `NNN-NNNN`): a file for another payee is
 * refused at the line of its first foreign TK05, and a landlord without a bankgiro cannot import.
 */
export function assertPayee(file: BgmaxFile, landlordBankgiro: string | null | undefined) {
  const own = (landlordBankgiro ?? '').replace(/\D/g, '');
  for (const deposit of file.deposits) {
    if (deposit.payeeBankgiro.replace(/\D/g, '') !== own) {
      throw new BgmaxProblem('bgmax_foreign_bankgiro', deposit.openingLine, { bankgiro: deposit.payeeBankgiro });
    }
  }
}

/** `20250325061500123456` → `2025-03-25 06:15:00` (for messages and the import list). */
export const stampText = (stamp: string) =>
  `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)} ${stamp.slice(8, 10)}:${stamp.slice(10, 12)}:${stamp.slice(12, 14)}`;
