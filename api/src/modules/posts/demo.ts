import { deflateSync } from 'node:zlib';
import type { StaffActor } from '../../actors';
import type { Deps } from '../../deps';
import { upload } from '../files/service';
import { createPost } from './service';

const DAY = 24 * 3600 * 1000;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A small landscape PNG for the demo: sky over a green courtyard with a row of trees (no image files in the repo). */
export function demoPng(width = 240, height = 150): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const tree = y > height * 0.35 && y < height * 0.65 && Math.hypot((x % 48) - 24, y - height * 0.5) < 18;
      const [r, g, b] = tree ? [46, 110, 60] : y < height * 0.55 ? [150 + (y % 20), 195, 235] : [96, 160, 90];
      row.set([r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

type DemoText = { category: 'news' | 'bulletin' | 'area'; title: string; body: string };
const TEXTS: Record<'sv' | 'da', { pinned: DemoText; image: DemoText; area: DemoText; news: DemoText; expired: DemoText }> = {
  sv: {
    pinned: {
      category: 'news',
      title: 'Välkommen till hyresgästportalen',
      body: 'Här hittar du nyheter från oss, anslagstavlan för ditt hus och information om området.\n\n- Felanmäl under **Ärenden**\n- Skicka frågor under **Meddelanden**',
    },
    image: {
      category: 'bulletin',
      title: 'Gårdsfest lördag kl. 14',
      body: 'Välkommen på gårdsfest på innergården! Vi bjuder på **fika och grillat**. Ta gärna med en stol.\n\nVid regn flyttar vi in i föreningslokalen.',
    },
    area: {
      category: 'area',
      title: 'Ny återvinningsstation vid Lilla Bommen',
      body: 'Kommunen har öppnat en återvinningsstation 200 meter från huset, vid busshållplatsen. Där lämnar du glas, metall, papper och plast.',
    },
    news: {
      category: 'news',
      title: 'Fönsterputs vecka 3',
      body: 'Fönstren putsas utvändigt under vecka 3. Ställ undan blommor och saker i fönsterkarmarna så att fönsterputsarna kommer åt.',
    },
    expired: {
      category: 'bulletin',
      title: 'Julgransinsamling (avslutad)',
      body: 'Julgranarna hämtades vid porten i januari.',
    },
  },
  da: {
    pinned: {
      category: 'news',
      title: 'Velkommen til lejerportalen',
      body: 'Her finder du nyheder fra os, opslagstavlen for din opgang og information om området.\n\n- Meld fejl under **Sager**\n- Send spørgsmål under **Beskeder**',
    },
    image: {
      category: 'bulletin',
      title: 'Gårdfest lørdag kl. 14',
      body: 'Kom til gårdfest i gården! Vi byder på **kaffe, kage og grill**. Tag gerne en stol med.\n\nVed regn rykker vi ind i fælleslokalet.',
    },
    area: {
      category: 'area',
      title: 'Ny havnebus ved Sandkaj',
      body: 'Havnebussen har fået et nyt stoppested ved Sandkaj. Den sejler hver 20. minut mod Nyhavn i dagtimerne.',
    },
    news: {
      category: 'news',
      title: 'Vinduespudsning i uge 3',
      body: 'Vinduerne pudses udvendigt i uge 3. Fjern venligst planter og ting i vindueskarmene, så vinduespudserne kan komme til.',
    },
    expired: {
      category: 'bulletin',
      title: 'Indsamling af juletræer (afsluttet)',
      body: 'Juletræerne blev hentet ved opgangen i januar.',
    },
  },
};

/**
 * Demo posts (issue 12 §2) for each demo landlord, in its language: a pinned welcome for all
 * properties, a bulletin post with an image for one property, area information, a news item and an
 * expired post that must not show.
 */
export async function seedPostsDemo(deps: Deps, landlords: { actor: StaffActor; propertyId: string; locale: 'sv' | 'da' }[]) {
  const now = Date.now();
  const at = (days: number) => new Date(now + days * DAY).toISOString();
  for (const { actor, propertyId, locale } of landlords) {
    const text = TEXTS[locale];
    const one = { allProperties: false, propertyIds: [propertyId] };
    const all = { allProperties: true, propertyIds: [] };
    await createPost(deps, actor, { ...text.pinned, pinned: true, publishFrom: at(-30), target: all });
    const image = await upload(deps, actor, { filename: locale === 'sv' ? 'gardsfest.png' : 'gaardfest.png', data: demoPng() });
    await createPost(deps, actor, {
      ...text.image,
      pinned: false,
      publishFrom: at(-2),
      publishUntil: at(12),
      target: one,
      imageAttachmentId: image.id,
    });
    await createPost(deps, actor, { ...text.area, pinned: false, publishFrom: at(-10), target: one });
    await createPost(deps, actor, { ...text.news, pinned: false, publishFrom: at(-5), target: all });
    await createPost(deps, actor, { ...text.expired, pinned: false, publishFrom: at(-60), publishUntil: at(-40), target: all });
  }
}
