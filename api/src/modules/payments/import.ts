import { createHash } from 'node:crypto';
import type { PaymentImportSummary, PaymentImportTally } from '@portico/shared/contracts/payments';
import type { CursorPage, CursorQuery } from '@portico/shared/pagination';
import type { StaffActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import { uniqueViolation } from '../../db/pg-errors';
import type { paymentImports } from '../../db/schema/invoices';
import type { Deps } from '../../deps';
import { AppError, notFound } from '../../errors';
import { assertMayManageBilling, assertMayReadBilling } from '../billing/policy';
import { bookPayment } from './allocate';
import { assertPayee, type BgmaxFile, type BgmaxPayment, BgmaxProblem, parseBgmax, stampText } from './bgmax';
import * as repo from './repo';

// --- BgMax import --------------------------------------------------------------------------------

const emptyTally = (): PaymentImportTally => ({
  matched: { count: 0, totalMinor: 0 },
  partial: { count: 0, totalMinor: 0 },
  over: { count: 0, totalMinor: 0 },
  unmatched: { count: 0, totalMinor: 0 },
  deductions: { count: 0, totalMinor: 0 },
});

/** What the queue shows a person assigning the payment by hand: extra references, texts, address. */
function payerNote(p: BgmaxPayment): string | null {
  const parts = [
    p.extraReferences.length ? `Ref: ${p.extraReferences.join(', ')}` : '',
    ...p.information,
    p.payerAddress
      ? [p.payerAddress.street, `${p.payerAddress.postalCode} ${p.payerAddress.town}`.trim(), p.payerAddress.country]
          .filter(Boolean)
          .join(', ')
      : '',
    p.payerOrgNumber ? `Org: ${p.payerOrgNumber}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ').slice(0, 1000) : null;
}

function toHttp(problem: BgmaxProblem): AppError {
  return new AppError(422, problem.code, { line: problem.line, ...problem.detail });
}

/** Refused as a whole: an earlier import of the same file, named by its date and deposit numbers. */
function duplicate(file: BgmaxFile, importedAt?: Date) {
  return new AppError(409, 'payment_import_duplicate', {
    fileDate: stampText(file.stamp),
    sequence: file.deposits.map((d) => d.serial).join(', '),
    ...(importedAt ? { importedAt: importedAt.toISOString().slice(0, 10) } : {}),
  });
}

/**
 * Imports a BgMax file in ONE transaction: checks it (§6), refuses a file imported before and a
 * payment booked before, then books every payment — an OCR reference (code 2) that names a notice
 * is allocated to it (exact, partial, or over: the rest stays as the customer's credit); the rest
 * goes to the unmatched queue. Any problem rolls all of it back.
 */
export async function importBgmax(deps: Deps, actor: StaffActor, data: Buffer): Promise<PaymentImportSummary> {
  assertMayManageBilling(actor);
  let file: BgmaxFile;
  try {
    file = parseBgmax(data);
    if (file.test) throw new BgmaxProblem('bgmax_test_file', 1);
    const context = await repo.paymentContext(deps.db, actor.landlordId);
    assertPayee(file, context.bankgiro);
  } catch (err) {
    if (err instanceof BgmaxProblem) throw toHttp(err);
    throw err;
  }
  const currency = file.deposits[0]!.currency as 'SEK' | 'EUR';
  const payeeAccount = file.deposits[0]!.payeeBankgiro;
  const sha256 = createHash('sha256').update(data).digest('hex');
  const landlordId = actor.landlordId;

  try {
    const id = await deps.db.transaction(async (tx) => {
      const earlier = await repo.findDuplicateImport(tx, { landlordId, payeeAccount, fileStamp: file.stamp, sha256 });
      if (earlier) throw duplicate(file, earlier.createdAt);
      const booked = new Set(await repo.bookedSerials(tx, { landlordId, serials: file.payments.map((p) => p.bankSerial) }));
      const first = file.payments.find((p) => booked.has(p.bankSerial));
      if (first) {
        // The same file may have committed between the two reads (two uploads at once): say so, as above.
        const committed = await repo.findDuplicateImport(tx, { landlordId, payeeAccount, fileStamp: file.stamp, sha256 });
        if (committed) throw duplicate(file, committed.createdAt);
        throw new AppError(409, 'payment_import_serial_booked', { line: first.line, serial: first.bankSerial });
      }

      const imp = await repo.insertImport(tx, {
        landlordId,
        format: 'bgmax',
        fileStamp: file.stamp,
        payeeAccount,
        sha256,
        paymentCount: file.payments.length,
        matchedCount: 0,
        totalMinor: file.deposits.reduce((s, d) => s + d.totalMinor, 0),
        currency,
        depositSerials: file.deposits.map((d) => d.serial),
        createdBy: actor.id,
      });
      const tally = emptyTally();
      for (const p of file.payments) await bookOne(tx, { landlordId, importId: imp.id, currency, createdBy: actor.id }, p, tally);
      await repo.setImportTally(tx, {
        landlordId,
        id: imp.id,
        tally,
        matchedCount: tally.matched.count + tally.partial.count + tally.over.count,
      });
      return imp.id;
    });
    return getImport(deps, actor, id);
  } catch (err) {
    const constraint = uniqueViolation(err);
    // Two uploads of one file (or of files sharing payments) at once: the second meets the first's
    // unique keys after both passed the checks above, and is refused as the duplicate it is.
    if (constraint?.startsWith('payment_imports_') || constraint === 'payments_bank_serial_key') throw duplicate(file);
    throw err;
  }
}

async function bookOne(
  tx: DbOrTx,
  ctx: { landlordId: string; importId: string; currency: 'SEK' | 'EUR'; createdBy: string },
  p: BgmaxPayment,
  tally: PaymentImportTally,
) {
  const base = {
    landlordId: ctx.landlordId,
    source: 'bgmax' as const,
    currency: ctx.currency,
    paidOn: p.depositDate,
    reference: p.reference || p.extraReferences[0] || null,
    payerName: p.payerName,
    payerAccount: p.payerBankgiro,
    bankSerial: p.bankSerial,
    importId: ctx.importId,
    note: payerNote(p),
    createdBy: ctx.createdBy,
  };
  if (p.kind === 'deduction') {
    // A deduction (TK21) takes money off the deposit: queued with a negative amount for finance.
    await bookPayment(tx, { ...base, customerId: null, amountMinor: -p.amountMinor });
    tally.deductions.count++;
    tally.deductions.totalMinor += p.amountMinor;
    return;
  }
  const invoice =
    p.referenceCode === 2 && p.reference ? await repo.invoiceByReference(tx, { landlordId: ctx.landlordId, reference: p.reference }) : null;
  if (!invoice || invoice.currency !== ctx.currency) {
    await bookPayment(tx, { ...base, customerId: null, amountMinor: p.amountMinor });
    tally.unmatched.count++;
    tally.unmatched.totalMinor += p.amountMinor;
    return;
  }
  const before = await repo.getInvoice(tx, { landlordId: ctx.landlordId, id: invoice.id });
  const { allocations } = await bookPayment(tx, { ...base, customerId: invoice.customerId, amountMinor: p.amountMinor }, invoice.id);
  const allocated = allocations.reduce((s, a) => s + a.amountMinor, 0);
  const outcome = allocated < p.amountMinor ? 'over' : allocated < (before?.openMinor ?? 0) ? 'partial' : 'matched';
  tally[outcome].count++;
  tally[outcome].totalMinor += p.amountMinor;
}

function presentImport(row: NonNullable<Awaited<ReturnType<typeof repo.getImport>>>): PaymentImportSummary {
  const imp: typeof paymentImports.$inferSelect = row.imp;
  return {
    id: imp.id,
    format: 'bgmax',
    fileCreatedAt: stampText(imp.fileStamp),
    depositSerials: imp.depositSerials,
    payeeAccount: imp.payeeAccount,
    paymentCount: imp.paymentCount,
    totalMinor: imp.totalMinor,
    currency: imp.currency,
    tally: imp.tally ?? emptyTally(),
    createdBy: row.createdBy?.id ? row.createdBy : null,
    createdAt: imp.createdAt.toISOString(),
  };
}

export async function getImport(deps: Deps, actor: StaffActor, id: string): Promise<PaymentImportSummary> {
  assertMayReadBilling(actor);
  const row = await repo.getImport(deps.db, { landlordId: actor.landlordId, id });
  if (!row) throw notFound('payment_import');
  return presentImport(row);
}

export async function listImports(deps: Deps, actor: StaffActor, query: CursorQuery): Promise<CursorPage<PaymentImportSummary>> {
  assertMayReadBilling(actor);
  const { items, ...page } = await repo.listImports(deps.db, { landlordId: actor.landlordId, ...query });
  return { ...page, items: items.map(presentImport) };
}
