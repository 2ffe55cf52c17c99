import type { InvoiceDetail, PaymentInstructions } from '@portico/shared/contracts/billing-core';
import { luhnCheckDigit } from '@portico/shared/formats/ocr';
import { makeRfReference } from '@portico/shared/formats/payment-qr';
import type { Locale } from '@portico/shared/locale';
import PDFDocument from 'pdfkit';
import { translator } from '../../i18n';
import { formatMoney, formatPeriodRange } from './format';
import { type NoticeQr, qrMatrix } from './qr';

/** Everything a notice's PDF shows; built by the service from the notice and its landlord. */
export type NoticeDocument = {
  locale: Locale;
  landlord: {
    name: string;
    brandName: string | null;
    brandColour: string | null;
    orgNumber: string | null;
    /** PNG or JPEG bytes (pdfkit reads no WebP: such a logo is left out). */
    logo: Buffer | null;
    supportEmail: string | null;
    supportPhone: string | null;
  };
  customer: { name: string; street: string | null; postalCode: string | null; city: string | null };
  notice: InvoiceDetail;
  qr: NoticeQr | null;
};

const DEFAULT_COLOUR = '#1f4e79';

/**
 * The bundled standard fonts (Helvetica, Courier) encode WinAnsi (Windows-1252), which holds
 * å ä ö æ ø é ü and €; anything else is replaced so a stray character cannot garble the page.
 */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
export function winAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else if (ch === '\u2212') out += '-';
    else if (ch === '\u202f' || ch === '\u2009' || ch === '\n' || ch === '\t') out += ' ';
    else out += '?';
  }
  return out;
}

/**
 * The line a bank reads. Bankgiro (Bankgirot's inbetalningskort with OCR): `# reference #kronor öre
 * check >bankgiro#41#`, the check digit being mod 10 over kronor and öre. Denmark: the FI line
 * `+71<payment id+creditor<`. Plusgiro and IBAN: reference, amount and account on one plain line.
 */
export function paymentLine(payment: PaymentInstructions, amountMinor: number): string {
  const kronor = String(Math.floor(amountMinor / 100));
  const ore = String(amountMinor % 100).padStart(2, '0');
  switch (payment.method) {
    case 'bankgiro':
      return `# ${payment.reference} #${kronor} ${ore} ${luhnCheckDigit(kronor + ore)} >${payment.account.replace(/\D/g, '')}#41#`;
    case 'plusgiro':
      return `# ${payment.reference} #${kronor} ${ore} ${luhnCheckDigit(kronor + ore)} > PG ${payment.account}`;
    case 'fik':
      return payment.line;
    case 'iban': {
      const ref = /^[A-Za-z0-9]{1,21}$/.test(payment.reference) ? makeRfReference(payment.reference) : payment.reference;
      return `${payment.iban} ${ref} ${kronor}.${ore}`;
    }
  }
}

const A4 = { width: 595.28, height: 841.89 };
const M = 50;

