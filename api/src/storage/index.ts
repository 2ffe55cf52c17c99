import path from 'node:path';
import type { Config } from '../config';
import { createLocalStorage } from './local';
import type { Storage } from './types';

export type { Storage } from './types';

/** The store the configuration names (STORAGE_DRIVER). */
export function createStorage(config: Config['storage']): Storage {
  if (config.driver === 'local') return createLocalStorage(path.resolve(config.dir));
  // Filled in by the S3 part (issue 13): createS3Storage(config).
  throw new Error('STORAGE_DRIVER=s3 is not built yet');
}
