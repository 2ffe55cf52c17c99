import type { HelpCategory } from '@portico/shared/contracts/help';
import type { Locale } from '@portico/shared/locale';

/**
 * The articles every new landlord starts with (issue 12 §3), in sv, da and en. They are ordinary rows
 * afterwards: the landlord edits, unpublishes or deletes them. `key` becomes the rows' article_key, so
 * the backfill (ensureDefaultHelpArticles) never adds one twice. Written for both countries: BankID
 * (Sweden) and MitID (Denmark) are both named where signing in is explained.
 */
export type DefaultArticle = {
  key: string;
  category: HelpCategory;
  position: number;
  text: Record<Locale, { title: string; body: string }>;
};

export const DEFAULT_HELP_ARTICLES: readonly DefaultArticle[] = [
  {
    key: 'default-sign-in',
    category: 'sign_in',
    position: 10,
    text: {
      sv: {
        title: 'Logga in med BankID eller lösenord',
        body: 'Du loggar in på portalen med **BankID** eller med din e-postadress och ditt lösenord.\n\n- Välj *Logga in med BankID* och öppna BankID-appen på din telefon.\n- Eller skriv din e-postadress och ditt lösenord.\n\nFick du en inbjudan via e-post? Följ länken i mejlet för att välja ett lösenord första gången.',
      },
      da: {
        title: 'Log ind med MitID eller adgangskode',
        body: 'Du logger ind på portalen med **MitID** eller med din e-mailadresse og din adgangskode.\n\n- Vælg *Log ind med MitID* og godkend i MitID-appen.\n- Eller skriv din e-mailadresse og din adgangskode.\n\nHar du fået en invitation på e-mail? Følg linket i mailen for at vælge en adgangskode første gang.',
      },
      en: {
        title: 'Signing in with BankID, MitID or a password',
        body: 'You sign in to the portal with **BankID** (Sweden), **MitID** (Denmark) or with your e-mail address and password.\n\n- Choose the e-ID button and approve in the app on your phone.\n- Or type your e-mail address and your password.\n\nDid you get an invitation by e-mail? Follow the link in it to choose a password the first time.',
      },
    },
  },
  {
    key: 'default-forgot-password',
    category: 'sign_in',
    position: 20,
    text: {
      sv: {
        title: 'Jag har glömt mitt lösenord',
        body: 'Välj *Glömt lösenordet?* på inloggningssidan och skriv din e-postadress. Vi skickar en länk där du väljer ett nytt lösenord. Länken gäller en kort stund, så använd den direkt.\n\nKommer inget mejl? Titta i skräpposten, eller logga in med BankID i stället.',
      },
      da: {
        title: 'Jeg har glemt min adgangskode',
        body: 'Vælg *Glemt adgangskode?* på login-siden og skriv din e-mailadresse. Vi sender et link, hvor du vælger en ny adgangskode. Linket gælder kun kort tid, så brug det med det samme.\n\nKommer der ingen mail? Kig i spam-mappen, eller log ind med MitID i stedet.',
      },
      en: {
        title: 'I have forgotten my password',
        body: 'Choose *Forgot password?* on the sign-in page and type your e-mail address. We send you a link where you choose a new password. The link is only valid for a short while, so use it straight away.\n\nNo e-mail? Look in your spam folder, or sign in with BankID or MitID instead.',
      },
    },
  },
  {
    key: 'default-report-fault',
    category: 'cases',
    position: 10,
    text: {
      sv: {
        title: 'Gör en felanmälan',
        body: 'Gå till *Ärenden* och välj *Nytt ärende*. Beskriv felet så noga du kan, var det finns och när det började. Lägg gärna till en bild.\n\nVid akuta fel som vattenläcka, strömavbrott i hela lägenheten eller inbrott: ring jourtelefonen direkt.',
      },
      da: {
        title: 'Anmeld en fejl',
        body: 'Gå til *Sager* og vælg *Ny sag*. Beskriv fejlen så præcist du kan, hvor den er, og hvornår den begyndte. Tilføj gerne et billede.\n\nVed akutte fejl som vandskade, strømsvigt i hele lejligheden eller indbrud: ring straks til vagttelefonen.',
      },
      en: {
        title: 'Report a fault',
        body: 'Go to *Cases* and choose *New case*. Describe the fault as precisely as you can: where it is and when it started. Adding a photo helps.\n\nFor emergencies such as a water leak, a power cut in the whole flat or a break-in: call the emergency line straight away.',
      },
    },
  },
  {
    key: 'default-follow-case',
    category: 'cases',
    position: 20,
    text: {
      sv: {
        title: 'Följ ditt ärende',
        body: 'Under *Ärenden* ser du alla dina ärenden och vilken status de har. Öppna ett ärende för att se vad som har hänt och för att skriva till oss. Du får ett meddelande när något ändras.',
      },
      da: {
        title: 'Følg din sag',
        body: 'Under *Sager* ser du alle dine sager og deres status. Åbn en sag for at se, hvad der er sket, og for at skrive til os. Du får besked, når noget ændrer sig.',
      },
      en: {
        title: 'Follow your case',
        body: 'Under *Cases* you see all your cases and their status. Open a case to see what has happened and to write to us. You are notified when something changes.',
      },
    },
  },
  {
    key: 'default-messages',
    category: 'messages',
    position: 10,
    text: {
      sv: {
        title: 'Skicka ett meddelande till oss',
        body: 'Under *Meddelanden* kan du skriva till oss om allt som inte är en felanmälan, till exempel frågor om ditt kontrakt. Du får svaret i samma konversation och ett mejl när vi har svarat.',
      },
      da: {
        title: 'Send os en besked',
        body: 'Under *Beskeder* kan du skrive til os om alt, der ikke er en fejlanmeldelse, for eksempel spørgsmål om din lejekontrakt. Du får svaret i samme samtale og en mail, når vi har svaret.',
      },
      en: {
        title: 'Send us a message',
        body: 'Under *Messages* you can write to us about anything that is not a fault report, for example questions about your lease. Our answer comes in the same conversation, with an e-mail when we have replied.',
      },
    },
  },
  {
    key: 'default-invoices',
    category: 'invoices',
    position: 10,
    text: {
      sv: {
        title: 'Fakturor och betalning av hyran',
        body: 'Under *Fakturor* ser du dina hyresavier, vad som är betalt och vad som ska betalas. Betala med OCR-numret på avin via din bank, eller anslut autogiro så dras hyran automatiskt varje månad.\n\nHar du betalat men fakturan visas som obetald? Det kan ta några bankdagar innan betalningen syns.',
      },
      da: {
        title: 'Fakturaer og betaling af husleje',
        body: 'Under *Fakturaer* ser du dine huslejeopkrævninger, hvad der er betalt, og hvad der skal betales. Betal med betalingsoplysningerne på opkrævningen i din bank, eller tilmeld Betalingsservice, så trækkes huslejen automatisk hver måned.\n\nHar du betalt, men står fakturaen som ubetalt? Der kan gå et par bankdage, før betalingen ses.',
      },
      en: {
        title: 'Invoices and paying the rent',
        body: 'Under *Invoices* you see your rent notices, what is paid and what is due. Pay with the payment reference on the notice through your bank, or set up direct debit so the rent is collected automatically every month.\n\nPaid, but the invoice still shows as unpaid? A payment can take a few banking days to appear.',
      },
    },
  },
  {
    key: 'default-moving-out',
    category: 'moving',
    position: 10,
    text: {
      sv: {
        title: 'Säga upp lägenheten och flytta',
        body: 'Uppsägningen ska vara skriftlig. Uppsägningstiden står i ditt hyreskontrakt, oftast tre kalendermånader. Skicka ett meddelande till oss så bekräftar vi och bokar en besiktning före flytten.\n\nInnan du flyttar: städa, lämna tillbaka alla nycklar och ge oss din nya adress.',
      },
      da: {
        title: 'Opsig lejligheden og flyt',
        body: 'Opsigelsen skal være skriftlig. Opsigelsesvarslet står i din lejekontrakt, typisk tre måneder. Send os en besked, så bekræfter vi og aftaler et fraflytningssyn.\n\nFør du flytter: gør rent, aflever alle nøgler, og giv os din nye adresse.',
      },
      en: {
        title: 'Giving notice and moving out',
        body: 'Notice must be given in writing. Your notice period is in your lease, often three months. Send us a message and we confirm it and book an inspection before you move.\n\nBefore you move: clean, hand back all keys and give us your new address.',
      },
    },
  },
  {
    key: 'default-contact',
    category: 'other',
    position: 10,
    text: {
      sv: {
        title: 'Vem kontaktar jag?',
        body: '- **Fel i lägenheten eller fastigheten:** gör en felanmälan under *Ärenden*.\n- **Frågor om hyra, kontrakt eller annat:** skicka ett meddelande.\n- **Akuta fel utanför kontorstid:** ring jourtelefonen.\n\nVåra kontaktuppgifter finns under *Om fastigheten*.',
      },
      da: {
        title: 'Hvem kontakter jeg?',
        body: '- **Fejl i lejligheden eller ejendommen:** anmeld fejlen under *Sager*.\n- **Spørgsmål om husleje, kontrakt eller andet:** send en besked.\n- **Akutte fejl uden for kontortid:** ring til vagttelefonen.\n\nVores kontaktoplysninger står under *Om ejendommen*.',
      },
      en: {
        title: 'Who do I contact?',
        body: '- **A fault in your home or the building:** report it under *Cases*.\n- **Questions about rent, your lease or anything else:** send a message.\n- **Emergencies outside office hours:** call the emergency line.\n\nOur contact details are under *About the property*.',
      },
    },
  },
];
