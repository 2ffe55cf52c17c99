/**
 * Writes BgMax files for tests, the demo seed and browser tests (STANDARDS §6 positions): each
 * record padded to 80 characters, the deposit totals and the TK70 counts computed.
 */
export type BgmaxSpecPayment = {
  reference: string;
  amountMinor: number;
  /** Reference code (position 56): 2 OCR by default. */
  code?: number;
  channel?: number;
  serial: string | number;
  payerBankgiro?: string;
  deduction?: boolean;
  /** Right-align the reference (Bankgirot's 2004 example) instead of left-aligning it. */
  rightAlign?: boolean;
  name?: string;
  street?: string;
  postalCode?: string;
  town?: string;
  orgNumber?: string;
  extraReferences?: string[];
  information?: string[];
};

export type BgmaxSpec = {
  /** `YYYYMMDDHHMMSS` + 6 digits; a default from the first deposit's date. */
  stamp?: string;
  test?: boolean;
  payeeBankgiro: string;
  currency?: 'SEK' | 'EUR';
  deposits: { date: string; serial?: number; payments: BgmaxSpecPayment[] }[];
  eol?: '\r\n' | '\n';
};

const pad = (s: string, n: number) => s.slice(0, n).padEnd(n, ' ');
const zeros = (s: string | number, n: number) => String(s).replace(/\D/g, '').padStart(n, '0');

export function buildBgmax(spec: BgmaxSpec): string {
  const currency = spec.currency ?? 'SEK';
  const lines: string[] = [];
  const stamp = spec.stamp ?? `${spec.deposits[0]!.date.replace(/-/g, '')}061500000000`;
  lines.push(`01${pad('BGMAX', 20)}01${stamp}${spec.test ? 'T' : 'P'}`);
  const counts = { tk20: 0, tk21: 0, tk22: 0, tk15: 0 };
  spec.deposits.forEach((deposit, i) => {
    lines.push(`05${zeros(spec.payeeBankgiro, 10)}${pad('', 10)}${currency}`);
    let total = 0;
    for (const p of deposit.payments) {
      const tk = p.deduction ? '21' : '20';
      const ref = p.rightAlign ? p.reference.padStart(25, ' ') : pad(p.reference, 25);
      lines.push(
        `${tk}${zeros(p.payerBankgiro ?? '0', 10)}${ref}${zeros(p.amountMinor, 18)}${p.code ?? 2}${p.channel ?? 1}${zeros(p.serial, 12)}0${p.deduction ? '0' : ''}`,
      );
      total += p.deduction ? -p.amountMinor : p.amountMinor;
      if (p.deduction) counts.tk21++;
      else counts.tk20++;
      for (const extra of p.extraReferences ?? []) {
        lines.push(`22${zeros(p.payerBankgiro ?? '0', 10)}${pad(extra, 25)}${zeros(0, 18)}2${p.channel ?? 1}${zeros(p.serial, 12)}0`);
        counts.tk22++;
      }
      for (const info of p.information ?? []) lines.push(`25${pad(info, 50)}`);
      if (p.name) lines.push(`26${pad(p.name, 35)}`);
      if (p.street || p.postalCode) lines.push(`27${pad(p.street ?? '', 35)}${pad(p.postalCode ?? '', 9)}`);
      if (p.town) lines.push(`28${pad(p.town, 35)}`);
      if (p.orgNumber) lines.push(`29${zeros(p.orgNumber, 12)}`);
    }
    lines.push(
      `15${zeros('1234567', 35)}${deposit.date.replace(/-/g, '')}${zeros(deposit.serial ?? i + 1, 5)}${zeros(total, 18)}${currency}${zeros(deposit.payments.length, 8)} `,
    );
    counts.tk15++;
  });
  lines.push(`70${zeros(counts.tk20, 8)}${zeros(counts.tk21, 8)}${zeros(counts.tk22, 8)}${zeros(counts.tk15, 8)}`);
  return lines.map((l) => l.padEnd(80, ' ')).join(spec.eol ?? '\r\n') + (spec.eol ?? '\r\n');
}
