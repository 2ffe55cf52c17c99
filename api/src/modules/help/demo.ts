import type { StaffActor } from '../../actors';
import type { Deps } from '../../deps';
import { createArticle } from './service';

/**
 * Demo help articles for `npm start` (issue 12 §3), on top of the defaults every landlord gets: one
 * about each landlord's own building, in its language, as its staff would write it in the console.
 */
export async function seedHelpDemo(deps: Deps, actors: { se: StaffActor; dk: StaffActor }) {
  await createArticle(deps, actors.se, {
    locale: 'sv',
    category: 'property',
    title: 'Boka tvättstugan på Lilla Bommen 8',
    body: 'Tvättstugan finns i källaren och är öppen **07–22** alla dagar.\n\n- Boka ett pass på tavlan vid entrén eller ring fastighetsskötaren.\n- Ett pass är tre timmar. Avboka om du inte kan komma.\n- Torkrummet ska vara tömt när passet är slut.\n\nFel på en maskin? Gör en felanmälan under *Ärenden*.',
    position: 10,
    published: true,
  });
  await createArticle(deps, actors.dk, {
    locale: 'da',
    category: 'property',
    title: 'Affald og genbrug på Sandkaj 12',
    body: 'Affaldsrummet ligger i gården bag port B.\n\n- **Madaffald** i de grønne spande, **plast og metal** i de blå.\n- Storskrald stilles i rummet ved cykelkælderen den første mandag i måneden.\n- Pap skal foldes sammen.\n\nEr en container fuld? Send os en besked.',
    position: 10,
    published: true,
  });
}
