import type { Config } from './config';
import type { Db } from './db/client';
import type { Storage } from './storage';

/** What services need from the outside world; the API and the worker both build one. */
export type Deps = { db: Db; config: Config; storage: Storage };