/** Renders one notice to PDF bytes (A4, standard fonts, the QR drawn as vector squares). */
export function renderNoticePdf(doc: NoticeDocument): Promise<Buffer> {
  const t = translator(doc.locale);
  const n = doc.notice;
  const money = (minor: number) => winAnsi(formatMoney(minor, n.currency, doc.locale));
  const brand = doc.landlord.brandName ?? doc.landlord.name;
  const colour = doc.landlord.brandColour ?? DEFAULT_COLOUR;
  const pdf = new PDFDocument({
    size: 'A4',
    margin: M,
    info: { Title: winAnsi(`${t(`email:noticeDocument.title.${n.kind}`)} ${n.number}`), Author: winAnsi(brand) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const text = (s: string, x: number, y: number, opts: PDFKit.Mixins.TextOptions = {}) =>
    pdf.text(winAnsi(s), x, y, { lineBreak: false, ...opts });

  // Branding: a colour bar, the logo and the brand name.
  pdf.rect(0, 0, A4.width, 14).fill(colour);
  let brandX = M;
  if (doc.landlord.logo) {
    try {
      pdf.image(doc.landlord.logo, M, 32, { fit: [140, 48] });
      brandX = M + 150;
    } catch {
      // An unreadable logo leaves the name alone.
    }
  }
  pdf.fillColor('#111111').font('Helvetica-Bold').fontSize(16);
  text(brand, brandX, 44, { width: 300 - (brandX - M) });
  pdf.font('Helvetica').fontSize(8).fillColor('#444444');
  const landlordBits = [
    doc.landlord.name,
    doc.landlord.orgNumber ? `${t('email:noticeDocument.orgNumber')} ${doc.landlord.orgNumber}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  text(landlordBits, brandX, 64, { width: 300 - (brandX - M) });

  // Title and the notice's facts, top right.
  const right = 330;
  pdf.fillColor('#111111').font('Helvetica-Bold').fontSize(18);
  text(t(`email:noticeDocument.title.${n.kind}`), right, 34, { width: A4.width - M - right, align: 'right' });
  const facts: [string, string][] = [
    [t('email:noticeDocument.number'), n.number],
    [t('email:noticeDocument.issueDate'), n.issueDate],
    [t('email:noticeDocument.dueDate'), n.dueDate],
    [t('email:noticeDocument.lease'), n.lease.number],
  ];
  if (n.creditsInvoice) facts.push(['', t('email:noticeDocument.credits', { number: n.creditsInvoice.number })]);
  pdf.fontSize(9);
  facts.forEach(([label, value], i) => {
    pdf.font('Helvetica').fillColor('#555555');
    text(label, right, 62 + i * 13, { width: 90 });
    pdf.font('Helvetica-Bold').fillColor('#111111');
    text(value, right + 90, 62 + i * 13, { width: A4.width - M - right - 90, align: 'right' });
  });

  // The customer's address (fits a window envelope's left window).
  pdf.font('Helvetica-Bold').fontSize(11).fillColor('#111111');
  text(doc.customer.name, M, 140, { width: 260 });
  pdf.font('Helvetica').fontSize(10);
  const addressLines = [doc.customer.street, [doc.customer.postalCode, doc.customer.city].filter(Boolean).join(' ')].filter(
    (l): l is string => Boolean(l),
  );
  addressLines.forEach((l, i) => {
    text(l, M, 156 + i * 13, { width: 260 });
  });
  text(n.lease.address, M, 156 + addressLines.length * 13, { width: 260 });

  // The period as a heading ("mars 2027"), then the lines.
  let y = 230;
  if (n.period) {
    pdf.font('Helvetica-Bold').fontSize(14);
    const period = formatPeriodRange(n.period.start, n.period.end, doc.locale);
    text(period.charAt(0).toUpperCase() + period.slice(1), M, y);
    y += 26;
  }
  const cols = { desc: M, amount: 330, rate: 410, vat: 470 };
  const widthTo = (x: number) => A4.width - M - x;
  pdf.font('Helvetica-Bold').fontSize(9).fillColor('#555555');
  text(t('email:noticeDocument.line'), cols.desc, y, { width: 270 });
  text(t('email:noticeDocument.amount'), cols.amount, y, { width: 70, align: 'right' });
  text(t('email:noticeDocument.vatRate'), cols.rate, y, { width: 50, align: 'right' });
  text(t('email:noticeDocument.vat'), cols.vat, y, { width: widthTo(cols.vat), align: 'right' });
  y += 14;
  pdf
    .moveTo(M, y - 3)
    .lineTo(A4.width - M, y - 3)
    .lineWidth(0.5)
    .stroke('#999999');
  pdf.font('Helvetica').fontSize(10).fillColor('#111111');
  for (const line of n.lines.slice(0, 20)) {
    text(line.description || t(`email:noticeDocument.lineKinds.${line.kind}`), cols.desc, y, { width: 270, ellipsis: true });
    text(money(line.amountMinor), cols.amount, y, { width: 70, align: 'right' });
    text(`${line.vatRate} %`, cols.rate, y, { width: 50, align: 'right' });
    text(money(line.vatMinor), cols.vat, y, { width: widthTo(cols.vat), align: 'right' });
    y += 15;
  }
  y += 6;
  pdf
    .moveTo(cols.amount - 60, y - 4)
    .lineTo(A4.width - M, y - 4)
    .stroke('#999999');
  const totals: [string, string, boolean][] = [
    [t('email:noticeDocument.subtotal'), money(n.subtotalMinor), false],
    [t('email:noticeDocument.vatTotal'), money(n.vatMinor), false],
    [t('email:noticeDocument.total'), money(n.totalMinor), true],
  ];
  for (const [label, value, bold] of totals) {
    pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(bold ? 12 : 10);
    text(label, cols.amount - 60, y, { width: 180 });
    text(value, cols.vat - 40, y, { width: widthTo(cols.vat - 40), align: 'right' });
    y += bold ? 18 : 14;
  }

  // How to pay, beside the QR code.
  const payY = Math.max(y + 24, 470);
  const pay = n.payment;
  pdf.fillColor('#111111');
  if (n.directDebit) {
    pdf.font('Helvetica-Bold').fontSize(11);
    text(
      t('email:noticeDocument.directDebit', {
        kind: t(`email:noticeDocument.kinds.${n.directDebit.kind}`),
        date: n.directDebit.collectionDate,
      }),
      M,
      payY,
      { width: 330 },
    );
  } else if (pay) {
    pdf.font('Helvetica-Bold').fontSize(12);
    text(t('email:noticeDocument.howToPay', { amount: money(n.openMinor), dueDate: n.dueDate }), M, payY, { width: 330 });
    const rows: [string, string][] =
      pay.method === 'fik'
        ? [
            [t('email:noticeDocument.fik'), pay.reference],
            ['FI', pay.line],
          ]
        : pay.method === 'iban'
          ? [
              [t('email:noticeDocument.iban'), pay.iban],
              ...(pay.bic ? ([[t('email:noticeDocument.bic'), pay.bic]] as [string, string][]) : []),
              [t('email:noticeDocument.reference'), pay.reference],
            ]
          : [
              [t(`email:noticeDocument.${pay.method}`), pay.account],
              [t('email:noticeDocument.reference'), pay.reference],
            ];
    pdf.fontSize(10);
    rows.forEach(([label, value], i) => {
      pdf.font('Helvetica').fillColor('#555555');
      text(label, M, payY + 24 + i * 15, { width: 110 });
      pdf.font('Helvetica-Bold').fillColor('#111111');
      text(value, M + 110, payY + 24 + i * 15, { width: 220 });
    });
  } else {
    pdf.font('Helvetica-Bold').fontSize(11);
    text(t('email:noticeDocument.nothingToPay'), M, payY, { width: 330 });
  }
  if (doc.qr) {
    const size = 120;
    const matrix = qrMatrix(doc.qr);
    const cell = size / matrix.length;
    const qx = A4.width - M - size;
    // One rectangle per run of dark modules in a row, written as raw path operators in one fill
    // (pdfkit's rect() per run cost more than the rest of the page).
    const ops: string[] = [];
    matrix.forEach((row, r) => {
      let c = 0;
      while (c < row.length) {
        if (!row[c]) {
          c++;
          continue;
        }
        const start = c;
        while (c < row.length && row[c]) c++;
        ops.push(
          `${(qx + start * cell).toFixed(2)} ${(payY + r * cell).toFixed(2)} ${((c - start) * cell).toFixed(2)} ${cell.toFixed(2)} re`,
        );
      }
    });
    pdf.save().fillColor('#000000');
    pdf.addContent(`${ops.join('\n')}\nf`);
    pdf.restore();
    pdf.font('Helvetica').fontSize(8).fillColor('#555555');
    text(t('email:noticeDocument.scanToPay'), qx, payY + size + 4, { width: size, align: 'center' });
  }

  // Support contacts, then the machine-readable payment line at the foot.
  const contact = [doc.landlord.supportEmail, doc.landlord.supportPhone].filter(Boolean).join(' · ');
  pdf.font('Helvetica').fontSize(8).fillColor('#555555');
  if (contact) text(`${brand} · ${contact}`, M, 740, { width: A4.width - 2 * M });
  if (pay && !n.directDebit) {
    pdf
      .moveTo(M, 760)
      .lineTo(A4.width - M, 760)
      .dash(3, { space: 3 })
      .stroke('#999999')
      .undash();
    pdf.font('Courier-Bold').fontSize(12).fillColor('#000000');
    text(paymentLine(pay, n.openMinor), M, 776, { width: A4.width - 2 * M });
  }
  pdf.end();
  return done;
}
