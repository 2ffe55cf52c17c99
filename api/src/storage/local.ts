import { createReadStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Storage } from './types';

/** Files on local disk under one root; keys are server-made UUIDs, never user input. */
export function createLocalStorage(root: string): Storage {
  const resolve = (key: string) => {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error(`bad storage key ${key}`);
    return path.join(root, key.slice(0, 2), key);
  };
  return {
    async put(key: string, data: Buffer) {
      const file = resolve(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, data);
    },
    read: (key: string) => createReadStream(resolve(key)),
    remove: (key: string) => rm(resolve(key), { force: true }),
  };
}
