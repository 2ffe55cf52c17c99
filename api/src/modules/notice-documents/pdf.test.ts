import type { InvoiceDetail } from '@portico/shared/contracts/billing-core';
import { epcQrProblems, usingQrProblems } from '@portico/shared/formats/payment-qr';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { type NoticeDocument, paymentLine, renderNoticePdf, winAnsi } from './pdf';
import { noticeQr, qrPng, qrSvg } from './qr';

const notice: InvoiceDetail = {
  id: '00000000-0000-4000-8000-000000000001',
  number: '1001',
  kind: 'notice',
  lease: { id: '00000000-0000-4000-8000-000000000002', number: 'L-1', unitType: 'apartment', address: 'Storgatan 1, lgh 1104' },
  customer: { id: '00000000-0000-4000-8000-000000000003', name: 'Åsa Öberg' },
  period: { start: '2027-03-01', end: '2027-03-31' },
  issueDate: '2027-02-10',
  dueDate: '2027-02-26',
  currency: 'SEK',
  lines: [
    { kind: 'rent', description: 'Hyra lägenhet', amountMinor: 800_000, vatRate: 0, vatMinor: 0 },
    { kind: 'parking', description: '', amountMinor: 36_000, vatRate: 25, vatMinor: 9_000 },
  ],
  subtotalMinor: 836_000,
  vatMinor: 9_000,
  totalMinor: 845_000,
  paidMinor: 0,
  creditedMinor: 0,
  openMinor: 845_000,
  status: 'unpaid',
  paidAt: null,
  payment: { method: 'bankgiro', account: '991-2346', reference: '100164' },
  directDebit: null,
  creditsInvoice: null,
  payments: [],
  pdfReady: false,
  externalId: null,
};
const landlord = { name: 'Hyresvärden AB', country: 'SE' as const, orgNumber: '556677-8899' };

function documentOf(n: InvoiceDetail, locale: 'sv' | 'da' | 'en' = 'sv'): NoticeDocument {
  return {
    locale,
    landlord: {
      ...landlord,
      brandName: 'Göta Hem',
      brandColour: '#0b5394',
      logo: null,
      supportEmail: 'hjalp@gota.example',
      supportPhone: null,
    },
    customer: { name: n.customer.name, street: 'Storgatan 1', postalCode: '111 22', city: 'Stockholm' },
    notice: n,
    qr: noticeQr(n, landlord),
  };
}

async function pdfText(bytes: Buffer) {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text;
}

async function decode(png: Buffer) {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

describe('notice PDF', () => {
  it('prints the branding, period, lines, total and the bankgiro OCR line a bank reads', async () => {
    const bytes = await renderNoticePdf(documentOf(notice));
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain('Göta Hem');
    expect(text).toContain('Hyresavi');
    expect(text).toContain('Mars 2027');
    expect(text).toContain('Åsa Öberg');
    expect(text).toContain('Hyra lägenhet');
    expect(text).toContain('Parkering');
    expect(text).toContain('8 450,00 kr');
    // Kronor 8450, öre 00: the amount's check digit is mod 10 over 845000 (0+0+0+5+8+8 = 21 → 9).
    expect(paymentLine(notice.payment!, 845_000)).toBe('# 100164 #8450 00 9 >9912346#41#');
    expect(text).toContain('# 100164 #8450 00 9 >9912346#41#');
  });

  it('prints the FI line for a Danish notice, in Danish', async () => {
    const dk: InvoiceDetail = {
      ...notice,
      currency: 'DKK',
      payment: { method: 'fik', creditor: '85799665', reference: '026840149965328', line: '+71<026840149965328+85799665<' },
    };
    const text = await pdfText(await renderNoticePdf(documentOf(dk, 'da')));
    expect(text).toContain('Opkrævning');
    expect(text).toContain('Marts 2027');
    expect(text).toContain('+71<026840149965328+85799665<');
  });

  it('says direct debit and prints no payment line when a mandate pays', async () => {
    const dd: InvoiceDetail = { ...notice, payment: null, directDebit: { kind: 'autogiro', collectionDate: '2027-02-26' } };
    const doc = documentOf(dd, 'en');
    expect(doc.qr).toBeNull();
    const text = await pdfText(await renderNoticePdf(doc));
    expect(text).toContain('Collected by Autogiro on 2027-02-26');
    expect(text).not.toContain('#41#');
  });

  it('keeps WinAnsi text and replaces what the standard fonts cannot show', () => {
    expect(winAnsi('Åsa Ærø € 8\u00a0450,00 kr')).toBe('Åsa Ærø € 8\u00a0450,00 kr');
    expect(winAnsi('\u22128 450 Łódź 😀')).toBe('-8 450 ?ód? ?');
  });
});

describe('notice QR codes', () => {
  it('SEK: a valid UsingQR payload that decodes back from the image', async () => {
    const qr = noticeQr(notice, landlord)!;
    expect(qr.format).toBe('usingqr');
    expect(qr.errorCorrection).toBe('Q');
    expect(usingQrProblems(qr.payload)).toEqual([]);
    expect(JSON.parse(qr.payload)).toMatchObject({
      uqr: 1,
      tp: 1,
      nme: 'Hyresvärden AB',
      cc: 'SE',
      cid: '556677-8899',
      iref: '100164',
      due: 8450,
      pt: 'BG',
      acc: '991-2346',
      cur: 'SEK',
      ddt: '20270226',
    });
    expect(await decode(await qrPng(qr))).toBe(qr.payload);
    expect(await qrSvg(qr)).toMatch(/^<svg/);
  });

  it('EUR: an EPC payload with the RF reference from the OCR digits', async () => {
    const eur: InvoiceDetail = {
      ...notice,
      currency: 'EUR',
      openMinor: 125_050,
      payment: { method: 'iban', iban: 'FI2112345600000785', bic: null, reference: '539007547034' },
    };
    const qr = noticeQr(eur, { ...landlord, name: 'Fastighets AB Exempel' })!;
    expect(qr).toMatchObject({ format: 'epc', errorCorrection: 'M' });
    expect(qr.payload).toBe('BCD\n002\n1\nSCT\n\nFastighets AB Exempel\nFI2112345600000785\nEUR1250.5\n\nRF18539007547034');
    expect(epcQrProblems(qr.payload)).toEqual([]);
    expect(await decode(await qrPng(qr))).toBe(qr.payload);
  });

  it('DKK: the FI line itself', async () => {
    const dk: InvoiceDetail = {
      ...notice,
      currency: 'DKK',
      payment: { method: 'fik', creditor: '85799665', reference: '026840149965328', line: '+71<026840149965328+85799665<' },
    };
    const qr = noticeQr(dk, { ...landlord, country: 'DK' })!;
    expect(qr.format).toBe('fik');
    expect(await decode(await qrPng(qr))).toBe('+71<026840149965328+85799665<');
  });

  it('nothing to pay, or no org number for UsingQR: no QR code', () => {
    expect(noticeQr({ ...notice, payment: null }, landlord)).toBeNull();
    expect(noticeQr({ ...notice, openMinor: 0 }, landlord)).toBeNull();
    expect(noticeQr(notice, { ...landlord, orgNumber: null })).toBeNull();
  });
});
