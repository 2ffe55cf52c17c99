import PDFDocument from 'pdfkit';
import type { StaffActor } from '../../actors';
import type { Deps } from '../../deps';
import { upload } from '../files/service';
import { putTeam, setStaffPhone } from '../properties/portal-service';
import { createDocument } from './service';

/** One demo landlord's documents and property team (issue 12 §4–5), in its language. */
export type DocumentsDemo = {
  actor: StaffActor;
  locale: 'sv' | 'da';
  propertyId: string;
  /** Phones for the property's contacts (tenants see them on the property page). */
  phones: { staffUserId: string; phone: string }[];
  team: { staffUserId: string; title: string }[];
  customerId: string;
  leaseId: string;
};

/** A small real PDF (pdfkit's standard font: Latin-1 text, enough for sv and da). */
function demoPdf(title: string, lines: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title } });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.font('Helvetica-Bold').fontSize(18).text(title).moveDown();
    pdf.font('Helvetica').fontSize(11);
    for (const line of lines) pdf.text(line).moveDown(0.5);
    pdf.end();
  });
}

const TEXT = {
  sv: {
    rules: {
      title: 'Ordningsregler',
      lines: [
        'Visa hänsyn mot grannarna: tyst mellan 22 och 07.',
        'Tvättstugan bokas på tavlan i porten; lämna den städad.',
        'Barnvagnar och cyklar förvaras i cykelrummet, inte i trapphuset.',
        'Sopor sorteras i miljöhuset på gården.',
      ],
    },
    energy: { title: 'Energideklaration', lines: ['Energiklass C. Primärenergital 118 kWh/m² och år.', 'Giltig till och med 2033.'] },
    welcome: {
      title: 'Välkommen som hyresgäst',
      lines: ['Här finns det du behöver veta om ditt nya hem: nycklar, felanmälan och kontaktvägar.'],
    },
    appendix: { title: 'Bilaga till hyresavtal: parkering', lines: ['Parkeringsplats nr 14 ingår från och med nästa månad.'] },
  },
  da: {
    rules: {
      title: 'Husorden',
      lines: [
        'Vis hensyn til naboerne: ro mellem kl. 22 og 7.',
        'Vaskeriet bookes på tavlen i opgangen; efterlad det rent.',
        'Barnevogne og cykler opbevares i cykelkælderen, ikke på trappen.',
        'Affald sorteres i affaldsgården.',
      ],
    },
    energy: { title: 'Energimærke', lines: ['Energimærke B. Gyldigt til og med 2032.'] },
    welcome: {
      title: 'Velkommen som lejer',
      lines: ['Her er det, du skal vide om dit nye hjem: nøgler, fejlmelding og kontaktveje.'],
    },
    appendix: { title: 'Allonge til lejekontrakt: parkering', lines: ['Parkeringsplads nr. 14 indgår fra næste måned.'] },
  },
} as const;

async function file(
  deps: Deps,
  d: DocumentsDemo,
  scope: 'customer' | 'lease' | 'property',
  targetId: string,
  category: 'house_rules' | 'energy_certificate' | 'other' | 'contract',
  text: { title: string; lines: readonly string[] },
) {
  const data = await demoPdf(text.title, [...text.lines]);
  const attachment = await upload(deps, d.actor, { filename: `${text.title}.pdf`, data });
  await createDocument(deps, d.actor, { scope, targetId, category, title: text.title, attachmentId: attachment.id });
}

/** The demo's property teams, staff phones and documents: house rules and an energy certificate per property, a customer's and a lease's document. */
export async function seedDocumentsDemo(deps: Deps, landlords: DocumentsDemo[]) {
  for (const d of landlords) {
    const text = TEXT[d.locale];
    for (const p of d.phones) await setStaffPhone(deps.db, { landlordId: d.actor.landlordId, staffUserId: p.staffUserId, phone: p.phone });
    await putTeam(deps, d.actor, d.propertyId, d.team);
    await file(deps, d, 'property', d.propertyId, 'house_rules', text.rules);
    await file(deps, d, 'property', d.propertyId, 'energy_certificate', text.energy);
    await file(deps, d, 'customer', d.customerId, 'other', text.welcome);
    await file(deps, d, 'lease', d.leaseId, 'contract', text.appendix);
  }
}
