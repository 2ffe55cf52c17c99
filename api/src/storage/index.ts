import path from 'node:path';
import type { Config } from '../config';
import { createLocalStorage } from './local';
import { createS3Storage } from './s3';
import type { Storage } from './types';

export type { Storage } from './types';

/** The store the configuration names (STORAGE_DRIVER): local disk, or an S3-compatible bucket. */
export function createStorage(config: Config['storage']): Storage {
  if (config.driver === 'local') return createLocalStorage(path.resolve(config.dir));
  return createS3Storage(config);
}
