/**
 * Storage keys are made by the server (UUIDs: upload ids, logo ids, invoice ids), never taken from
 * user input; this is the one check both stores rely on. A key lives at `<first 2 chars>/<key>`
 * in both stores (under FILES_DIR on disk, under S3_PREFIX in the bucket), so copying FILES_DIR
 * into the bucket (`aws s3 sync`) moves every file to the key S3 looks for (docs/storage.md).
 */
const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function checkKey(key: string): string {
  if (typeof key !== 'string' || !KEY.test(key)) throw new Error(`bad storage key ${JSON.stringify(String(key).slice(0, 60))}`);
  return key;
}

/** Where a (checked) key lives relative to the store's root or prefix. */
export const objectPath = (key: string) => `${key.slice(0, 2)}/${key}`;
