import { NoticeCreateSchema } from '@portico/shared/contracts/operational-info';
import type { StaffActor } from '../../actors';
import type { Deps } from '../../deps';
import { createNotice, resolveNotice } from './service';

const HOUR = 3600_000;
const at = (now: Date, hours: number) => new Date(now.getTime() + hours * HOUR).toISOString();

/**
 * Demo operational notices (issue 12 §1) for `npm start`, through the service as the console writes
 * them: Göta (sv) and Nordhavn (da) each get a current disruption, planned work and one resolved
 * early. None is urgent, so loading the demo sends nothing.
 */
export async function seedOperationalNotices(
  deps: Deps,
  landlords: { se: { actor: StaffActor; propertyId: string }; dk: { actor: StaffActor; propertyId: string } },
  now = new Date(),
) {
  const { se, dk } = landlords;
  const one = (propertyId: string) => ({ allProperties: false, propertyIds: [propertyId] });
  await createNotice(
    deps,
    se.actor,
    NoticeCreateSchema.parse({
      kind: 'disruption',
      title: 'Hissen i trapphus B står still',
      body: 'Hissen i trapphus B är ur funktion efter ett larm i natt. En tekniker är på väg.\n\nVi beräknar att den går igen **i eftermiddag**.',
      startsAt: at(now, -3),
      target: one(se.propertyId),
    }),
  );
  await createNotice(
    deps,
    se.actor,
    NoticeCreateSchema.parse({
      kind: 'planned_work',
      title: 'Vattnet stängs av för stambyte',
      body: 'Kallt och varmt vatten stängs av i hela huset medan vi byter ventiler i källaren.\n\n- Fyll gärna upp en kanna i förväg\n- Tvättstugan är stängd under arbetet',
      startsAt: at(now, 24 * 6 + 2),
      endsAt: at(now, 24 * 6 + 8),
      target: one(se.propertyId),
    }),
  );
  const old = await createNotice(
    deps,
    se.actor,
    NoticeCreateSchema.parse({
      kind: 'disruption',
      title: 'Porttelefonen fungerar inte',
      body: 'Porttelefonen vid huvudentrén svarar inte. Använd din tagg tills vidare.',
      startsAt: at(now, -48),
      target: { allProperties: true, propertyIds: [] },
    }),
  );
  await resolveNotice(deps, se.actor, old.id, { comment: 'Porttelefonen är lagad.' });
  await createNotice(
    deps,
    dk.actor,
    NoticeCreateSchema.parse({
      kind: 'disruption',
      title: 'Varmt vand er afbrudt',
      body: 'Der er ingen varmt vand i opgang A på grund af en utæt ventil. VVS-montøren er bestilt.',
      startsAt: at(now, -1),
      endsAt: at(now, 5),
      target: one(dk.propertyId),
    }),
  );
  await createNotice(
    deps,
    dk.actor,
    NoticeCreateSchema.parse({
      kind: 'planned_work',
      title: 'Vinduespudsning',
      body: 'Vinduerne pudses udvendigt. Hold venligst vindueskarmene fri, og luk vinduerne.',
      startsAt: at(now, 24 * 3 + 1),
      endsAt: at(now, 24 * 3 + 7),
      target: { allProperties: true, propertyIds: [] },
    }),
  );
}
