import { createReadStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { guardStorage } from './guard';
import { objectPath } from './keys';
import type { Storage } from './types';

/** Files on local disk under one root, at `<root>/<2 chars>/<key>` (keys checked by guard.ts). */
export function createLocalStorage(root: string): Storage {
  const file = (key: string) => path.join(root, objectPath(key));
  return guardStorage(
    {
      async put(key, data) {
        await mkdir(path.dirname(file(key)), { recursive: true });
        await writeFile(file(key), data);
      },
      read: (key) => createReadStream(file(key)),
      remove: (key) => rm(file(key), { force: true }),
    },
    (err) => (err as NodeJS.ErrnoException | undefined)?.code === 'ENOENT',
  );
}
