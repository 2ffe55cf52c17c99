import type { InvoiceDetail } from '@portico/shared/contracts/billing-core';
import { makeEpcQr, makeUsingQr } from '@portico/shared/formats/payment-qr';
import QRCode from 'qrcode';

/**
 * The QR code a notice carries (issue 11, STANDARDS §2–§4): the Swedish invoice QR (UsingQR JSON)
 * for SEK notices paid to a bankgiro or plusgiro, the EPC069-12 credit-transfer QR for EUR notices
 * paid to an IBAN, and the FI +71 line itself for DKK. Null when there is nothing to pay (settled,
 * paid by direct debit, a credit note) or the landlord lacks what the format needs (UsingQR's `cid`).
 */
export type NoticeQr = { format: 'usingqr' | 'epc' | 'fik'; payload: string; errorCorrection: 'M' | 'Q' };

export type QrLandlord = { name: string; country: 'SE' | 'DK'; orgNumber: string | null };

export function noticeQr(
  notice: Pick<InvoiceDetail, 'kind' | 'currency' | 'payment' | 'openMinor' | 'issueDate' | 'dueDate'>,
  landlord: QrLandlord,
): NoticeQr | null {
  const pay = notice.payment;
  if (!pay || notice.openMinor <= 0) return null;
  if (notice.currency === 'SEK' && (pay.method === 'bankgiro' || pay.method === 'plusgiro')) {
    if (!landlord.orgNumber) return null;
    const payload = makeUsingQr({
      creditNote: notice.kind === 'credit_note',
      payeeName: landlord.name,
      country: landlord.country,
      orgNumber: landlord.orgNumber,
      reference: pay.reference,
      issueDate: notice.issueDate,
      dueDate: notice.dueDate,
      amountMinor: notice.openMinor,
      currency: notice.currency,
      paymentType: pay.method === 'bankgiro' ? 'BG' : 'PG',
      account: pay.account,
    });
    return { format: 'usingqr', payload, errorCorrection: 'Q' };
  }
  if (notice.currency === 'EUR' && pay.method === 'iban') {
    const payload = makeEpcQr({
      name: landlord.name,
      iban: pay.iban,
      bic: pay.bic,
      amountMinor: notice.openMinor,
      reference: pay.reference,
    });
    return { format: 'epc', payload, errorCorrection: 'M' };
  }
  if (notice.currency === 'DKK' && pay.method === 'fik') return { format: 'fik', payload: pay.line, errorCorrection: 'M' };
  return null;
}

export const qrSvg = (qr: NoticeQr) => QRCode.toString(qr.payload, { type: 'svg', errorCorrectionLevel: qr.errorCorrection, margin: 4 });

export const qrPng = (qr: NoticeQr, scale = 4) =>
  QRCode.toBuffer(qr.payload, { type: 'png', errorCorrectionLevel: qr.errorCorrection, margin: 4, scale });

/** The module matrix (true = dark), for drawing the code as vector squares in the PDF. */
export function qrMatrix(qr: NoticeQr): boolean[][] {
  const { modules } = QRCode.create(qr.payload, { errorCorrectionLevel: qr.errorCorrection });
  const rows: boolean[][] = [];
  for (let r = 0; r < modules.size; r++) {
    const row: boolean[] = [];
    for (let c = 0; c < modules.size; c++) row.push(modules.get(r, c) === 1);
    rows.push(row);
  }
  return rows;
}
