import type { MandateKind } from './contracts/billing-core';

/**
 * The terms a payer accepts when creating a direct-debit mandate, versioned per kind (issue 11 §4).
 * A new wording is a NEW entry with a new version id (never edit a published one: acceptances point
 * at it); the last entry of a kind is the current one. Texts in sv, da and en: the portal shows the
 * one of its language, and the acceptance stores the version, not the words.
 */
export type MandateTerms = { kind: MandateKind; version: string; publishedOn: string; texts: { sv: string; da: string; en: string } };

export const MANDATE_TERMS: readonly MandateTerms[] = [
  {
    kind: 'autogiro',
    version: 'autogiro-2027-01',
    publishedOn: '2027-01-01',
    texts: {
      sv: [
        'Medgivande till betalning via Autogiro',
        'Jag medger att betalningar får göras genom uttag från angivet konto, på begäran av angiven betalningsmottagare för överföring till betalningsmottagaren via Bankgirosystemet, vid den tidpunkt som betalningsmottagaren anger.',
        'Jag kan återkalla medgivandet genom att kontakta betalningsmottagaren eller min bank. Återkallelsen ska ha kommit betalningsmottagaren tillhanda senast fem bankdagar före förfallodagen, eller banken senast bankdagen före förfallodagen.',
        'Betalningsmottagaren ska senast åtta bankdagar före förfallodagen meddela belopp, förfallodag och betalningssätt. Jag ska se till att det finns tillräckligt med pengar på kontot senast bankdagen före förfallodagen. Om pengar saknas kan betalningsmottagaren göra nya uttagsförsök.',
        'Medgivandet gäller tills vidare och upphör när det återkallas eller när kontot avslutas.',
      ].join('\n\n'),
      da: [
        'Tilmelding til Autogiro (svensk betalingsservice)',
        'Jeg giver samtykke til, at betalinger trækkes fra den angivne konto på betalingsmodtagerens anmodning og overføres til betalingsmodtageren via Bankgirosystemet på den dag, betalingsmodtageren angiver.',
        'Jeg kan tilbagekalde samtykket ved at kontakte betalingsmodtageren senest fem bankdage før forfaldsdagen eller min bank senest bankdagen før forfaldsdagen.',
        'Betalingsmodtageren meddeler beløb, forfaldsdag og betalingsmåde senest otte bankdage før forfaldsdagen. Jeg sørger for, at der er penge nok på kontoen senest bankdagen før forfaldsdagen.',
        'Samtykket gælder, indtil det tilbagekaldes, eller kontoen lukkes.',
      ].join('\n\n'),
      en: [
        'Mandate for payment by Autogiro',
        'I consent to payments being withdrawn from the account given, at the request of the payee named, for transfer to the payee through the Bankgiro system on the date the payee sets.',
        'I can withdraw this mandate by contacting the payee no later than five banking days before the due date, or my bank no later than the banking day before the due date.',
        'The payee will tell me the amount, due date and method of payment no later than eight banking days before the due date. I will make sure there is enough money in the account no later than the banking day before the due date; if there is not, the payee may try again.',
        'The mandate applies until further notice and ends when it is withdrawn or the account is closed.',
      ].join('\n\n'),
    },
  },
  {
    kind: 'betalingsservice',
    version: 'betalingsservice-2027-01',
    publishedOn: '2027-01-01',
    texts: {
      da: [
        'Betalingsaftale via Betalingsservice',
        'Jeg giver samtykke til, at huslejen og andre opkrævninger fra udlejeren trækkes automatisk fra den angivne konto via Betalingsservice på forfaldsdagen.',
        'Udlejeren sender en oversigt over beløb og forfaldsdag, før der trækkes. Indtil aftalen står på min betalingsoversigt, betaler jeg opkrævningerne som hidtil.',
        'Jeg kan afvise en enkelt betaling hos min bank og kan opsige aftalen her, i min netbank eller hos min bank. Opsigelsen gælder fra den næste opkrævning, der ikke allerede er sendt til banken.',
        'Aftalen kan kun oprettes på en konto, jeg selv råder over.',
      ].join('\n\n'),
      sv: [
        'Betalningsavtal via Betalingsservice (dansk autogiro)',
        'Jag medger att hyran och andra avier från hyresvärden dras automatiskt från angivet konto via Betalingsservice på förfallodagen.',
        'Hyresvärden skickar en översikt med belopp och förfallodag innan något dras. Tills avtalet syns i min betalningsöversikt betalar jag avierna som vanligt.',
        'Jag kan stoppa en enskild betalning hos min bank och kan säga upp avtalet här, i internetbanken eller hos min bank. Uppsägningen gäller från nästa avi som inte redan skickats till banken.',
        'Avtalet kan bara gälla ett konto som jag själv förfogar över.',
      ].join('\n\n'),
      en: [
        'Payment agreement through Betalingsservice',
        'I consent to rent and other charges from the landlord being taken automatically from the account given, through Betalingsservice, on the due date.',
        'The landlord sends an overview of the amount and due date before anything is taken. Until the agreement shows on my payment overview, I pay the notices as before.',
        'I can stop a single payment at my bank and can cancel the agreement here, in my online bank or at my bank. The cancellation applies from the next notice not already sent to the bank.',
        'The agreement can only be for an account I control myself.',
      ].join('\n\n'),
    },
  },
];

/** The terms a new mandate of `kind` must accept. */
export function currentMandateTerms(kind: MandateKind): MandateTerms {
  const all = MANDATE_TERMS.filter((t) => t.kind === kind);
  const last = all.at(-1);
  if (!last) throw new Error(`no terms for ${kind}`);
  return last;
}

/** The kind a landlord of `country` collects by: Autogiro in Sweden, Betalingsservice in Denmark. */
export const mandateKindOf = (country: 'SE' | 'DK'): MandateKind => (country === 'DK' ? 'betalingsservice' : 'autogiro');
