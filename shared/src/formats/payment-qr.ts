import { isValidOcr } from './ocr';
import { parseBankgiro, parseBic, parseIban, parsePlusgiro } from './payment';

/**
 * Payment QR payloads (STANDARDS §2 and §3): the Swedish invoice QR ("UsingQR", JSON) for SEK
 * notices, and the EPC069-12 SEPA credit transfer QR for EUR notices, with its ISO 11649 RF creditor
 * reference. Danish notices carry the FI +71 line itself (shared/src/formats/fik.ts). Pure: the API
 * renders the images with the `qrcode` package (EPC: error correction M; UsingQR: Q).
 */

// ---------- ISO 11649 RF creditor reference ----------

/** Letters count as 10–35 (A=10 … Z=35); the remainder of the resulting digit string mod 97. */
function mod97(text: string): number {
  let remainder = 0;
  for (const ch of text) {
    const value = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

/**
 * `RF` + two check digits + the reference (1–21 letters or digits; the notice's OCR digits). The check
 * digits make `reference + "RF" + check` ≡ 1 (mod 97): check = 98 − (reference + "RF00") mod 97.
 */
export function makeRfReference(reference: string): string {
  const ref = reference.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z0-9]{1,21}$/.test(ref)) throw new Error('makeRfReference: 1–21 letters or digits');
  const check = 98 - mod97(`${ref}RF00`);
  return `RF${String(check).padStart(2, '0')}${ref}`;
}

/** An RF creditor reference (spaces ignored, case-insensitive) with a correct mod-97 check. */
export function isValidRfReference(raw: string): boolean {
  const ref = raw.replace(/\s/g, '').toUpperCase();
  if (!/^RF\d{2}[A-Z0-9]{1,21}$/.test(ref)) return false;
  return mod97(ref.slice(4) + ref.slice(0, 4)) === 1;
}

// ---------- Swedish invoice QR (UsingQR, §2) ----------

export const USING_QR_PAYMENT_TYPES = ['BG', 'PG', 'IBAN', 'BBAN'] as const;
export type UsingQrPaymentType = (typeof USING_QR_PAYMENT_TYPES)[number];

/** The keys we write, in this order (the §2.2 vector's order, with `cc` after `nme`). */
export type UsingQr = {
  uqr: 1;
  /** 1 invoice, 2 credit note, 3 cash invoice. */
  tp: 1 | 2 | 3;
  nme: string;
  cc?: string;
  cid: string;
  iref: string;
  idt?: string;
  ddt?: string;
  due: number;
  pt: UsingQrPaymentType;
  acc: string;
  cur: string;
};

const yyyymmdd = (isoDay: string) => isoDay.replaceAll('-', '');

/**
 * The UsingQR payload of a Swedish notice as one line of JSON (UTF-8). Amounts are minor units
 * (öre); dates ISO days. A credit note is type 2 and may carry a negative amount.
 */
export function makeUsingQr(input: {
  creditNote?: boolean;
  payeeName: string;
  country?: string;
  orgNumber: string;
  reference: string;
  issueDate?: string;
  dueDate?: string;
  amountMinor: number;
  currency: string;
  paymentType: 'BG' | 'PG';
  account: string;
}): string {
  const payload: UsingQr = {
    uqr: 1,
    tp: input.creditNote ? 2 : 1,
    nme: input.payeeName,
    ...(input.country ? { cc: input.country } : {}),
    cid: input.orgNumber,
    iref: input.reference,
    ...(input.issueDate ? { idt: yyyymmdd(input.issueDate) } : {}),
    ...(input.dueDate ? { ddt: yyyymmdd(input.dueDate) } : {}),
    due: input.amountMinor / 100,
    pt: input.paymentType,
    acc: input.account,
    cur: input.currency,
  };
  return JSON.stringify(payload);
}

export type UsingQrProblem =
  | 'json'
  | 'uqr'
  | 'tp'
  | 'missing_nme'
  | 'missing_cid'
  | 'missing_iref'
  | 'missing_due'
  | 'due_not_positive'
  | 'pt'
  | 'missing_acc'
  | 'acc_check_digit'
  | 'iref_check_digit'
  | 'idt'
  | 'ddt'
  | 'cur'
  | 'cc';

const isDay = (v: unknown) => {
  if (typeof v !== 'string' || !/^\d{8}$/.test(v)) return false;
  const d = new Date(`${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6)}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10).replaceAll('-', '') === v;
};
const present = (v: unknown) => typeof v === 'string' && v.trim() !== '';

/**
 * Every rule a UsingQR payload breaks (§2.2): required keys, type and payment type in range, days as
 * yyyyMMdd, a positive amount on an invoice, a bankgiro/plusgiro that passes mod 10 and, with BG/PG,
 * an `iref` that is a valid OCR number. Empty when valid.
 */
export function usingQrProblems(json: string): UsingQrProblem[] {
  let data: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(json);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return ['json'];
    data = parsed as Record<string, unknown>;
  } catch {
    return ['json'];
  }
  const problems: UsingQrProblem[] = [];
  if (data.uqr !== 1 && data.uqr !== 2) problems.push('uqr');
  if (data.tp !== 1 && data.tp !== 2 && data.tp !== 3) problems.push('tp');
  if (!present(data.nme)) problems.push('missing_nme');
  if (!present(data.cid)) problems.push('missing_cid');
  if (!present(data.iref)) problems.push('missing_iref');
  if (typeof data.due !== 'number' || !Number.isFinite(data.due)) problems.push('missing_due');
  else if (data.tp === 1 && data.due <= 0) problems.push('due_not_positive');
  if (data.idt !== undefined && !isDay(data.idt)) problems.push('idt');
  if (data.ddt !== undefined && !isDay(data.ddt)) problems.push('ddt');
  if (data.cur !== undefined && !(typeof data.cur === 'string' && /^[A-Z]{3}$/.test(data.cur))) problems.push('cur');
  if (data.cc !== undefined && !(typeof data.cc === 'string' && /^[A-Z]{2}$/.test(data.cc))) problems.push('cc');
  const pt = data.pt;
  if (!USING_QR_PAYMENT_TYPES.includes(pt as UsingQrPaymentType)) problems.push('pt');
  if (!present(data.acc)) problems.push('missing_acc');
  else if (pt === 'BG' && !parseBankgiro(String(data.acc))) problems.push('acc_check_digit');
  else if (pt === 'PG' && !parsePlusgiro(String(data.acc))) problems.push('acc_check_digit');
  else if (pt === 'IBAN' && !parseIban(String(data.acc))) problems.push('acc_check_digit');
  if ((pt === 'BG' || pt === 'PG') && present(data.iref) && !isValidOcr(String(data.iref), { control: 'check' }))
    problems.push('iref_check_digit');
  return problems;
}

// ---------- EPC069-12 SEPA credit transfer QR (§3) ----------

export const EPC_MAX_BYTES = 331;

/** `1250.5` for 125050 cents: `.` decimal, at most two decimals, no trailing zeros (the §3 vector's form). */
export function epcAmount(amountMinor: number): string {
  if (!Number.isInteger(amountMinor) || amountMinor < 1 || amountMinor > 99_999_999_999) throw new Error('epcAmount: 0.01–999999999.99');
  const whole = Math.floor(amountMinor / 100);
  const cents = amountMinor % 100;
  if (cents === 0) return String(whole);
  return `${whole}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

/** Line 10 (an RF reference built from it) or, for a reference RF cannot hold, line 11 as text. */
function remittance(reference: string | null | undefined): [string] | [string, string] {
  const ref = reference?.replace(/\s/g, '') ?? '';
  if (ref === '') return [''];
  return /^[A-Za-z0-9]{1,21}$/.test(ref) ? [makeRfReference(ref)] : ['', ref.slice(0, 140)];
}

/**
 * The EPC QR payload (version 002, UTF-8, SCT; BIC optional), lines joined by LF with trailing empty
 * optional lines dropped. `reference` goes in line 10 as an RF creditor reference built from it
 * (the notice's OCR digits); one longer than RF allows (21) goes unstructured in line 11.
 */
export function makeEpcQr(input: {
  name: string;
  iban: string;
  bic?: string | null;
  amountMinor: number;
  reference?: string | null;
}): string {
  const lines = [
    'BCD',
    '002',
    '1',
    'SCT',
    input.bic ?? '',
    input.name.slice(0, 70),
    input.iban.replace(/\s/g, '').toUpperCase(),
    `EUR${epcAmount(input.amountMinor)}`,
    '',
    ...remittance(input.reference),
  ];
  while (lines.at(-1) === '') lines.pop();
  return lines.join('\n');
}

export type EpcProblem =
  | 'service_tag'
  | 'version'
  | 'charset'
  | 'identification'
  | 'bic_required'
  | 'bic'
  | 'name'
  | 'iban'
  | 'amount'
  | 'purpose'
  | 'rf_reference'
  | 'both_remittances'
  | 'unstructured'
  | 'info'
  | 'too_long';

/** Every rule an EPC QR payload breaks (§3 table); empty when valid. Accepts LF or CRLF. */
export function epcQrProblems(payload: string): EpcProblem[] {
  const problems: EpcProblem[] = [];
  const lines = payload.split(/\r?\n/);
  const at = (i: number) => lines[i] ?? '';
  if (at(0) !== 'BCD') problems.push('service_tag');
  const version = at(1);
  if (version !== '001' && version !== '002') problems.push('version');
  if (!/^[1-8]$/.test(at(2))) problems.push('charset');
  if (at(3) !== 'SCT') problems.push('identification');
  const bic = at(4);
  if (bic === '') {
    if (version === '001') problems.push('bic_required');
  } else if (!parseBic(bic) || parseBic(bic) !== bic) problems.push('bic');
  if (at(5).length < 1 || at(5).length > 70) problems.push('name');
  if (at(6).length > 34 || !parseIban(at(6)) || parseIban(at(6)) !== at(6)) problems.push('iban');
  const amount = at(7);
  if (amount !== '') {
    const m = /^EUR(\d{1,9})(?:\.(\d{1,2}))?$/.exec(amount);
    const cents = m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : 0;
    if (!m || cents < 1) problems.push('amount');
  }
  if (at(8).length > 4) problems.push('purpose');
  const structured = at(9);
  const unstructured = at(10);
  if (structured !== '' && (structured.length > 35 || !isValidRfReference(structured))) problems.push('rf_reference');
  if (structured !== '' && unstructured !== '') problems.push('both_remittances');
  if (unstructured.length > 140) problems.push('unstructured');
  if (at(11).length > 70) problems.push('info');
  if (new TextEncoder().encode(payload).length > EPC_MAX_BYTES) problems.push('too_long');
  return problems;
}
